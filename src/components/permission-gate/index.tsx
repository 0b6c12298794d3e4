import type { MeView } from '@contract/account.contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import type { Permission } from '../../../cloudfunctions/domain/roles'
import { useMe } from '../../hooks/use-me'
import { mayAnywhere } from '../../stores/account.store'
import { StateView } from '../screen'

export interface PermissionGateProps {
  /** Needed somewhere in the tree; absent: any bound member. The server still checks each action. */
  permission?: Permission
  children: (me: MeView) => ReactNode
}

/**
 * Every screen that needs a binding or a permission goes through this: it loads the signed-in
 * person and shows the screen to bound members holding the permission, and a plain Chinese
 * explanation to everyone else. It only hides; the server decides every action.
 */
export function PermissionGate({ permission, children }: PermissionGateProps) {
  const { me, reload } = useMe()
  return (
    <StateView state={me} onRetry={reload} loadingText="正在确认身份…">
      {(data) =>
        data.bound && (!permission || mayAnywhere(data, permission)) ? (
          children(data)
        ) : (
          <View className="state">
            <Text className="t-body">
              {data.bound ? '你没有使用此功能的权限，如有需要请联系街道党工委' : '请先绑定党员身份'}
            </Text>
          </View>
        )
      }
    </StateView>
  )
}
