import './index.scss'

import type { BindPreview } from '@contract/account.contract'
import { Button, Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { Screen } from '../../../../components/screen'
import { appPageUrl, goHomeFresh, relaunchAt } from '../../../../services/navigation'
import { type BindRequest, useAccountStore } from '../../../../stores/account.store'
import { BindConfirm } from '../../components/bind-confirm'

type Mode = 'invite' | 'phone'

/**
 * 绑定党员身份: the person types a code (or name + digits), sees whom that is (name and branch),
 * and confirms. `?code=` fills the code in (an invite shared from the secretary's phone); `?back=` names the page that sent them here (a check-in link): binding returns to it.
 */
export default function BindPage() {
  const { params } = useRouter()
  const back = appPageUrl(params.back)
  const bind = useAccountStore((s) => s.bind)
  const findWhom = useAccountStore((s) => s.preview)
  const [mode, setMode] = useState<Mode>('invite')
  const [code, setCode] = useState(params.code ?? '')
  const [name, setName] = useState('')
  const [last4, setLast4] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<BindPreview | null>(null)
  const [done, setDone] = useState(false)

  const filled = mode === 'invite' ? code.trim().length > 0 : name.trim().length > 0 && /^\d{4}$/.test(last4)
  const request: BindRequest =
    mode === 'invite' ? { by: 'invite', code } : { by: 'phone', name, phoneLast4: last4 }

  const run = async (step: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    await step()
    setBusy(false)
  }
  const lookUp = () =>
    run(async () => {
      const result = await findWhom(request)
      if (result.ok) setPreview(result.preview)
      else setError(result.message)
    })
  const confirm = () =>
    run(async () => {
      const result = await bind(request)
      if (result.ok) setDone(true)
      else setError(result.message)
    })
  const choose = (next: Mode) => {
    setMode(next)
    setError(null)
  }
  const again = () => {
    setPreview(null)
    setError(null)
  }

  if (done) {
    return (
      <Screen>
        <View className="card">
          <Text className="t-title ok-text">绑定成功</Text>
          <View>
            <Text className="t-body">你现在可以使用党员功能了。</Text>
          </View>
          {back ? (
            <Button className="btn btn--primary" onClick={() => relaunchAt(back)}>
              返回签到
            </Button>
          ) : (
            <Button className="btn btn--primary" onClick={goHomeFresh}>
              返回首页
            </Button>
          )}
        </View>
      </Screen>
    )
  }

  if (preview) {
    return (
      <Screen>
        <BindConfirm preview={preview} busy={busy} error={error} onConfirm={confirm} onBack={again} />
      </Screen>
    )
  }

  return (
    <Screen>
      <View className="bind-tabs">
        <View
          className={`bind-tab ${mode === 'invite' ? 'bind-tab--on' : ''}`}
          onClick={() => choose('invite')}
        >
          <Text className="t-body">邀请码绑定</Text>
        </View>
        <View
          className={`bind-tab ${mode === 'phone' ? 'bind-tab--on' : ''}`}
          onClick={() => choose('phone')}
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
        <Button className="btn btn--primary" loading={busy} disabled={busy || !filled} onClick={lookUp}>
          下一步
        </Button>
      </View>
    </Screen>
  )
}
