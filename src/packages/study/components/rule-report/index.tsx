import type { RuleReportView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

/** 每月2次理论学习: who should have studied, who did, and who fell short with their count (and 已提醒 today). */
export function RuleReport({ report, children }: { report: RuleReportView; children?: ReactNode }) {
  return (
    <View>
      <View className="card">
        <View className="figures">
          <View className="figure">
            <Text className="figure__value">{report.total}</Text>
            <Text className="t-caption">应学人数</Text>
          </View>
          <View className="figure">
            <Text className="figure__value">{report.met}</Text>
            <Text className="t-caption">达标人数</Text>
          </View>
          <View className="figure">
            <Text className="figure__value">{report.below.length}</Text>
            <Text className="t-caption">未达标</Text>
          </View>
        </View>
        <Text className="t-caption">达标：每月至少参加{report.required}次理论学习</Text>
      </View>
      <View className="card">
        <Text className="t-body study-section-title">未达到每月{report.required}次的党员</Text>
        {report.below.length === 0 ? (
          <Text className="t-body ok-text">本月全部达标</Text>
        ) : (
          report.below.map((m) => (
            <View key={m.memberId} className="study-row">
              <View className="study-row__main">
                <Text className="t-body">{m.name}</Text>
                <Text className="t-caption"> {m.orgName}</Text>
              </View>
              {m.remindedToday && <Text className="t-caption">已提醒 </Text>}
              <Text className="t-body error-text">{m.count}次</Text>
            </View>
          ))
        )}
        {children}
      </View>
    </View>
  )
}
