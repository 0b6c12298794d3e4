import type { MemberView } from '@contract/org.contract'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import {
  CADRE_LEVELS,
  type CadreLevel,
  GENDERS,
  MEMBER_CATEGORIES,
} from '../../../../../cloudfunctions/domain/member.rules'
import { type ChipOption, Chips, chipsOf } from '../../../../components/chips'
import { type OrgOption, OrgPicker } from '../../../../components/org-picker'
import { useRosterStore } from '../../../../stores/roster.store'
import { draftOf, emptyDraft, fieldsOf, type MemberDraft, patchOf } from '../../lib/member-draft'

type CadreChoice = CadreLevel | 'none'
const CADRE_CHOICES: ChipOption<CadreChoice>[] = [{ value: 'none', label: '无' }, ...chipsOf(CADRE_LEVELS)]

export type MemberFormProps = {
  /** Nodes the person may place members on (roster.manage, communities and branches). */
  orgOptions: readonly OrgOption[]
  onDone: (member: MemberView) => void
  onCancel?: () => void
} & ({ mode: 'create'; defaultOrgId: string | null } | { mode: 'edit'; member: MemberView })

/** Creates a member, or edits one and sends only the fields that changed. */
export function MemberForm(props: MemberFormProps) {
  const { orgOptions, onDone, onCancel } = props
  const busy = useRosterStore((s) => s.busy === 'save')
  const createMember = useRosterStore((s) => s.createMember)
  const updateMember = useRosterStore((s) => s.updateMember)
  const [draft, setDraft] = useState<MemberDraft>(() =>
    props.mode === 'edit' ? draftOf(props.member) : emptyDraft(props.defaultOrgId),
  )
  const [error, setError] = useState<string | null>(null)
  const put = <K extends keyof MemberDraft>(key: K, value: MemberDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }))

  /** Checks the draft, then sends it: a failed check never reaches the server. */
  const send = async () => {
    if (props.mode === 'edit') {
      const patch = patchOf(props.member, draft)
      return patch.ok ? updateMember(props.member.id, patch.value) : patch
    }
    const fields = fieldsOf(draft)
    return fields.ok ? createMember(fields.value) : fields
  }

  const submit = async () => {
    setError(null)
    const outcome = await send()
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: props.mode === 'edit' ? '已保存' : '已添加', icon: 'success' })
    onDone(outcome.data)
  }

  return (
    <View className="card">
      <Text className="t-title">{props.mode === 'edit' ? '修改党员信息' : '新增党员'}</Text>
      <View className="admin-field">
        <Text className="t-caption">姓名</Text>
        <Input
          className="input"
          value={draft.name}
          maxlength={30}
          onInput={(e) => put('name', e.detail.value)}
        />
      </View>
      <View className="admin-field">
        <Text className="t-caption">性别</Text>
        <Chips options={chipsOf(GENDERS)} value={draft.gender} onChange={(v) => put('gender', v)} />
      </View>
      <View className="admin-field">
        <Text className="t-caption">手机号</Text>
        <Input
          className="input"
          type="number"
          maxlength={11}
          value={draft.phone}
          onInput={(e) => put('phone', e.detail.value)}
        />
      </View>
      <View className="admin-field">
        <Text className="t-caption">所在组织</Text>
        <OrgPicker options={orgOptions} value={draft.orgId} onChange={(id) => put('orgId', id)} />
      </View>
      <View className="admin-field">
        <Text className="t-caption">党员类别</Text>
        <Chips
          options={chipsOf(MEMBER_CATEGORIES)}
          value={draft.category}
          onChange={(v) => put('category', v)}
        />
      </View>
      <View className="admin-field">
        <Text className="t-caption">干部类别</Text>
        <Chips
          options={CADRE_CHOICES}
          value={draft.cadreLevel ?? 'none'}
          onChange={(v) => put('cadreLevel', v === 'none' ? null : v)}
        />
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <View className="actions">
        {onCancel && (
          <Button className="btn btn--ghost" disabled={busy} onClick={onCancel}>
            取消
          </Button>
        )}
        <Button className="btn btn--primary" loading={busy} disabled={busy} onClick={submit}>
          {props.mode === 'edit' ? '保存' : '添加'}
        </Button>
      </View>
    </View>
  )
}
