import type { AttendanceView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'

import { formatRate } from '../../../../../cloudfunctions/domain/rates'
import { type CheckinMethod, METHOD_LABELS } from '../../../../../cloudfunctions/domain/study.rules'

const METHODS = Object.keys(METHOD_LABELS) as CheckinMethod[]

/**
 * 应到/实到/请假/缺席/迟到/列席, both 出勤率, and how people were recorded (补签/补学 apart from scans). Before the
 * start there is no 缺席 and no rate yet: 应到, who has already checked in (from 30 minutes before) and 请假.
 */
export function AttendanceSummary({
  summary,
  phase,
}: {
  summary: AttendanceView['summary']
  phase: AttendanceView['phase']
}) {
  const upcoming = phase === 'upcoming'
  const figures: [string, number][] = upcoming
    ? [
        ['应到', summary.expected],
        ['已签到', summary.present],
        ['请假', summary.onLeave],
      ]
    : [
        ['应到', summary.expected],
        ['实到', summary.present],
        ['请假', summary.onLeave],
        ['缺席', summary.absent],
        ['迟到', summary.late],
        ['列席', summary.visitors],
      ]
  return (
    <View className="card">
      <View className="figures">
        {figures.map(([label, value]) => (
          <View key={label} className="figure">
            <Text className="figure__value">{value}</Text>
            <Text className="t-caption">{label}</Text>
          </View>
        ))}
      </View>
      {upcoming ? (
        <Text className="t-caption">活动尚未开始，开始后统计出勤率</Text>
      ) : (
        <Rates summary={summary} />
      )}
      <View>
        <Text className="t-caption">
          {METHODS.map((m) => `${METHOD_LABELS[m]} ${summary.byMethod[m] ?? 0}`).join(' · ')}
        </Text>
      </View>
    </View>
  )
}

function Rates({ summary }: { summary: AttendanceView['summary'] }) {
  return (
    <View>
      <View className="study-row">
        <Text className="t-body">出勤率</Text>
        <Text className="t-body">{formatRate(summary.present, summary.expected)}</Text>
      </View>
      <View className="study-row">
        <Text className="t-body">出勤率（扣除请假）</Text>
        <Text className="t-body">{formatRate(summary.present, summary.expected - summary.onLeave)}</Text>
      </View>
    </View>
  )
}
