import '../../styles/pledge.scss'

import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { useCallbackStore } from '../../../../stores/callback.store'
import { CallbackSummary } from '../../components/callback-summary'

/** 回访核查公示: the quarters' summaries published to the caller's organisation (no phones, no names served). */
export default function CallbackPublishedPage() {
  const published = useCallbackStore((s) => s.published)
  const load = () => void useCallbackStore.getState().loadPublished()
  useDidShow(() => {
    if (ensureSignedIn()) load()
  })
  return (
    <Screen>
      <StateView
        state={published}
        onRetry={load}
        isEmpty={(list) => list.length === 0}
        emptyText="还没有发布给你所在组织的回访核查汇总"
      >
        {(list) => (
          <View>
            {list.map((p) => (
              <View key={p.quarter}>
                <CallbackSummary title={`${p.label}回访核查`} lines={p.lines} problems={p.problems} />
                <View className="card">
                  <Text className="t-caption">
                    {p.publishedByName}于{dateOf(p.publishedAt)}发布到{p.scopeName}；从 {p.poolSize}{' '}
                    件中按随机种子“{p.seed}”抽取，可重新抽取核对
                  </Text>
                </View>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
