import '../../styles/study.scss'

import type { SessionView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo } from 'react'

import type { OrgOption } from '../../../../components/org-picker'
import { Screen, StateView } from '../../../../components/screen'
import { ROUTES } from '../../../../services/navigation'
import { useSessionsStore } from '../../../../stores/study-sessions.store'
import { CancelSession } from '../../components/cancel-session'
import { initialOrg, ManageGate } from '../../components/manage-gate'
import { SessionForm } from '../../components/session-form'
import { formOf, newForm } from '../../lib/session-draft'

/** 新建活动 (`?orgId=` preselects the organisation) or 编辑活动 (`?id=`), with 取消活动 on an existing one. */
export default function SessionEditPage() {
  const { params } = useRouter()
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: params.id ? '编辑活动' : '新建活动' })
  }, [params.id])
  return (
    <Screen>
      <ManageGate>
        {({ options }) =>
          params.id ? (
            <EditSession sessionId={params.id} options={options} />
          ) : (
            <CreateSession options={options} orgId={initialOrg(options, params.orgId)} />
          )
        }
      </ManageGate>
    </Screen>
  )
}

function CreateSession({ options, orgId }: { options: readonly OrgOption[]; orgId: string }) {
  const initial = useMemo(() => newForm(orgId, Date.now()), [orgId])
  // The new session's own page replaces this form, so 返回 goes back to the list.
  const opened = (saved: SessionView) => void Taro.redirectTo({ url: `${ROUTES.session}?id=${saved.id}` })
  return <SessionForm initial={initial} existing={null} options={options} onSaved={opened} />
}

function EditSession({ sessionId, options }: { sessionId: string; options: readonly OrgOption[] }) {
  const session = useSessionsStore((s) => s.session)
  const loadSession = useSessionsStore((s) => s.loadSession)
  useEffect(() => void loadSession(sessionId), [loadSession, sessionId])
  const back = () => void Taro.navigateBack()
  return (
    <StateView state={session} onRetry={() => loadSession(sessionId)}>
      {(stored) =>
        stored.id !== sessionId ? null : stored.status === 'cancelled' ? (
          <View className="state">
            <Text className="t-body">
              本活动已取消{stored.cancelReason ? `：${stored.cancelReason}` : ''}
            </Text>
          </View>
        ) : (
          <View>
            <SessionForm
              key={stored.id}
              initial={formOf(stored)}
              existing={stored}
              options={options}
              onSaved={back}
            />
            <CancelSession session={stored} onCancelled={back} />
          </View>
        )
      }
    </StateView>
  )
}
