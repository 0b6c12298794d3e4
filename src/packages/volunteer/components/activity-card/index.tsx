import type { ActivitySummary } from '@contract/volunteer.contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import { spanLabel } from '../../../../../cloudfunctions/domain/time'
import { hoursLabel, SERVICE_TYPES } from '../../../../../cloudfunctions/domain/volunteer.rules'

/** One activity as members and organisers see it: what, when, where, with whom, and the places left. */
export function ActivityCard({
  activity,
  children,
  onTap,
}: {
  activity: ActivitySummary
  children?: ReactNode
  onTap?: () => void
}) {
  const left = Math.max(0, activity.capacity - activity.signedUp)
  return (
    <View className="card" onClick={onTap}>
      <Text className="t-title">{activity.title}</Text>
      <View>
        <Text className="t-body">
          {SERVICE_TYPES[activity.serviceType]} · {spanLabel(activity.startAt, activity.endAt)}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {activity.place} · {activity.orgName}
          {activity.partner ? ` · 共建单位：${activity.partner}` : ''}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          计划时长 {hoursLabel(activity.plannedMinutes)} · 已报名 {activity.signedUp}/{activity.capacity}
          {activity.status === 'closed'
            ? ` · 已结项，受益 ${activity.beneficiaries ?? 0} 人次`
            : activity.status === 'cancelled'
              ? ' · 已取消'
              : left === 0
                ? ' · 名额已满'
                : ''}
          {activity.joined ? ' · 我已报名' : ''}
        </Text>
      </View>
      {activity.status === 'cancelled' && (
        <View>
          <Text className="t-body vol-cancelled">
            活动已取消：{activity.cancelReason ?? '组织者未说明原因'}
          </Text>
        </View>
      )}
      {children}
    </View>
  )
}
