import '../../styles/admin.scss'

import type { MeView } from '@contract/account.contract'
import type { MemberView, OrgView } from '@contract/org.contract'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useMemo, useState } from 'react'

import { orgOptionsFor } from '../../../../components/org-picker'
import { PermissionGate } from '../../../../components/permission-gate'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { useRosterStore } from '../../../../stores/roster.store'
import { inviteShare } from '../../components/invite-panel'
import { MemberDetail } from '../../components/member-detail'
import { MemberForm } from '../../components/member-form'
import { useAdminTree } from '../../hooks/use-admin-tree'

/**
 * 党员信息: `?id=` shows a member; `?mode=create&orgId=` adds one and then shows it, so a
 * secretary can generate the invite code right away.
 */
export default function MemberPage() {
  const { params } = useRouter()
  const [memberId, setMemberId] = useState<string | null>(params.id ?? null)
  const { tree, reload } = useAdminTree()
  const invite = useRosterStore((s) => s.invite)
  // 发给微信好友 on the invite panel shares the binding page with the code filled in.
  useShareAppMessage(() => inviteShare(invite) ?? { title: '基层党建助手' })
  return (
    <Screen>
      <PermissionGate permission="roster.read">
        {(me) => (
          <StateView state={tree} onRetry={reload}>
            {(orgs) =>
              memberId ? (
                <MemberDetail memberId={memberId} me={me} orgs={orgs} />
              ) : params.mode === 'create' ? (
                <CreateMember me={me} orgs={orgs} orgId={params.orgId} onCreated={(m) => setMemberId(m.id)} />
              ) : (
                <Notice text="没有指定党员，请从花名册进入" />
              )
            }
          </StateView>
        )}
      </PermissionGate>
    </Screen>
  )
}

interface CreateMemberProps {
  me: MeView
  orgs: readonly OrgView[]
  orgId: string | undefined
  onCreated: (member: MemberView) => void
}

function CreateMember({ me, orgs, orgId, onCreated }: CreateMemberProps) {
  const placeable = useMemo(
    () => orgOptionsFor(orgs, me.roles, { permission: 'roster.manage', placeableOnly: true }),
    [orgs, me.roles],
  )
  if (placeable.length === 0) return <Notice text="你没有新增党员的权限" />
  const preset = placeable.some((o) => o.id === orgId) ? (orgId ?? null) : null
  return <MemberForm mode="create" defaultOrgId={preset} orgOptions={placeable} onDone={onCreated} />
}

function Notice({ text }: { text: string }) {
  return <PageNotice text={text} />
}
