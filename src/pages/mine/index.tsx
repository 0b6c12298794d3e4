import { Button, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

import { ROLES } from '../../../cloudfunctions/domain/roles'
import { ReminderSubscribe } from '../../components/reminder-subscribe'
import { Screen, StateView } from '../../components/screen'
import { useMe } from '../../hooks/use-me'
import { go } from '../../services/navigation'
import { clearSessionToken, DEMO_LOGIN_PAGE } from '../../services/session'
import { useAccountStore } from '../../stores/account.store'
import { useUiStore } from '../../stores/ui.store'

function switchDemoIdentity() {
  clearSessionToken()
  useAccountStore.getState().reset()
  void Taro.reLaunch({ url: DEMO_LOGIN_PAGE })
}

export default function MinePage() {
  const { me, reload } = useMe()
  const largeFont = useUiStore((s) => s.largeFont)
  const setLargeFont = useUiStore((s) => s.setLargeFont)
  return (
    <Screen>
      <StateView state={me} onRetry={reload}>
        {(data) => (
          <View className="card">
            {data.member ? (
              <>
                <Text className="t-title">{data.member.name}</Text>
                <View>
                  <Text className="t-body">
                    {data.member.orgName} · {data.member.category}党员
                  </Text>
                </View>
                {data.roles.map((r) => (
                  <View key={`${r.orgId}-${r.role}`}>
                    <Text className="t-caption">
                      {r.orgName} {ROLES[r.role]}
                    </Text>
                  </View>
                ))}
              </>
            ) : (
              <>
                <Text className="t-title">居民</Text>
                <View>
                  <Text className="t-caption">尚未绑定党员身份</Text>
                </View>
                <Button className="btn btn--primary" onClick={() => go('bind')}>
                  绑定党员身份
                </Button>
              </>
            )}
          </View>
        )}
      </StateView>
      <ReminderSubscribe />
      <View className="card">
        <View style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Text className="t-body">大字模式</Text>
          <Switch checked={largeFont} color="#c8161d" onChange={(e) => setLargeFont(e.detail.value)} />
        </View>
        <Text className="t-caption">放大文字和按钮，方便老年人使用</Text>
      </View>
      {process.env.TARO_ENV === 'h5' && (
        <Button className="btn btn--ghost" onClick={switchDemoIdentity}>
          切换演示身份
        </Button>
      )}
    </Screen>
  )
}
