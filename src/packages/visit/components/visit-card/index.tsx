import type { VisitView } from '@contract/index'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import { dateTimeLabel } from '../../../../../cloudfunctions/domain/time'
import { RATING_LABELS, VISIT_STEP_LABELS } from '../../../../../cloudfunctions/domain/visit.rules'
import { VisitPhotos } from '../visit-photos'

type Tone = 'ok' | 'warn' | 'bad' | 'plain'

function toneOf(visit: VisitView): Tone {
  if (visit.overdue) return 'bad'
  if (visit.status === 'confirmed') return 'ok'
  if (visit.status === 'cancelled' || visit.status === 'rejected') return 'plain'
  return 'warn'
}

export interface VisitCardProps {
  visit: VisitView
  /** Who looks: the resident reads the progress in plain words, staff read the request. */
  audience: 'resident' | 'staff'
  children?: ReactNode
}

/** One request as a card: what, where, when, its state in words, and the actions below it. */
export function VisitCard({ visit, audience, children }: VisitCardProps) {
  return (
    <View className="card" id={`visit-${visit.id}`}>
      <View className="visit-head">
        <Text className="t-title">{visit.serviceLabel}</Text>
        <Text className={`t-caption visit-badge visit-badge--${toneOf(visit)}`}>
          {visit.overdue && visit.dueStep ? `${VISIT_STEP_LABELS[visit.dueStep]}超时` : visit.statusLabel}
        </Text>
      </View>
      {audience === 'resident' && <Text className="t-body visit-progress">{visit.progress}</Text>}
      {audience === 'staff' && visit.escalated && (
        <Text className="t-body visit-error">超时未处理，已上报街道</Text>
      )}
      {audience === 'staff' && visit.autoConfirmed && (
        <Text className="t-caption visit-line">居民到期未确认，系统已自动确认</Text>
      )}
      <Text className="t-body visit-line">{visit.description}</Text>
      <Text className="t-caption visit-line">
        {visit.orgName} · 地址：{visit.address}
      </Text>
      <Text className="t-caption visit-line">
        电话：{visit.phone} · 希望时间：{visit.preferredLabel}
      </Text>
      <Text className="t-caption visit-line">提交于 {dateTimeLabel(visit.submittedAt)}</Text>
      {visit.assigneeName && <Text className="t-caption visit-line">服务人员：{visit.assigneeName}</Text>}
      {visit.reason && <Text className="t-caption visit-line">原因：{visit.reason}</Text>}
      {visit.notes && (
        <Text className="t-caption visit-line">
          服务情况：{visit.notes}（{visit.durationMinutes}分钟）
        </Text>
      )}
      {visit.rating !== null && (
        <Text className="t-caption visit-line">
          评价：{visit.rating}分 {RATING_LABELS[visit.rating]}
          {visit.comment ? `，${visit.comment}` : ''}
        </Text>
      )}
      <VisitPhotos visit={visit} />
      {children}
    </View>
  )
}
