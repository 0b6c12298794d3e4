import type { ExamView } from '@contract/quiz.contract'
import { Text, View } from '@tarojs/components'

import { formatTime, STATE_LABELS, STATUS_LABELS } from '../../lib/labels'

export interface ExamRowProps {
  exam: ExamView
  onPublish(): void
  onRemove(): void
  onEdit(): void
  /** Ends a published exam now. */
  onClose(): void
  onResults(): void
}

/** An exam in 考试管理: drafts can be edited, published or removed; published ones closed early, and show their results. */
export function ExamRow({ exam, onPublish, onRemove, onEdit, onClose, onResults }: ExamRowProps) {
  const draft = exam.status === 'draft'
  const closable = !draft && exam.mayManage && exam.state !== 'closed'
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
          {exam.closedEarlyAt !== null ? '（已提前结束）' : ''}
        </Text>
      </View>
      <View className="quiz-line">
        {draft && exam.mayManage && (
          <View className="quiz-action" onClick={onRemove}>
            <Text className="t-body error-text">删除</Text>
          </View>
        )}
        {draft && exam.mayManage && (
          <View className="quiz-action" onClick={onEdit}>
            <Text className="t-body">编辑</Text>
          </View>
        )}
        {draft && exam.mayManage && (
          <View className="quiz-action" onClick={onPublish}>
            <Text className="t-body">发布</Text>
          </View>
        )}
        {closable && (
          <View className="quiz-action" onClick={onClose}>
            <Text className="t-body error-text">提前结束</Text>
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
