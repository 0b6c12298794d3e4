import '../../styles/admin.scss'

import { useRouter } from '@tarojs/taro'

import { PermissionGate } from '../../../../components/permission-gate'
import { Screen, StateView } from '../../../../components/screen'
import { RosterBrowser } from '../../components/roster-browser'
import { useAdminTree } from '../../hooks/use-admin-tree'

/** 党员花名册: `?orgId=` opens it on that node (from 组织管理); otherwise on the person's own scope. */
export default function RosterPage() {
  const { params } = useRouter()
  const { tree, reload } = useAdminTree()
  return (
    <Screen>
      <PermissionGate permission="roster.read">
        {(me) => (
          <StateView
            state={tree}
            onRetry={reload}
            isEmpty={(orgs) => orgs.length === 0}
            emptyText="还没有任何组织"
          >
            {(orgs) => <RosterBrowser me={me} orgs={orgs} requestedOrgId={params.orgId} />}
          </StateView>
        )}
      </PermissionGate>
    </Screen>
  )
}
