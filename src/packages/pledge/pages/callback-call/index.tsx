import '../../styles/pledge.scss'

import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { useCallbackStore } from '../../../../stores/callback.store'
import { CallbackCallForm } from '../../components/callback-call-form'

/** 登记回访 (`?q=<quarter>&key=<item>`): the item, its phone on request (logged), and the call's record. */
export default function CallbackCallPage() {
  const { params } = useRouter()
  const quarter = useCallbackStore((s) => s.quarter)
  const phones = useCallbackStore((s) => s.phones)
  const busy = useCallbackStore((s) => s.busy)
  const [error, setError] = useState<string | null>(null)
  const load = () => params.q && void useCallbackStore.getState().loadQuarter(params.q)
  useDidShow(() => {
    const shown = useCallbackStore.getState().quarter
    if (!(shown.status === 'ready' && shown.data.quarter === params.q)) load()
  })
  if (!params.q || !params.key) {
    return (
      <Screen>
        <PageNotice text="没有指定回访事项，请从回访核查进入" />
      </Screen>
    )
  }
  const { q, key } = params as { q: string; key: string }
  const reveal = async () => {
    const outcome = await useCallbackStore.getState().revealPhone(q, key)
    setError(outcome.ok ? null : outcome.message)
  }
  return (
    <Screen>
      <StateView state={quarter} onRetry={load}>
        {(view) => {
          const entry = view.sample.find((s) => s.key === key)
          if (!entry) return <PageNotice text="这件事项不在本季度的回访名单中" />
          return (
            <View>
              <View className="card" id="callback-entry">
                <Text className="t-title">{entry.matter}</Text>
                <View>
                  <Text className="t-body">
                    {entry.communityName} · 经办人{entry.staffName}
                  </Text>
                </View>
                <View>
                  <Text className="t-body">
                    {entry.servedName} · {entry.completedOn}办结
                  </Text>
                </View>
                <View>
                  <Text className="t-title" id="callback-phone">{`电话：${phones[key] ?? entry.phone}`}</Text>
                </View>
                {view.mayCall && !phones[key] && (
                  <Button className="btn btn--ghost" disabled={busy} onClick={() => void reveal()}>
                    查看电话
                  </Button>
                )}
                {view.mayCall && <Text className="t-caption">查看电话会记入操作日志</Text>}
                {error && <Text className="t-body error-text">{error}</Text>}
              </View>
              {view.status === 'published' ? (
                <View className="card">
                  <Text className="t-body">本季度汇总已发布，回访记录不能再修改</Text>
                </View>
              ) : view.mayCall ? (
                <CallbackCallForm quarter={q} entry={entry} key={key} />
              ) : (
                <View className="card">
                  <Text className="t-body">回访由纪工委拨打和登记</Text>
                </View>
              )}
            </View>
          )
        }}
      </StateView>
    </Screen>
  )
}
