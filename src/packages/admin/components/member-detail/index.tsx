import type { MeView } from '@contract/account.contract'
import type { OrgView } from '@contract/org.contract'
import { Button, View } from '@tarojs/components'
import { useEffect, useMemo, useState } from 'react'

import type { Permission } from '../../../../../cloudfunctions/domain/roles'
import { flattenOrgs, mayOn, orgOptionsFor } from '../../../../components/org-picker'
import { StateView } from '../../../../components/screen'
import { idle } from '../../../../stores/async-state'
import { useRosterStore } from '../../../../stores/roster.store'
import { InvitePanel } from '../invite-panel'
import { MemberCard } from '../member-card'
import { MemberForm } from '../member-form'
import { RolesEditor } from '../roles-editor'
import { UnbindPanel } from '../unbind-panel'

export interface MemberDetailProps {
  memberId: string
  me: MeView
  orgs: readonly OrgView[]
}

/** One member, with the changes the viewer may make on the member's organisation. */
export function MemberDetail({ memberId, me, orgs }: MemberDetailProps) {
  const member = useRosterStore((s) => (s.memberId === memberId ? s.member : idle))
  const loadMember = useRosterStore((s) => s.loadMember)
  const [editing, setEditing] = useState(false)
  const labels = useMemo(() => new Map(flattenOrgs(orgs).map((o) => [o.id, o.label])), [orgs])
  const orgLabel = (orgId: string) => labels.get(orgId) ?? ''
  const placeable = useMemo(
    () => orgOptionsFor(orgs, me.roles, { permission: 'roster.manage', placeableOnly: true }),
    [orgs, me.roles],
  )
  const grantable = useMemo(
    () => orgOptionsFor(orgs, me.roles, { permission: 'roles.manage' }),
    [orgs, me.roles],
  )

  useEffect(() => {
    const { memberId: shown, member: current } = useRosterStore.getState()
    if (shown !== memberId || current.status !== 'ready') void loadMember(memberId)
  }, [memberId, loadMember])

  return (
    <StateView state={member} onRetry={() => loadMember(memberId)}>
      {(m) => {
        const may = (permission: Permission) => mayOn(orgs, me.roles, permission, m.orgId)
        return (
          <View>
            {editing ? (
              <MemberForm
                mode="edit"
                member={m}
                orgOptions={placeable}
                onDone={() => setEditing(false)}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <MemberCard member={m} orgLabel={orgLabel} />
            )}
            {!editing && may('roster.manage') && (
              <Button className="btn btn--ghost" onClick={() => setEditing(true)}>
                修改信息
              </Button>
            )}
            {may('roles.manage') && (
              <RolesEditor
                key={`${m.id}:${m.roles.map((g) => `${g.role}@${g.orgId}`).join(',')}`}
                member={m}
                orgOptions={grantable}
                orgLabel={orgLabel}
              />
            )}
            {may('invite.create') && !m.bound && <InvitePanel member={m} />}
            {may('roster.manage') && m.bound && <UnbindPanel member={m} />}
          </View>
        )
      }}
    </StateView>
  )
}
