import type { ProjectView } from '@contract/project.contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import { periodLabel, PROJECT_STATUS_LABELS } from '../../../../../cloudfunctions/domain/project.rules'
import { dateTimeLabel } from '../../../../../cloudfunctions/domain/time'

/** The status in a word and a colour, never colour alone. */
const BADGE: Record<ProjectView['status'], string> = {
  planned: 'vol-badge--plain',
  active: 'vol-badge--warn',
  done: 'vol-badge--ok',
  cancelled: 'vol-badge--bad',
}

/** One 为民办实事 project as anyone sees it: what, by whom, when, its status, whom it served and through what. */
export function ProjectCard({
  project,
  children,
  onTap,
  full = false,
}: {
  project: ProjectView
  children?: ReactNode
  onTap?: () => void
  /** The whole description and every linked activity (the project's own page). */
  full?: boolean
}) {
  const shown = full ? project.activities : project.activities.slice(0, 3)
  return (
    <View className="card project-card" onClick={onTap}>
      <View className="vol-head">
        <Text className="t-title">{project.title}</Text>
        <Text className={`t-body vol-badge ${BADGE[project.status]}`}>
          {PROJECT_STATUS_LABELS[project.status]}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {project.orgName} · {periodLabel(project.startDate, project.endDate)}
          {project.partner ? ` · 共建单位：${project.partner}` : ''}
        </Text>
      </View>
      <View>
        <Text className={full ? 't-body' : 't-body vol-clamp'}>{project.description}</Text>
      </View>
      <View>
        <Text className="t-body project-beneficiaries">
          {project.beneficiaries === null ? '受益人次：完成后填写' : `受益 ${project.beneficiaries} 人次`}
        </Text>
      </View>
      {project.status === 'cancelled' && project.reason && (
        <View>
          <Text className="t-caption">取消原因：{project.reason}</Text>
        </View>
      )}
      {shown.length > 0 && (
        <View className="vol-linked">
          <Text className="t-caption">关联的志愿活动：</Text>
          {shown.map((a) => (
            <View key={a.id}>
              <Text className="t-caption">
                {a.title} · {dateTimeLabel(a.startAt)} ·{' '}
                {a.status === 'closed'
                  ? `受益 ${a.beneficiaries ?? 0} 人次`
                  : a.status === 'cancelled'
                    ? '活动已取消'
                    : '尚未结项'}
              </Text>
            </View>
          ))}
          {project.activities.length > shown.length && (
            <Text className="t-caption">等 {project.activities.length} 个活动</Text>
          )}
        </View>
      )}
      {children}
    </View>
  )
}
