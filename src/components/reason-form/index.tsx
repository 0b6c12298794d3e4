import { Button, Input, View } from '@tarojs/components'
import { useState } from 'react'

export interface ReasonFormProps {
  placeholder: string
  submitText: string
  busy: boolean
  onSubmit: (reason: string) => Promise<boolean>
  onCancel: () => void
}

/** A reason and a send button that stays disabled while empty or on its way (请假, 补签, 取消活动). */
export function ReasonForm({ placeholder, submitText, busy, onSubmit, onCancel }: ReasonFormProps) {
  const [reason, setReason] = useState('')
  const filled = reason.trim().length > 0
  return (
    <View>
      <Input
        className="input"
        placeholder={placeholder}
        maxlength={200}
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      <View className="actions">
        <Button className="btn btn--ghost" disabled={busy} onClick={onCancel}>
          返回
        </Button>
        <Button
          className="btn btn--primary"
          loading={busy}
          disabled={busy || !filled}
          onClick={async () => {
            if (await onSubmit(reason.trim())) setReason('')
          }}
        >
          {submitText}
        </Button>
      </View>
    </View>
  )
}
