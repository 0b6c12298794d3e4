import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { Chips } from '../../../../components/chips'

const DURATIONS = [
  { value: '30', label: '半小时' },
  { value: '60', label: '1小时' },
  { value: '90', label: '1个半小时' },
  { value: '120', label: '2小时' },
  { value: '180', label: '3小时' },
]

export interface CompleteFormProps {
  busy: boolean
  onSubmit: (durationMinutes: number, notes: string) => void
  onCancel: () => void
}

/** 完成服务: how long it took and what was done. */
export function CompleteForm({ busy, onSubmit, onCancel }: CompleteFormProps) {
  const [minutes, setMinutes] = useState<string | null>(null)
  const [notes, setNotes] = useState('')
  const ready = minutes !== null && notes.trim() !== ''
  return (
    <View>
      <Text className="t-body visit-section">服务用了多长时间？</Text>
      <Chips idPrefix="duration" options={DURATIONS} value={minutes} onChange={setMinutes} />
      <Input
        id="notes"
        className="input"
        placeholder="做了什么（例如：更换了水龙头）"
        maxlength={300}
        value={notes}
        onInput={(e) => setNotes(e.detail.value)}
      />
      <View className="actions">
        <Button className="btn btn--ghost" disabled={busy} onClick={onCancel}>
          返回
        </Button>
        <Button
          id="complete-submit"
          className="btn btn--primary"
          loading={busy}
          disabled={busy || !ready}
          onClick={() => minutes && onSubmit(Number(minutes), notes.trim())}
        >
          提交完成情况
        </Button>
      </View>
    </View>
  )
}
