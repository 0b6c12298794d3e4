import './index.scss'

import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { Screen } from '../../../../components/screen'
import { goHomeFresh } from '../../../../services/navigation'
import { type BindRequest, useAccountStore } from '../../../../stores/account.store'

type Mode = 'invite' | 'phone'

export default function BindPage() {
  const bind = useAccountStore((s) => s.bind)
  const [mode, setMode] = useState<Mode>('invite')
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [last4, setLast4] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  const filled = mode === 'invite' ? code.trim().length > 0 : name.trim().length > 0 && /^\d{4}$/.test(last4)

  const submit = async () => {
    const request: BindRequest =
      mode === 'invite' ? { by: 'invite', code } : { by: 'phone', name, phoneLast4: last4 }
    setBusy(true)
    setError(null)
    const result = await bind(request)
    setBusy(false)
    if (result.ok) setDone(true)
    else setError(result.message)
  }

  if (done) {
    return (
      <Screen>
        <View className="card">
          <Text className="t-title ok-text">绑定成功</Text>
          <View>
            <Text className="t-body">你现在可以使用党员功能了。</Text>
          </View>
          <Button className="btn btn--primary" onClick={goHomeFresh}>
            返回首页
          </Button>
        </View>
      </Screen>
    )
  }

  return (
    <Screen>
      <View className="bind-tabs">
        <View
          className={`bind-tab ${mode === 'invite' ? 'bind-tab--on' : ''}`}
          onClick={() => setMode('invite')}
        >
          <Text className="t-body">邀请码绑定</Text>
        </View>
        <View
          className={`bind-tab ${mode === 'phone' ? 'bind-tab--on' : ''}`}
          onClick={() => setMode('phone')}
        >
          <Text className="t-body">姓名+手机号</Text>
        </View>
      </View>
      <View className="card">
        {mode === 'invite' ? (
          <>
            <Text className="t-caption">请输入支部书记给你的8位邀请码</Text>
            <Input
              className="input"
              placeholder="邀请码"
              maxlength={20}
              value={code}
              onInput={(e) => setCode(e.detail.value)}
            />
          </>
        ) : (
          <>
            <Text className="t-caption">请输入花名册上的姓名和手机号后四位</Text>
            <Input
              className="input"
              placeholder="姓名"
              maxlength={30}
              value={name}
              onInput={(e) => setName(e.detail.value)}
            />
            <Input
              className="input"
              placeholder="手机号后四位"
              type="number"
              maxlength={4}
              value={last4}
              onInput={(e) => setLast4(e.detail.value)}
            />
          </>
        )}
        {error && <Text className="t-body error-text">{error}</Text>}
        <Button className="btn btn--primary" loading={busy} disabled={busy || !filled} onClick={submit}>
          绑定
        </Button>
      </View>
    </Screen>
  )
}
