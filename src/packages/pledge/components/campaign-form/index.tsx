import type { OrgView } from '@contract/org.contract'
import type { PledgeTemplateView } from '@contract/pledge.contract'
import { Button, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { CADRE_LEVELS, type CadreLevel } from '../../../../../cloudfunctions/domain/member.rules'
import { chinaTimestamp, dateOf, yearOf } from '../../../../../cloudfunctions/domain/time'
import { Chips } from '../../../../components/chips'
import { newSubmitKey } from '../../../../services/submit-key'
import { type PersonHit, usePledgeStore } from '../../../../stores/pledge.store'
import { PeoplePicker } from '../people-picker'

type Who = 'all' | CadreLevel | 'community_secretary' | 'branch_secretary' | 'names'
const WHO: { value: Who; label: string }[] = [
  { value: 'all', label: '全体党员' },
  ...CADRE_LEVELS.map((c) => ({ value: c as Who, label: c })),
  { value: 'community_secretary', label: '社区书记（职务）' },
  { value: 'branch_secretary', label: '支部书记' },
  { value: 'names', label: '指定人员' },
]

/**
 * 新建签订任务: a template version, the year, which organisation's people (all, by cadre level, by role or by
 * name), a deadline.
 */
export function CampaignForm(props: { templates: PledgeTemplateView[]; orgs: OrgView[]; onDone(): void }) {
  const busy = usePledgeStore((s) => s.busy)
  const create = usePledgeStore((s) => s.createCampaign)
  const [templateId, setTemplateId] = useState(props.templates[0]?.templateId ?? '')
  const [orgId, setOrgId] = useState(props.orgs[0]?.id ?? '')
  const [who, setWho] = useState<Who>('all')
  const [named, setNamed] = useState<PersonHit[]>([])
  const [deadline, setDeadline] = useState(() => dateOf(Date.now() + 14 * 86_400_000))
  const [error, setError] = useState<string | null>(null)
  // One key for this form, sent with every try: a campaign sent again after a lost answer is created once.
  const [submitKey] = useState(newSubmitKey)
  const template = props.templates.find((t) => t.templateId === templateId)

  const submit = async () => {
    const due = chinaTimestamp(deadline, '23:59')
    if (!template || !due) return setError('请选择模板和截止日期')
    if (who === 'names' && named.length === 0) return setError('请搜索并选择签订人员')
    setError(null)
    const outcome = await create({
      templateId: template.templateId,
      version: template.version,
      year: yearOf(Date.now()),
      orgId,
      deadline: due,
      submitKey,
      ...(who === 'all'
        ? {}
        : who === 'names'
          ? { memberIds: named.map((p) => p.id) }
          : who === 'community_secretary' || who === 'branch_secretary'
            ? { roles: [who] }
            : { cadreLevels: [who] }),
    })
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: `已分配${outcome.data.assigned}人`, icon: 'success' })
    props.onDone()
  }

  return (
    <View className="card">
      <Text className="t-title">新建签订任务</Text>
      <View className="pledge-field">
        <Text className="t-caption">承诺书（最新版本）</Text>
        <Chips
          options={props.templates.map((t) => ({
            value: t.templateId,
            label: `${t.title} 第${t.version}版`,
          }))}
          value={templateId}
          onChange={setTemplateId}
          idPrefix="tpl"
        />
      </View>
      <View className="pledge-field">
        <Text className="t-caption">签订范围</Text>
        <Chips
          options={props.orgs.map((o) => ({ value: o.id, label: o.name }))}
          value={orgId}
          onChange={(next) => {
            setOrgId(next)
            setNamed([])
          }}
          idPrefix="org"
        />
      </View>
      <View className="pledge-field">
        <Text className="t-caption">签订对象</Text>
        <Chips options={WHO} value={who} onChange={setWho} idPrefix="who" />
        {who === 'names' && <PeoplePicker orgId={orgId} value={named} onChange={setNamed} />}
      </View>
      <View className="pledge-field">
        <Text className="t-caption">截止日期</Text>
        <Picker mode="date" value={deadline} onChange={(e) => setDeadline(String(e.detail.value))}>
          <View className="input">
            <Text className="t-body">{deadline}</Text>
          </View>
        </Picker>
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <View className="actions">
        <Button className="btn btn--ghost" onClick={props.onDone}>
          取消
        </Button>
        <Button className="btn btn--primary" disabled={busy || !template} onClick={() => void submit()}>
          分配
        </Button>
      </View>
    </View>
  )
}
