import type { MeView } from '@contract/account.contract'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'

import { type OrgOption, orgOptionsFor } from '../../../../components/org-picker'
import { StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { useOrgStore } from '../../../../stores/org.store'

export interface ManageScope {
  me: MeView
  /** The nodes where the person may manage sessions, in tree order (their own node and below). */
  options: OrgOption[]
}

/**
 * Loads the signed-in person and the organisation tree, and shows the screen only to those who
 * hold 'session.manage' somewhere. The client only hides: the server checks every node again.
 */
export function ManageGate({ children }: { children: (scope: ManageScope) => ReactNode }) {
  const { me, reload } = useMe()
  const tree = useOrgStore((s) => s.tree)
  const loadTree = useOrgStore((s) => s.loadTree)
  useDidShow(() => {
    const { status } = useOrgStore.getState().tree
    if (status === 'idle' || status === 'error') void loadTree()
  })
  return (
    <StateView state={me} onRetry={reload} loadingText="正在确认身份…">
      {(person) => (
        <StateView state={tree} onRetry={loadTree}>
          {(orgs) => {
            const options = orgOptionsFor(orgs, person.roles, { permission: 'session.manage' })
            return options.length > 0 ? (
              children({ me: person, options })
            ) : (
              <View className="state">
                <Text className="t-body">
                  {person.bound ? '你没有管理学习活动的权限，如有需要请联系街道党工委' : '请先绑定党员身份'}
                </Text>
              </View>
            )
          }}
        </StateView>
      )}
    </StateView>
  )
}

/** The org a screen opens on: the one asked for when permitted, else the topmost one managed. */
export function initialOrg(options: readonly OrgOption[], requested: string | undefined): string {
  return options.find((o) => o.id === requested)?.id ?? options[0].id
}
