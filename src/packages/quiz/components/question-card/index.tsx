import type { QuestionOption } from '@contract/quiz.contract'
import { Input, Text, View } from '@tarojs/components'

import type { QuestionType } from '../../../../../cloudfunctions/domain/quiz.rules'
import { letterOf, QUESTION_TYPE_LABELS } from '../../lib/labels'

export interface QuestionCardProps {
  index: number
  type: QuestionType
  stem: string
  options: QuestionOption[]
  points?: number
  chosen: string[]
  /** Once answered for good (submitted or checked): no more changes. */
  locked?: boolean
  /** The right option ids (or accepted texts) to mark, once they may be shown. */
  correct?: string[]
  explanation?: string | null
  verdict?: string
  /** The answer shown has not reached the server (the connection dropped): marked 未保存 until it does. */
  unsaved?: boolean
  onChange(value: string[]): void
  /** Fill-ins: called when the member leaves the blank, so typing is saved once, not per key. */
  onCommit?(): void
}

/** One question: tap options (several for 多选), or type into the blank. */
export function QuestionCard(props: QuestionCardProps) {
  const { type, chosen, locked, correct } = props
  const toggle = (id: string) => {
    if (locked) return
    if (type === 'multiple')
      props.onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id])
    else props.onChange([id])
  }
  return (
    <View className="card">
      <Text className="t-caption">
        {props.index + 1}. {QUESTION_TYPE_LABELS[type]}
        {props.points !== undefined ? `（${props.points}分）` : ''}
        {type === 'multiple' ? ' 可选多项' : ''}
      </Text>
      {props.unsaved && <Text className="t-caption quiz-unsaved">未保存</Text>}
      <View>
        <Text className="t-body">{props.stem}</Text>
      </View>
      {type === 'fill' ? (
        <Input
          className="input"
          placeholder="请在此填写答案"
          value={chosen[0] ?? ''}
          disabled={locked}
          onInput={(e) => props.onChange([e.detail.value])}
          onBlur={props.onCommit}
        />
      ) : (
        props.options.map((o, i) => (
          <View
            key={o.id}
            className={`quiz-option ${chosen.includes(o.id) ? 'quiz-option--chosen' : ''} ${correct?.includes(o.id) ? 'quiz-option--right' : ''}`}
            onClick={() => toggle(o.id)}
          >
            <Text className="t-body quiz-option__letter">{letterOf(i)}</Text>
            <Text className="t-body">{o.text}</Text>
          </View>
        ))
      )}
      {props.verdict && <Text className="t-body">{props.verdict}</Text>}
      {type === 'fill' && correct && (
        <View>
          <Text className="t-caption">参考答案：{correct.join(' 或 ')}</Text>
        </View>
      )}
      {props.explanation && (
        <View>
          <Text className="t-caption">解析：{props.explanation}</Text>
        </View>
      )}
    </View>
  )
}
