import type { EntryView } from '@contract/volunteer.contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import { dateTimeLabel, timeOf } from '../../../../../cloudfunctions/domain/time'
import {
  ENTRY_METHOD_LABELS,
  ENTRY_STATUS_LABELS,
  hoursLabel,
} from '../../../../../cloudfunctions/domain/volunteer.rules'

/** One sign-in/out pair or 补录: when, how long, how it was entered (by whom, why) and where it stands. */
export function EntryRow({
  entry,
  showName,
  children,
}: {
  entry: EntryView
  showName?: boolean
  children?: ReactNode
}) {
  const span =
    entry.method === 'makeup'
      ? '补录'
      : `${dateTimeLabel(entry.signInAt)}–${entry.signOutAt ? timeOf(entry.signOutAt) : '未签退'}`
  return (
    <View className="vol-row">
      <View className="vol-row__main">
        <Text className="t-body">
          {showName ? `${entry.memberName} · ` : ''}
          {span}
          {entry.minutes !== null ? ` · ${hoursLabel(entry.minutes)}` : ''}
        </Text>
        <View>
          <Text className="t-caption">
            {ENTRY_METHOD_LABELS[entry.method]}
            {entry.recordedByName ? `（${entry.recordedByName}登记）` : ''}
            {entry.reason ? ` · 原因：${entry.reason}` : ''} · {ENTRY_STATUS_LABELS[entry.status]}
          </Text>
        </View>
      </View>
      {children}
    </View>
  )
}
