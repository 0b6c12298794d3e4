import type { ExamStatsView } from '@contract/quiz.contract'
import { Text, View } from '@tarojs/components'

import { formatRate, QUESTION_TYPE_LABELS } from '../../lib/labels'

export interface StatsFiguresProps {
  stats: ExamStatsView
  onOrg(orgId: string): void
}

const Line = ({ label, value }: { label: string; value: string }) => (
  <View className="quiz-line">
    <Text className="t-body">{label}</Text>
    <Text className="t-body">{value}</Text>
  </View>
)

/** 应考/参考/合格/优秀 with both rates, the distribution, the organisations below, and item analysis. */
export function StatsFigures({ stats, onOrg }: StatsFiguresProps) {
  const widest = Math.max(1, ...stats.distribution.map((d) => d.count))
  return (
    <View>
      <View className="card">
        <Text className="t-title">
          {stats.title} · {stats.orgName}
        </Text>
        <Line label="应考" value={`${stats.expected}人`} />
        <Line label="参考" value={`${stats.participated}人`} />
        <Line label="参考率" value={formatRate(stats.participated, stats.expected)} />
        <Line label={`合格（≥${stats.passLine}分）`} value={`${stats.passed.count}人`} />
        <Line label="合格率（按参考）" value={formatRate(stats.passed.count, stats.participated)} />
        <Line label="合格率（按应考）" value={formatRate(stats.passed.count, stats.expected)} />
        <Line label={`优秀（≥${stats.excellentLine}分）`} value={`${stats.excellent.count}人`} />
        <Line label="优秀率（按参考）" value={formatRate(stats.excellent.count, stats.participated)} />
        <Line label="优秀率（按应考）" value={formatRate(stats.excellent.count, stats.expected)} />
      </View>
      <View className="card">
        <Text className="t-title">分数分布</Text>
        {stats.distribution.map((d) => (
          <View key={d.label}>
            <Text className="t-caption">
              {d.label}：{d.count}人
            </Text>
            <View className="quiz-bar-chart" style={{ width: `${(d.count / widest) * 100}%` }} />
          </View>
        ))}
      </View>
      {stats.children.length > 0 && (
        <View className="card">
          <Text className="t-title">下级组织</Text>
          {stats.children.map((c) => (
            <View key={c.orgId} className="quiz-line" onClick={() => onOrg(c.orgId)}>
              <Text className="t-body">{c.orgName}</Text>
              <Text className="t-caption">
                参考{c.participated}/{c.expected} 合格率{formatRate(c.passed.count, c.participated)} 优秀率
                {formatRate(c.excellent.count, c.participated)}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="card">
        <Text className="t-title">知识点正确率（薄弱在前）</Text>
        {stats.tags.length === 0 && <Text className="t-caption">还没有人交卷</Text>}
        {stats.tags.map((t) => (
          <Line key={t.tag} label={t.tag} value={formatRate(t.correct, t.answered)} />
        ))}
      </View>
      <View className="card">
        <Text className="t-title">逐题正确率（薄弱在前）</Text>
        {stats.questions.map((q) => (
          <View key={q.questionId} className="quiz-line">
            <Text className="t-body">
              [{QUESTION_TYPE_LABELS[q.type]}] {q.stem}
            </Text>
            <Text className="t-caption">{formatRate(q.correct, q.answered)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
