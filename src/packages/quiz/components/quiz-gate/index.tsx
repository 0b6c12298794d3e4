import type { MeView } from '@contract/account.contract'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'

import type { Permission } from '../../../../../cloudfunctions/domain/roles'
import { StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { mayAnywhere } from '../../../../stores/account.store'

export interface QuizGateProps {
  /** Needed somewhere in the tree; absent: any bound member. The server still checks each action. */
  permission?: Permission
  children: (me: MeView) => ReactNode
}

/** Loads the signed-in person and shows the screen to bound members holding the permission. */
export function QuizGate({ permission, children }: QuizGateProps) {
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
