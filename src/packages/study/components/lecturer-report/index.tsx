import type { LecturerReportView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'

import {
  SESSION_FORMATS,
  SESSION_TYPES,
  type SessionFormat,
  type SessionType,
} from '../../../../../cloudfunctions/domain/study.rules'
import { Bar } from '../bar'

const TYPES = Object.keys(SESSION_TYPES) as SessionType[]
const FORMATS = Object.keys(SESSION_FORMATS) as SessionFormat[]

/** A year of the pool: sessions per lecturer, and the mix by type and by 理论学习/活动. */
export function LecturerReport({ report }: { report: LecturerReportView }) {
  const byLecturer = Math.max(0, ...report.lecturers.map((l) => l.sessions))
  const byType = Math.max(0, ...TYPES.map((t) => report.byType[t] ?? 0))
  return (
    <View>
      <View className="card">
        <Text className="t-body study-section-title">
          {report.year}年共{report.total}场学习活动
        </Text>
        {report.lecturers.length === 0 ? (
          <Text className="t-caption">还没有讲师</Text>
        ) : (
          report.lecturers.map((l) => (
            <Bar
              key={l.id}
              label={`${l.name}（${l.isStaff ? '本单位' : '外聘'}）`}
              value={l.sessions}
              max={byLecturer}
            />
          ))
        )}
      </View>
      <View className="card">
        <Text className="t-body study-section-title">按活动类型</Text>
        {TYPES.map((t) => (
          <Bar key={t} label={SESSION_TYPES[t]} value={report.byType[t] ?? 0} max={byType} />
        ))}
      </View>
      <View className="card">
        <Text className="t-body study-section-title">按形式</Text>
        {FORMATS.map((f) => (
          <Bar key={f} label={SESSION_FORMATS[f]} value={report.byFormat[f] ?? 0} max={report.total} />
        ))}
      </View>
    </View>
  )
}
