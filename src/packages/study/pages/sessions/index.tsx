import '../../styles/study.scss'

import { useRouter } from '@tarojs/taro'

import { Screen } from '../../../../components/screen'
import { ManageGate } from '../../components/manage-gate'
import { SessionsBrowser } from '../../components/sessions-browser'

/** 学习活动 (secretary): the sessions of a node they manage, by month; `?orgId=` opens on that node. */
export default function SessionsPage() {
  const { params } = useRouter()
  return (
    <Screen>
      <ManageGate>
        {({ options }) => <SessionsBrowser options={options} requestedOrgId={params.orgId} />}
      </ManageGate>
    </Screen>
  )
}
