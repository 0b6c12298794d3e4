import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { RATING_LABELS } from '../../../../../cloudfunctions/domain/visit.rules'
import { Chips } from '../../../../components/chips'

const SCORES = ['5', '4', '3', '2', '1'] as const

export interface RatingFormProps {
  busy: boolean
  onConfirm: (rating: number, comment: string) => void
}

/** 确认完成 with a score (five large choices, worded) and an optional word. */
export function RatingForm({ busy, onConfirm }: RatingFormProps) {
  const [score, setScore] = useState<(typeof SCORES)[number] | null>(null)
  const [comment, setComment] = useState('')
  return (
    <View>
      <Text className="t-body visit-line">服务满意吗？请打分：</Text>
      <Chips
        idPrefix="rating"
        options={SCORES.map((s) => ({ value: s, label: `${s}分 ${RATING_LABELS[Number(s)]}` }))}
        value={score}
        onChange={setScore}
      />
      <Input
        className="input"
        placeholder="想说的话（可不填）"
        maxlength={200}
        value={comment}
        onInput={(e) => setComment(e.detail.value)}
      />
      <Button
        id="confirm"
        className="btn btn--primary"
        loading={busy}
        disabled={busy || score === null}
        onClick={() => score && onConfirm(Number(score), comment.trim())}
      >
        确认服务已完成
      </Button>
    </View>
  )
}
