import type { FollowUpPerson } from '@contract/follow-up.contract'
import type { ExamStatsView } from '@contract/quiz.contract'
import { Text, View } from '@tarojs/components'

import { FollowUpActions } from '../../../../components/follow-up-actions'

export interface FollowUpNamesProps {
  stats: ExamStatsView
  mayRemind: boolean
  onReminded(): void
}

function Person({ person, score }: { person: FollowUpPerson; score?: number }) {
  return (
    <View className="quiz-line">
      <Text className="t-body">
        {person.name}
        <Text className="t-caption"> {person.orgName}</Text>
      </Text>
      <Text className="t-caption">
        {person.remindedToday ? '已提醒 ' : ''}
        {score !== undefined ? `${score}分` : ''}
      </Text>
    </View>
  )
}

/** The names behind the figures of 成绩统计: who has not taken the exam, who failed; 提醒 and 导出名单. */
export function FollowUpNames({ stats, mayRemind, onReminded }: FollowUpNamesProps) {
  return (
    <View className="card">
      <Text className="t-title">跟进名单</Text>
      <Text className="t-body">未参考（{stats.absent.length}人）</Text>
      {stats.absent.length === 0 && <Text className="t-caption">应考党员都已参考</Text>}
      {stats.absent.map((p) => (
        <Person key={p.memberId} person={p} />
      ))}
      <Text className="t-body">不合格（{stats.failed.length}人）</Text>
      {stats.failed.length === 0 && <Text className="t-caption">参考党员都已合格</Text>}
      {stats.failed.map((p) => (
        <Person key={p.memberId} person={p} score={p.score} />
      ))}
      <FollowUpActions
        list={{ kind: 'exam', examId: stats.examId, orgId: stats.orgId }}
        people={[...stats.absent, ...stats.failed]}
        remindedToday={stats.remindedToday}
        mayRemind={mayRemind}
        onReminded={onReminded}
      />
    </View>
  )
}
