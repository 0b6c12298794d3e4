import type { MeView } from '@contract/account.contract'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { ReactNode } from 'react'

import { mayOn, type OrgOption, orgOptionsFor } from '../../../../components/org-picker'
import { StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { useOrgStore } from '../../../../stores/org.store'

export interface ManageScope {
  me: MeView
  /** The nodes the screen offers, in tree order: where the person manages sessions, or reads them when reading. */
  options: OrgOption[]
  /** Whether the person manages the sessions of a node: the 纪工委 and a 支部书记 at a community's session only read. */
  mayManage(orgId: string): boolean
}

export interface ManageGateProps {
  /** 'read': also readers of the figures who manage nothing (the 纪工委), read-only. Default 'manage'. */
  access?: 'manage' | 'read'
  children: (scope: ManageScope) => ReactNode
}

/**
 * Loads the signed-in person and the organisation tree, and shows the screen only to those who
 * hold 'session.manage' somewhere (or 'stats.read', for a reading screen). The client only hides:
 * the server checks every node again.
 */
export function ManageGate({ access = 'manage', children }: ManageGateProps) {
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
            const permission = access === 'read' ? 'stats.read' : 'session.manage'
            const options = orgOptionsFor(orgs, person.roles, { permission })
            const mayManage = (orgId: string) => mayOn(orgs, person.roles, 'session.manage', orgId)
            return options.length > 0 ? (
              children({ me: person, options, mayManage })
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
