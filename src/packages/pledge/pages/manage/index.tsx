import '../../styles/pledge.scss'

import type { PledgeTemplateView } from '@contract/pledge.contract'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { PLEDGE_KINDS } from '../../../../../cloudfunctions/domain/pledge.rules'
import { can } from '../../../../../cloudfunctions/domain/roles'
import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { toOrgNode } from '../../../../components/org-picker'
import { Screen, StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { go } from '../../../../services/navigation'
import { useOrgStore } from '../../../../stores/org.store'
import { usePledgeStore } from '../../../../stores/pledge.store'
import { CampaignForm } from '../../components/campaign-form'
import { ChainCheck } from '../../components/chain-check'
import { TemplateForm } from '../../components/template-form'

/** 承诺书管理: templates (kept by the street admin and the 纪工委) and campaigns, each opening its completion. */
export default function PledgeManagePage() {
  const templates = usePledgeStore((s) => s.templates)
  const campaigns = usePledgeStore((s) => s.campaigns)
  const tree = useOrgStore((s) => s.tree)
  const { me } = useMe()
  const [editing, setEditing] = useState<PledgeTemplateView | 'new' | null>(null)
  const [creating, setCreating] = useState(false)
  useDidShow(() => {
    void usePledgeStore.getState().loadManage()
    if (useOrgStore.getState().tree.status !== 'ready') void useOrgStore.getState().loadTree()
  })
  const roles = me.status === 'ready' ? me.data.roles : []
  const keepOrgs =
    tree.status === 'ready'
      ? tree.data.filter((o) => o.type !== 'branch' && can(roles, 'pledge.inspect', toOrgNode(o)))
      : []
  return (
    <Screen>
      <StateView state={templates} onRetry={() => void usePledgeStore.getState().loadManage()}>
        {(list) => {
          const mayEdit = keepOrgs.length > 0
          return (
            <View>
              {editing ? (
                <TemplateForm template={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
              ) : (
                <View className="card">
                  <Text className="t-title">承诺书模板</Text>
                  {list.length === 0 && <Text className="t-body">还没有模板</Text>}
                  {list.map((t) => (
                    <View className="pledge-row" key={t.templateId}>
                      <View className="pledge-row__main">
                        <Text className="t-body">{t.title}</Text>
                        <View>
                          <Text className="t-caption">
                            {PLEDGE_KINDS[t.kind]} · 第{t.version}版
                          </Text>
                        </View>
                      </View>
                      {t.mayEdit && (
                        <Button className="btn btn--ghost" onClick={() => setEditing(t)}>
                          修改
                        </Button>
                      )}
                    </View>
                  ))}
                  {mayEdit && (
                    <View className="actions">
                      <Button className="btn btn--ghost" onClick={() => setEditing('new')}>
                        新建模板
                      </Button>
                      <Button
                        className="btn btn--primary"
                        disabled={list.length === 0}
                        onClick={() => setCreating(true)}
                      >
                        新建签订任务
                      </Button>
                    </View>
                  )}
                </View>
              )}
              {creating && (
                <CampaignForm templates={list} orgs={keepOrgs} onDone={() => setCreating(false)} />
              )}
            </View>
          )
        }}
      </StateView>
      <StateView state={campaigns} isEmpty={(c) => c.length === 0} emptyText="还没有签订任务">
        {(list) => (
          <View className="card">
            <Text className="t-title">签订任务</Text>
            {list.map((c) => (
              <View className="pledge-row" key={c.id} onClick={() => go('pledgeCompletion', { id: c.id })}>
                <View className="pledge-row__main">
                  <Text className="t-body">
                    {c.year}年度 {c.title}
                  </Text>
                  <View>
                    <Text className="t-caption">
                      {c.orgName} · 应签{c.assigned}份 · {dateOf(c.deadline)} 截止
                    </Text>
                  </View>
                </View>
                <Text className="t-caption">查看 ›</Text>
              </View>
            ))}
          </View>
        )}
      </StateView>
      {keepOrgs.length > 0 && <ChainCheck />}
    </Screen>
  )
}
