import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'

export interface MakeupDraft {
  memberId: string
  minutes: number
  reason: string
}

/** 补录: a signed-up member's hours entered after the fact, with the reason; shown as 补录 and counted apart. */
export function MakeupForm({
  people,
  busy,
  onSubmit,
}: {
  people: { memberId: string; name: string }[]
  busy: boolean
  onSubmit: (draft: MakeupDraft) => void
}) {
  const [index, setIndex] = useState(0)
  const [minutes, setMinutes] = useState('')
  const [reason, setReason] = useState('')
  const person = people[index]
  const n = Number(minutes)
  const valid = person !== undefined && Number.isInteger(n) && n > 0 && reason.trim() !== ''
  if (people.length === 0) return null
  return (
    <View className="card">
      <Text className="t-title">补录时长</Text>
      <Picker
        mode="selector"
        range={people.map((p) => p.name)}
        value={index}
        onChange={(e) => setIndex(Number(e.detail.value))}
      >
        <View className="input">
          <Text className="t-body">{person?.name ?? '选择志愿者'}</Text>
        </View>
      </Picker>
      <View className="vol-field">
        <Text className="t-caption">时长（分钟，不超过计划时长）</Text>
        <Input className="input" type="number" value={minutes} onInput={(e) => setMinutes(e.detail.value)} />
      </View>
      <View className="vol-field">
        <Text className="t-caption">原因</Text>
        <Input className="input" value={reason} maxlength={200} onInput={(e) => setReason(e.detail.value)} />
      </View>
      <Button
        className="btn btn--ghost"
        disabled={busy || !valid}
        onClick={() => person && onSubmit({ memberId: person.memberId, minutes: n, reason: reason.trim() })}
      >
        补录
      </Button>
    </View>
  )
}
