import type { SessionView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { useSessionsStore } from '../../../../stores/study-sessions.store'
import { ReasonForm } from '../reason-form'

/** 取消活动 with a reason, confirmed once more: members can no longer check in afterwards. */
export function CancelSession({ session, onCancelled }: { session: SessionView; onCancelled: () => void }) {
  const saving = useSessionsStore((s) => s.saving)
  const cancel = useSessionsStore((s) => s.cancel)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async (reason: string) => {
    const { confirm } = await Taro.showModal({
      title: '取消活动',
      content: `确定取消“${session.title}”吗？取消后党员不能再签到。`,
      confirmText: '确定取消',
      cancelText: '再想想',
    })
    if (!confirm) return false
    const outcome = await cancel(session.id, reason)
    if (!outcome.ok) {
      setError(outcome.message)
      return false
    }
    void Taro.showToast({ title: '活动已取消', icon: 'success' })
    onCancelled()
    return true
  }

  return (
    <View className="card">
      {error && <Text className="t-body error-text">{error}</Text>}
      {open ? (
        <ReasonForm
          placeholder="取消原因"
          submitText="取消活动"
          busy={saving}
          onSubmit={submit}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button className="btn btn--ghost" disabled={saving} onClick={() => setOpen(true)}>
          取消活动
        </Button>
      )}
    </View>
  )
}
