import type { MemberView } from '@contract/org.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'

import { type Role, ROLE_KEYS, type RoleGrant, ROLES } from '../../../../../cloudfunctions/domain/roles'
import { type ChipOption, Chips } from '../../../../components/chips'
import { type OrgOption, OrgPicker } from '../../../../components/org-picker'
import { useRosterStore } from '../../../../stores/roster.store'
import { addGrant, removeGrant, ROLE_ORG_TYPES, sameGrants } from '../../lib/role-grants'

const ROLE_CHOICES: ChipOption<Role>[] = ROLE_KEYS.map((role) => ({ value: role, label: ROLES[role] }))

export interface RolesEditorProps {
  member: MemberView
  /** Nodes on which the admin may grant roles (roles.manage), in tree order. */
  orgOptions: readonly OrgOption[]
  orgLabel: (orgId: string) => string
}

/** 街道管理员 only: the roles a member holds, each on one organisation node; saved all at once. */
export function RolesEditor({ member, orgOptions, orgLabel }: RolesEditorProps) {
  const busy = useRosterStore((s) => s.busy === 'roles')
  const setRoles = useRosterStore((s) => s.setRoles)
  const [grants, setGrants] = useState<RoleGrant[]>(member.roles)
  const [role, setRole] = useState<Role>('branch_secretary')
  const [orgId, setOrgId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const fitting = useMemo(
    () => orgOptions.filter((o) => ROLE_ORG_TYPES[role].includes(o.type)),
    [orgOptions, role],
  )
  const changed = !sameGrants(grants, member.roles)

  const chooseRole = (next: Role) => {
    setRole(next)
    if (!orgOptions.some((o) => o.id === orgId && ROLE_ORG_TYPES[next].includes(o.type))) setOrgId(null)
  }

  const save = async () => {
    setError(null)
    const outcome = await setRoles(member.id, grants)
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: '角色已保存', icon: 'success' })
  }

  return (
    <View className="card">
      <Text className="t-title">角色设置</Text>
      {grants.length === 0 && (
        <View>
          <Text className="t-caption">暂无角色，普通党员无需设置。</Text>
        </View>
      )}
      {grants.map((g) => (
        <View key={`${g.role}@${g.orgId}`} className="admin-line">
          <Text className="t-body">
            {ROLES[g.role]}（{orgLabel(g.orgId) || '组织已删除'}）
          </Text>
          <View className="admin-link" onClick={busy ? undefined : () => setGrants(removeGrant(grants, g))}>
            <Text className="t-body error-text">移除</Text>
          </View>
        </View>
      ))}
      <View className="admin-field">
        <Text className="t-caption">添加角色</Text>
        <Chips options={ROLE_CHOICES} value={role} onChange={chooseRole} disabled={busy} />
        <OrgPicker
          options={fitting}
          value={orgId}
          onChange={setOrgId}
          placeholder="选择任职的组织"
          disabled={busy}
        />
        <Button
          className="btn btn--ghost"
          disabled={busy || orgId === null}
          onClick={() => orgId && setGrants(addGrant(grants, { role, orgId }))}
        >
          添加到列表
        </Button>
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button className="btn btn--primary" loading={busy} disabled={busy || !changed} onClick={save}>
        保存角色
      </Button>
    </View>
  )
}
