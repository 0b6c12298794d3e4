import type { BankTags, QuestionView } from '@contract/quiz.contract'
import { Input, Text, View } from '@tarojs/components'

import { QUESTION_TYPES } from '../../../../../cloudfunctions/domain/quiz.rules'
import { Chips } from '../../../../components/chips'
import type { ExamDraft } from '../../../../stores/quiz-exams.store'
import { QUESTION_TYPE_LABELS } from '../../lib/labels'

export interface PaperFieldsProps {
  draft: ExamDraft
  tags: BankTags | null
  bank: QuestionView[]
  onPatch(fields: Partial<ExamDraft>): void
}

/** What goes on the paper: questions per type (optionally of one knowledge point), or chosen questions. */
export function PaperFields({ draft, tags, bank, onPatch }: PaperFieldsProps) {
  if (draft.mode === 'fixed') {
    const toggle = (id: string) =>
      onPatch({
        questionIds: draft.questionIds.includes(id)
          ? draft.questionIds.filter((q) => q !== id)
          : [...draft.questionIds, id],
      })
    return (
      <View>
        <Text className="t-caption">点选题目组成试卷（已选{draft.questionIds.length}题）</Text>
        {bank.map((q) => (
          <View
            key={q.id}
            className={`quiz-option ${draft.questionIds.includes(q.id) ? 'quiz-option--chosen' : ''}`}
            onClick={() => toggle(q.id)}
          >
            <Text className="t-body">
              [{QUESTION_TYPE_LABELS[q.type]}] {q.stem}
            </Text>
          </View>
        ))}
      </View>
    )
  }
  const tagOptions = [
    { value: '', label: '全部知识点' },
    ...(tags?.tags ?? []).map((t) => ({ value: t.tag, label: t.tag })),
  ]
  const available = (type: (typeof QUESTION_TYPES)[number]) =>
    draft.tag ? (tags?.tags.find((t) => t.tag === draft.tag)?.counts[type] ?? 0) : (tags?.totals[type] ?? 0)
  return (
    <View>
      <Text className="t-caption">知识点</Text>
      <Chips value={draft.tag} options={tagOptions} onChange={(tag) => onPatch({ tag })} />
      {QUESTION_TYPES.map((type) => (
        <View key={type} className="quiz-line">
          <Text className="t-body">
            {QUESTION_TYPE_LABELS[type]}（题库{available(type)}题）
          </Text>
          <Input
            className="input"
            type="number"
            placeholder={`${QUESTION_TYPE_LABELS[type]}题数`}
            value={String(draft.counts[type])}
            onInput={(e) => onPatch({ counts: { ...draft.counts, [type]: Number(e.detail.value) || 0 } })}
          />
        </View>
      ))}
    </View>
  )
}
