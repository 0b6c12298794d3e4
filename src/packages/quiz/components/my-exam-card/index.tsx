import type { MyExamView } from '@contract/quiz.contract'
import { Button, Text, View } from '@tarojs/components'

import { PAPER_TOTAL } from '../../../../../cloudfunctions/domain/quiz.rules'
import { formatScore, formatTime, STATE_LABELS } from '../../lib/labels'

export interface MyExamCardProps {
  exam: MyExamView
  onStart(): void
  onResult(attemptId: string): void
}

/** One exam the member is expected to take, with what they can do now. */
export function MyExamCard({ exam, onStart, onResult }: MyExamCardProps) {
  const left = exam.attemptsAllowed - exam.attemptsUsed
  const canStart = exam.state === 'open' && (exam.openAttemptId !== null || left > 0)
  return (
    <View className="card">
      <Text className="t-title">{exam.title}</Text>
      <View>
        <Text className="t-caption">
          {STATE_LABELS[exam.state]} · {exam.questionCount}题 · 限时{exam.timeLimitMinutes}分钟 ·{' '}
          {exam.orgName}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {formatTime(exam.opensAt)} 至 {formatTime(exam.closesAt)}；满分{PAPER_TOTAL}分，合格
          {exam.passLine}分，优秀{exam.excellentLine}分
        </Text>
      </View>
      {exam.counted && (
        <View>
          <Text className="t-body">
            成绩：{formatScore(exam.counted.score)}（
            {exam.counted.excellent ? '优秀' : exam.counted.passed ? '合格' : '未合格'}）
          </Text>
        </View>
      )}
      <View className="actions">
        {exam.lastAttemptId && (
          <Button className="btn btn--ghost" onClick={() => onResult(exam.lastAttemptId!)}>
            查看成绩
          </Button>
        )}
        {canStart && (
          <Button className="btn btn--primary" onClick={onStart}>
            {exam.openAttemptId ? '继续答题' : exam.attemptsUsed > 0 ? `再考一次（剩${left}次）` : '开始答题'}
          </Button>
        )}
      </View>
    </View>
  )
}
