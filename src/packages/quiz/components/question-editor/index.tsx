import { Button, Input, Text, Textarea, View } from '@tarojs/components'

import type { QuestionForm } from '../../../../stores/quiz-bank.store'
import { QUESTION_TYPE_LABELS } from '../../lib/labels'

export interface QuestionEditorProps {
  form: QuestionForm
  saving: boolean
  onPatch(fields: Partial<QuestionForm>): void
  onCancel(): void
  onSave(): void
}

const ANSWER_HINT: Record<QuestionForm['type'], string> = {
  single: '答案：一个字母，如 A',
  multiple: '答案：几个字母，如 ACD',
  judge: '答案：正确 或 错误',
  fill: '答案：可接受的写法，用 | 分隔',
}

/** Editing one bank question; past attempts keep the question as they drew it. */
export function QuestionEditor({ form, saving, onPatch, onCancel, onSave }: QuestionEditorProps) {
  const choice = form.type === 'single' || form.type === 'multiple'
  return (
    <View className="card" id="question-editor">
      <Text className="t-title">编辑{QUESTION_TYPE_LABELS[form.type]}</Text>
      <Text className="t-caption">题干</Text>
      <Textarea
        id="question-stem"
        className="quiz-textarea"
        value={form.stem}
        maxlength={500}
        onInput={(e) => onPatch({ stem: e.detail.value })}
      />
      {choice && <Text className="t-caption">选项（每行一个，依次为 A、B、C…）</Text>}
      {choice && (
        <Textarea
          className="quiz-textarea"
          value={form.options}
          maxlength={1700}
          onInput={(e) => onPatch({ options: e.detail.value })}
        />
      )}
      <Text className="t-caption">{ANSWER_HINT[form.type]}</Text>
      <Input className="input" value={form.answer} onInput={(e) => onPatch({ answer: e.detail.value })} />
      <Text className="t-caption">知识点（用顿号分隔）</Text>
      <Input className="input" value={form.tags} onInput={(e) => onPatch({ tags: e.detail.value })} />
      <Text className="t-caption">解析（可不填）</Text>
      <Textarea
        className="quiz-textarea"
        value={form.explanation}
        maxlength={1000}
        onInput={(e) => onPatch({ explanation: e.detail.value })}
      />
      <Text className="t-caption">已作答的试卷保留原来的题目，修改只影响以后抽到的试卷。</Text>
      <View className="actions">
        <Button className="btn btn--ghost" onClick={onCancel}>
          取消
        </Button>
        <Button className="btn btn--primary" loading={saving} disabled={saving} onClick={onSave}>
          保存修改
        </Button>
      </View>
    </View>
  )
}
