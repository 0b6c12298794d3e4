import './index.scss'

import type { OrgView } from '@contract/org.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'

import { childTypeOf, ORG_TYPES } from '../../../../../cloudfunctions/domain/org-tree'
import { can, type RoleGrant } from '../../../../../cloudfunctions/domain/roles'
import { flattenOrgs, type OrgOption } from '../../../../components/org-picker'
import { go } from '../../../../services/navigation'
import { useAdminStore } from '../../../../stores/admin.store'
import { OrgNameEditor } from '../org-name-editor'

export interface OrgTreeProps {
  orgs: readonly OrgView[]
  roles: readonly RoleGrant[]
}

type Editing = { mode: 'create'; org: OrgOption } | { mode: 'rename'; org: OrgOption }

/** The street → 社区 → 支部 tree, indented, with add / rename / remove on the nodes one manages. */
export function OrgTree({ orgs, roles }: OrgTreeProps) {
  const rows = useMemo(() => flattenOrgs(orgs), [orgs])
  const busy = useAdminStore((s) => s.busy)
  const createOrg = useAdminStore((s) => s.createOrg)
  const renameOrg = useAdminStore((s) => s.renameOrg)
  const removeOrg = useAdminStore((s) => s.removeOrg)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [error, setError] = useState<string | null>(null)

  const edit = (next: Editing | null) => {
    setEditing(next)
    setError(null)
  }

  const save = async (name: string) => {
    if (!editing) return
    const outcome =
      editing.mode === 'create'
        ? await createOrg(editing.org.id, name)
        : await renameOrg(editing.org.id, name)
    if (!outcome.ok) return setError(outcome.message)
    edit(null)
    void Taro.showToast({ title: editing.mode === 'create' ? '已添加' : '已改名', icon: 'success' })
  }

  const remove = async (org: OrgOption) => {
    const { confirm } = await Taro.showModal({
      title: '删除组织',
      content: `确定删除“${org.name}”吗？只有没有下级组织和党员的组织才能删除。`,
      confirmText: '删除',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const outcome = await removeOrg(org.id)
    if (outcome.ok) void Taro.showToast({ title: '已删除', icon: 'success' })
    else
      void Taro.showModal({
        title: '不能删除',
        content: outcome.message,
        showCancel: false,
        confirmText: '知道了',
      })
  }

  return (
    <View>
      {rows.map((org) => {
        const manageable = can(roles, 'org.manage', { _id: org.id, ancestors: org.ancestors })
        const childType = childTypeOf(org)
        const mine = busy?.orgId === org.id
        return (
          <View key={org.id} className={`org-row org-row--${org.type}`}>
            <View className="card org-row__card">
              <View onClick={() => go('roster', { orgId: org.id })}>
                <Text className="t-body org-row__name">{org.name}</Text>
                <View>
                  <Text className="t-caption">{ORG_TYPES[org.type]} · 点此查看党员</Text>
                </View>
              </View>
              {manageable && (
                <View className="actions">
                  {childType && (
                    <Button
                      className="btn btn--ghost"
                      disabled={busy !== null}
                      onClick={() => edit({ mode: 'create', org })}
                    >
                      添加{childType === 'community' ? '社区' : '支部'}
                    </Button>
                  )}
                  <Button
                    className="btn btn--ghost"
                    disabled={busy !== null}
                    onClick={() => edit({ mode: 'rename', org })}
                  >
                    改名
                  </Button>
                  {org.parentId !== null && (
                    <Button
                      className="btn btn--ghost"
                      loading={mine && busy?.change === 'remove'}
                      disabled={busy !== null}
                      onClick={() => remove(org)}
                    >
                      删除
                    </Button>
                  )}
                </View>
              )}
            </View>
            {editing?.org.id === org.id && (
              <OrgNameEditor
                key={`${editing.mode}-${org.id}`}
                title={
                  editing.mode === 'create'
                    ? `在“${org.name}”下添加${ORG_TYPES[childType ?? 'branch']}`
                    : `修改“${org.name}”的名称`
                }
                initial={editing.mode === 'create' ? '' : org.name}
                placeholder={
                  editing.mode === 'rename'
                    ? '新的名称'
                    : childType === 'community'
                      ? '例如：幸福社区党委'
                      : '例如：第一党支部'
                }
                busy={mine}
                error={error}
                onSubmit={save}
                onCancel={() => edit(null)}
              />
            )}
          </View>
        )
      })}
    </View>
  )
}
