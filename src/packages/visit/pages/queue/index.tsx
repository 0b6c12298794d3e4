import '../../styles/visit.scss'

import type { RoleView, VisitView } from '@contract/index'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { Chips } from '../../../../components/chips'
import { ReasonForm } from '../../../../components/reason-form'
import { Screen, StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { go } from '../../../../services/navigation'
import { askForMessages } from '../../../../services/subscribe'
import { type QueueTab, useVisitStore } from '../../../../stores/visit.store'
import { AssigneePicker } from '../../components/assignee-picker'
import { ContactLine } from '../../components/contact-line'
import { VisitCard } from '../../components/visit-card'
import { useVisitActions } from '../../hooks/use-visit-actions'

const TABS: { value: QueueTab; label: string }[] = [
  { value: 'waiting', label: '待派单' },
  { value: 'overdue', label: '已超时' },
  { value: 'active', label: '进行中' },
  { value: 'done', label: '已结束' },
]

/** 上门服务派单: the community's requests waiting for dispatch, overdue, under way and done. */
export default function VisitQueuePage() {
  const { me } = useMe()
  const queue = useVisitStore((s) => s.queue)
  const loadQueue = useVisitStore((s) => s.loadQueue)
  const assignees = useVisitStore((s) => s.assignees)
  const openDispatch = useVisitStore((s) => s.openDispatch)
  const dispatch = useVisitStore((s) => s.dispatch)
  const reject = useVisitStore((s) => s.reject)
  const [tab, setTab] = useState<QueueTab>('waiting')
  const actions = useVisitActions<'reject'>()
  const templates = me.status === 'ready' ? me.data.visitTemplateIds : null
  // The nodes the secretary dispatches for: each of their communities (the street admin's street covers every
  // one); one is shown at a time, the first by default, the others a tap away.
  const nodes = dispatchNodes(me.status === 'ready' ? me.data.roles : [])
  const [picked, setPicked] = useState<string | null>(null)
  const orgId = nodes.find((n) => n.value === picked)?.value ?? nodes[0]?.value ?? null
  const load = (view = tab) => (orgId ? loadQueue(orgId, view) : Promise.resolve())
  useDidShow(() => void load())
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once the secretary's node is known
  }, [orgId])

  const choose = (next: QueueTab) => {
    setTab(next)
    void load(next)
  }
  const counts = queue.status === 'ready' ? queue.data : null
  const tabs = TABS.map((t) => ({
    ...t,
    label:
      counts && t.value === 'waiting'
        ? `${t.label}(${counts.waiting})`
        : counts && t.value === 'overdue'
          ? `${t.label}(${counts.overdue})`
          : t.label,
  }))

  const row = (visit: VisitView) => (
    <VisitCard key={visit.id} visit={visit} audience="staff">
      {actions.errorOf(visit.id) && <Text className="t-body visit-error">{actions.errorOf(visit.id)}</Text>}
      <ContactLine
        visit={visit}
        contact={actions.contacts[visit.id]}
        onReveal={() => void actions.reveal(visit.id)}
      />
      {assignees?.visitId === visit.id ? (
        <AssigneePicker
          list={assignees.list}
          busy={actions.busy !== null}
          onPick={(assigneeId) => void actions.run(visit.id, () => dispatch(visit.id, assigneeId))}
          onClose={() => void openDispatch(null)}
          onRetry={() => void openDispatch(visit.id)}
        />
      ) : actions.panelOf(visit.id) === 'reject' ? (
        <ReasonForm
          placeholder="不受理的原因（居民能看到）"
          submitText="不受理"
          busy={actions.busy === visit.id}
          onSubmit={async (reason) => (await actions.run(visit.id, () => reject(visit.id, reason))).ok}
          onCancel={() => actions.openPanel(visit.id, null)}
        />
      ) : (
        <View className="actions">
          {visit.can.dispatch && (
            <Button
              id={`dispatch-${visit.id}`}
              className="btn btn--primary"
              onClick={() => {
                askForMessages(['visitTask'], templates)
                void openDispatch(visit.id)
              }}
            >
              派单
            </Button>
          )}
          {visit.can.reject && (
            <Button className="btn btn--ghost" onClick={() => actions.openPanel(visit.id, 'reject')}>
              不受理
            </Button>
          )}
        </View>
      )}
    </VisitCard>
  )

  return (
    <Screen>
      {orgId && (
        <Button id="open-settings" className="btn btn--ghost" onClick={() => go('visitSettings')}>
          服务时限
        </Button>
      )}
      {nodes.length > 1 && (
        <Chips idPrefix="node" options={nodes} value={orgId} onChange={(next) => setPicked(next)} />
      )}
      <Chips idPrefix="tab" options={tabs} value={tab} onChange={choose} />
      <StateView
        state={
          me.status === 'ready' && !orgId ? { status: 'error', message: '你不负责社区的上门服务派单' } : queue
        }
        onRetry={() => void load()}
        isEmpty={(q) => q.items.length === 0}
        emptyText="这里没有请求"
      >
        {(q) => <View>{q.items.map(row)}</View>}
      </StateView>
    </Screen>
  )
}

/** The nodes whose requests a caller dispatches (a community secretary's communities, the street admin's street). */
function dispatchNodes(roles: readonly RoleView[]): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = []
  for (const r of roles)
    if (
      (r.role === 'community_secretary' || r.role === 'street_admin') &&
      !out.some((n) => n.value === r.orgId)
    )
      out.push({ value: r.orgId, label: r.orgName })
  return out
}
