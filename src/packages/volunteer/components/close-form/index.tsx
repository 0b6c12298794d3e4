import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

/** 结项: the 受益人次 the organiser counted. */
export function CloseForm({ busy, onClose }: { busy: boolean; onClose: (beneficiaries: number) => void }) {
  const [text, setText] = useState('')
  const n = Number(text)
  const valid = text.trim() !== '' && Number.isInteger(n) && n >= 0
  return (
    <View className="card">
      <Text className="t-title">结项</Text>
      <View className="vol-field">
        <Text className="t-caption">受益人次（本次活动服务了多少人次）</Text>
        <Input
          className="input close-beneficiaries"
          type="number"
          value={text}
          onInput={(e) => setText(e.detail.value)}
        />
      </View>
      <Button className="btn btn--primary" disabled={busy || !valid} onClick={() => onClose(n)}>
        确认结项
      </Button>
    </View>
  )
}
