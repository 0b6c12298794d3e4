import type { AttendanceView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'

import { type CheckinMethod, METHOD_LABELS } from '../../../../../cloudfunctions/domain/study.rules'
import { percent } from '../../lib/labels'

const METHODS = Object.keys(METHOD_LABELS) as CheckinMethod[]

/** 应到/实到/请假/缺席/迟到/列席, both 出勤率, and how people were recorded (补签/补学 apart from scans). */
export function AttendanceSummary({ summary }: { summary: AttendanceView['summary'] }) {
  const figures: [string, number][] = [
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
      <View className="study-row">
        <Text className="t-body">出勤率</Text>
        <Text className="t-body">{percent(summary.rateOfExpected)}</Text>
      </View>
      <View className="study-row">
        <Text className="t-body">出勤率（扣除请假）</Text>
        <Text className="t-body">{percent(summary.rateOfRequired)}</Text>
      </View>
      <View>
        <Text className="t-caption">
          {METHODS.map((m) => `${METHOD_LABELS[m]} ${summary.byMethod[m] ?? 0}`).join(' · ')}
        </Text>
      </View>
    </View>
  )
}
