import type { AttemptView } from '@contract/quiz.contract'
import { Text, View } from '@tarojs/components'

import { formatScore, formatTime } from '../../lib/labels'

/** The score of a finished attempt, whether it passed or excelled, and when the answers show. */
export function AttemptResult({ view }: { view: AttemptView }) {
  const result = view.result
  if (!result) return null
  const verdict = result.excellent ? '优秀' : result.passed ? '合格' : '未合格'
  return (
    <View className="card">
      <Text className="t-title">{view.examTitle}</Text>
      <View>
        <Text className="t-title">得分：{formatScore(result.score)}</Text>
      </View>
      <View>
        <Text className={`t-body ${result.passed ? 'ok-text' : 'error-text'}`}>{verdict}</Text>
      </View>
      <View>
        <Text className="t-caption">
          合格线{view.passLine}分，优秀线{view.excellentLine}分；第{view.n}次作答，共{view.attemptsAllowed}
          次机会
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {result.late
            ? '答题时间已到，已按截止前保存的答案计分'
            : `交卷时间：${formatTime(result.submittedAt)}`}
        </Text>
      </View>
      {view.reviewNote && (
        <View>
          <Text className="t-caption">{view.reviewNote}</Text>
        </View>
      )}
    </View>
  )
}
