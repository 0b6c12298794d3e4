import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { Screen, StateView } from '../../../../components/screen'
import { goHomeFresh } from '../../../../services/navigation'
import { takeReturnUrl } from '../../../../services/session'
import { useDemoLoginStore } from '../../../../stores/demo-login.store'

/** Stands in for opening the mini-program on one's own phone: pick who you are in the demo street. */
export default function DemoLoginPage() {
  const personas = useDemoLoginStore((s) => s.personas)
  const load = useDemoLoginStore((s) => s.load)
  const signIn = useDemoLoginStore((s) => s.signIn)
  const [error, setError] = useState<string | null>(null)
  useDidShow(() => void load())

  const choose = async (choice: { openid: string } | { fresh: true }) => {
    const failure = await signIn(choice)
    if (failure) setError(failure)
    else {
      const back = takeReturnUrl()
      if (back) void Taro.reLaunch({ url: back })
      else goHomeFresh()
    }
  }

  return (
    <Screen>
      <View className="card">
        <Text className="t-title">选择演示身份</Text>
        <View>
          <Text className="t-caption">本页只在本地演示环境出现；在微信中身份来自微信账号。</Text>
        </View>
        {error && <Text className="t-body error-text">{error}</Text>}
      </View>
      <StateView
        state={personas}
        onRetry={load}
        isEmpty={(list) => list.length === 0}
        emptyText="没有演示数据"
      >
        {(list) =>
          list.map((p) => (
            <View key={p.openid} className="card" onClick={() => choose({ openid: p.openid })}>
              <Text className="t-body">
                {p.name}（{p.label}）
              </Text>
              {p.hint && (
                <View>
                  <Text className="t-caption">{p.hint}</Text>
                </View>
              )}
            </View>
          ))
        }
      </StateView>
      <Button className="btn btn--ghost" onClick={() => choose({ fresh: true })}>
        以新微信用户进入
      </Button>
    </Screen>
  )
}
