import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { ORG_TYPES } from '../../../cloudfunctions/domain/org-tree'
import { Screen, StateView } from '../../components/screen'
import { TileGrid } from '../../components/tile-grid'
import { useOrgStore } from '../../stores/org.store'

const VISIT_CATEGORIES = ['助老', '代办', '维修', '送医送药', '其他']

export default function ServicesPage() {
  const tree = useOrgStore((s) => s.tree)
  const loadTree = useOrgStore((s) => s.loadTree)
  useDidShow(() => {
    if (useOrgStore.getState().tree.status !== 'ready') void loadTree()
  })
  return (
    <Screen>
      <View className="card">
        <Text className="t-title">上门服务</Text>
        <View>
          <Text className="t-caption">居民可申请社区党员上门服务，即将开放。</Text>
        </View>
      </View>
      <TileGrid
        tiles={VISIT_CATEGORIES.map((c) => ({ key: c, title: c, caption: '即将开放', disabled: true }))}
      />
      <View className="card">
        <Text className="t-title">社区党组织</Text>
        <StateView
          state={tree}
          onRetry={loadTree}
          isEmpty={(orgs) => orgs.length === 0}
          emptyText="暂无组织信息"
        >
          {(orgs) =>
            orgs
              .filter((o) => o.type !== 'branch')
              .map((o) => (
                <View key={o.id}>
                  <Text className="t-body">{o.name}</Text>
                  <Text className="t-caption">（{ORG_TYPES[o.type]}）</Text>
                </View>
              ))
          }
        </StateView>
      </View>
    </Screen>
  )
}
