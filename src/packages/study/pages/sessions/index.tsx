import '../../styles/study.scss'

import { useRouter } from '@tarojs/taro'

import { Screen } from '../../../../components/screen'
import { ManageGate } from '../../components/manage-gate'
import { SessionsBrowser } from '../../components/sessions-browser'

/** 学习活动: the sessions of a node, by month (read-only for the 纪工委); `?orgId=` opens on that node. */
export default function SessionsPage() {
  const { params } = useRouter()
  return (
    <Screen>
      <ManageGate access="read">
        {({ options, mayManage }) => (
          <SessionsBrowser options={options} mayManage={mayManage} requestedOrgId={params.orgId} />
        )}
      </ManageGate>
    </Screen>
  )
}
