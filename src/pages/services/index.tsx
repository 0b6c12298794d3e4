import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { ORG_TYPES } from '../../../cloudfunctions/domain/org-tree'
import { VISIT_TYPE_KEYS, VISIT_TYPES } from '../../../cloudfunctions/domain/visit.rules'
import { Screen, StateView } from '../../components/screen'
import { TileGrid } from '../../components/tile-grid'
import { go } from '../../services/navigation'
import { useOrgStore } from '../../stores/org.store'

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
          <Text className="t-caption">社区党员上门帮忙，请选择需要的服务。</Text>
        </View>
      </View>
      <TileGrid
        tiles={[
          ...VISIT_TYPE_KEYS.map((type) => ({
            key: type,
            title: VISIT_TYPES[type],
            onTap: () => go('visitRequest', { type }),
          })),
          { key: 'visitMine', title: '我的上门服务', caption: '进展和评价', onTap: () => go('visitMine') },
          { key: 'projects', title: '为民办实事', caption: '社区办的实事', onTap: () => go('projects') },
        ]}
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
