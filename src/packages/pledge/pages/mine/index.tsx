import '../../styles/pledge.scss'

import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { usePledgeStore } from '../../../../stores/pledge.store'
import { PledgeRow } from '../../components/pledge-row'

/** 待签承诺书: the caller's pledges, unsigned first; each opens to read, sign, or view and verify. */
export default function MyPledgesPage() {
  const mine = usePledgeStore((s) => s.mine)
  const load = usePledgeStore((s) => s.loadMine)
  useDidShow(() => {
    if (ensureSignedIn()) void load()
  })
  return (
    <Screen>
      <StateView
        state={mine}
        onRetry={() => void load()}
        isEmpty={(list) => list.length === 0}
        emptyText="目前没有需要签署的承诺书"
      >
        {(list) => {
          const pending = list.filter((p) => p.status === 'pending')
          const signed = list.filter((p) => p.status === 'signed')
          return (
            <View>
              <View className="card">
                <Text className="t-title">待签 {pending.length} 份</Text>
                {pending.length === 0 && (
                  <View>
                    <Text className="t-caption">都已签署，谢谢</Text>
                  </View>
                )}
                {pending.map((p) => (
                  <PledgeRow
                    key={p.assignmentId}
                    pledge={p}
                    onOpen={() => go('pledgeSign', { id: p.assignmentId })}
                  />
                ))}
              </View>
              {signed.length > 0 && (
                <View className="card">
                  <Text className="t-title">已签 {signed.length} 份</Text>
                  {signed.map((p) => (
                    <PledgeRow
                      key={p.assignmentId}
                      pledge={p}
                      onOpen={() => go('pledgeSign', { id: p.assignmentId })}
                    />
                  ))}
                </View>
              )}
            </View>
          )
        }}
      </StateView>
      <View
        className="card pledge-row"
        id="callback-published-link"
        onClick={() => go('pledgeCallbackPublished')}
      >
        <Text className="t-body pledge-row__main">纪工委回访核查公示</Text>
        <Text className="t-caption">查看</Text>
      </View>
    </Screen>
  )
}
