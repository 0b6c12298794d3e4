import { Text, View } from '@tarojs/components'

import { Screen, StateView } from '../../components/screen'
import { TileGrid } from '../../components/tile-grid'
import { homeMenu } from '../../features/home-menu'
import { useMe } from '../../hooks/use-me'
import { go } from '../../services/navigation'

export default function HomePage() {
  const { me, reload } = useMe()
  return (
    <Screen>
      <StateView state={me} onRetry={reload}>
        {(data) => (
          <View>
            <View className="card">
              {data.member ? (
                <>
                  <Text className="t-title">{data.member.name}，你好</Text>
                  <View>
                    <Text className="t-caption">{data.member.orgName}</Text>
                  </View>
                </>
              ) : (
                <>
                  <Text className="t-title">欢迎使用基层党建助手</Text>
                  <View>
                    <Text className="t-caption">你目前是居民身份；党员请先绑定党员身份。</Text>
                  </View>
                </>
              )}
            </View>
            <TileGrid
              tiles={homeMenu(data).map((entry) => ({
                key: entry.key,
                title: entry.title,
                caption: entry.caption,
                disabled: entry.route === undefined,
                onTap: entry.route ? () => go(entry.route!) : undefined,
              }))}
            />
          </View>
        )}
      </StateView>
    </Screen>
  )
}
