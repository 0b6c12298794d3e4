import '../../styles/admin.scss'

import { Text, View } from '@tarojs/components'

import { PermissionGate } from '../../../../components/permission-gate'
import { Screen, StateView } from '../../../../components/screen'
import { OrgTree } from '../../components/org-tree'
import { useAdminTree } from '../../hooks/use-admin-tree'

/** 组织管理: the street's tree; add, rename or remove nodes; tap a node for its roster. */
export default function OrgsPage() {
  const { tree, reload } = useAdminTree()
  return (
    <Screen>
      <PermissionGate permission="org.manage">
        {(me) => (
          <StateView
            state={tree}
            onRetry={reload}
            isEmpty={(orgs) => orgs.length === 0}
            emptyText="还没有任何组织"
          >
            {(orgs) => (
              <View>
                <View className="card">
                  <Text className="t-caption">
                    街道党工委下设社区党组织，社区下设党支部。点组织名称查看其党员；有下级组织或党员的组织不能删除。
                  </Text>
                </View>
                <OrgTree orgs={orgs} roles={me.roles} />
              </View>
            )}
          </StateView>
        )}
      </PermissionGate>
    </Screen>
  )
}
