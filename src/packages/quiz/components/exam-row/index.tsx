import type { ExamView } from '@contract/quiz.contract'
import { Text, View } from '@tarojs/components'

import { formatTime, STATE_LABELS, STATUS_LABELS } from '../../lib/labels'

export interface ExamRowProps {
  exam: ExamView
  onPublish(): void
  onRemove(): void
  onResults(): void
}

/** An exam in 考试管理: drafts can be published or removed, published ones show their results. */
export function ExamRow({ exam, onPublish, onRemove, onResults }: ExamRowProps) {
  const draft = exam.status === 'draft'
  return (
    <View className="card">
      <Text className="t-title">{exam.title}</Text>
      <View>
        <Text className="t-caption">
          {draft ? STATUS_LABELS.draft : STATE_LABELS[exam.state]} · {exam.orgName} · {exam.questionCount}题
          {exam.expectedCount !== null ? ` · 应考${exam.expectedCount}人` : ''}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {formatTime(exam.opensAt)} 至 {formatTime(exam.closesAt)}
        </Text>
      </View>
      <View className="quiz-line">
        {draft && exam.mayManage && (
          <View className="quiz-action" onClick={onRemove}>
            <Text className="t-body error-text">删除</Text>
          </View>
        )}
        {draft && exam.mayManage && (
          <View className="quiz-action" onClick={onPublish}>
            <Text className="t-body">发布</Text>
          </View>
        )}
        {!draft && (
          <View className="quiz-action" onClick={onResults}>
            <Text className="t-body">查看成绩</Text>
          </View>
        )}
      </View>
    </View>
  )
}
