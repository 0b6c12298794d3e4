import type { MemberView } from '@contract/org.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { useRosterStore } from '../../../../stores/roster.store'

export interface UnbindPanelProps {
  member: MemberView
}

/** Frees a roster entry whose member changed phone or WeChat account, so they can bind again. */
export function UnbindPanel({ member }: UnbindPanelProps) {
  const busy = useRosterStore((s) => s.busy === 'unbind')
  const unbind = useRosterStore((s) => s.unbind)
  const [error, setError] = useState<string | null>(null)

  const confirmAndUnbind = async () => {
    const { confirm } = await Taro.showModal({
      title: '解除绑定',
      content: `解除后，${member.name}当前的微信将不能再使用党员功能，需要重新绑定。确定解除吗？`,
      confirmText: '解除',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    setError(null)
    const outcome = await unbind(member.id)
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: '已解除绑定', icon: 'success' })
  }

  return (
    <View className="card">
      <Text className="t-title">微信绑定</Text>
      <View>
        <Text className="t-caption">党员换了手机或微信号时，先解除绑定，再让他重新绑定。</Text>
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button className="btn btn--ghost" loading={busy} disabled={busy} onClick={confirmAndUnbind}>
        解除绑定
      </Button>
    </View>
  )
}
