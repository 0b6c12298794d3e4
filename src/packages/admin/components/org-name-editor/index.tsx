import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

export interface OrgNameEditorProps {
  title: string
  initial: string
  placeholder: string
  busy: boolean
  error: string | null
  onSubmit: (name: string) => void
  onCancel: () => void
}

/** The name of a new or renamed organisation, typed in place under its row. */
export function OrgNameEditor({
  title,
  initial,
  placeholder,
  busy,
  error,
  onSubmit,
  onCancel,
}: OrgNameEditorProps) {
  const [name, setName] = useState(initial)
  const trimmed = name.trim()
  return (
    <View className="card org-editor">
      <Text className="t-body">{title}</Text>
      <Input
        className="input"
        value={name}
        placeholder={placeholder}
        maxlength={40}
        focus
        onInput={(e) => setName(e.detail.value)}
        onConfirm={() => trimmed && onSubmit(trimmed)}
      />
      {error && <Text className="t-body error-text">{error}</Text>}
      <View className="actions">
        <Button className="btn btn--ghost" disabled={busy} onClick={onCancel}>
          取消
        </Button>
        <Button
          className="btn btn--primary"
          loading={busy}
          disabled={busy || !trimmed || trimmed === initial}
          onClick={() => onSubmit(trimmed)}
        >
          保存
        </Button>
      </View>
    </View>
  )
}
