import type { BindPreview } from '@contract/account.contract'
import { Button, Text, View } from '@tarojs/components'

export interface BindConfirmProps {
  preview: BindPreview
  busy: boolean
  error: string | null
  onConfirm: () => void
  onBack: () => void
}

/** Whom the person is about to bind to, before anything is bound: a wrong entry is caught here. */
export function BindConfirm({ preview, busy, error, onConfirm, onBack }: BindConfirmProps) {
  return (
    <View className="card bind-confirm">
      <Text className="t-title">请确认是你本人</Text>
      <View>
        <Text className="t-caption">即将绑定为：</Text>
      </View>
      <View>
        <Text className="t-title bind-confirm__name">{preview.name}</Text>
      </View>
      <View>
        <Text className="t-body">{preview.orgName}</Text>
      </View>
      <View>
        <Text className="t-caption">绑定后，这个微信就以该党员身份使用小程序。</Text>
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button className="btn btn--primary" loading={busy} disabled={busy} onClick={onConfirm}>
        确认绑定
      </Button>
      <Button className="btn btn--ghost" disabled={busy} onClick={onBack}>
        不是我，重新填写
      </Button>
    </View>
  )
}
