import '../../styles/volunteer.scss'

import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { monthLabel, monthOf, shiftMonth } from '../../../../../cloudfunctions/domain/time'
import { type OrgOption, orgOptionsFor, OrgPicker } from '../../../../components/org-picker'
import { Screen, StateView } from '../../../../components/screen'
import { useMe } from '../../../../hooks/use-me'
import { go } from '../../../../services/navigation'
import { newSubmitKey } from '../../../../services/submit-key'
import { useOrgStore } from '../../../../stores/org.store'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { ActivityCard } from '../../components/activity-card'
import { ActivityForm } from '../../components/activity-form'

/** 志愿活动管理: the activities of a node in a month, and a new one; tapping one opens its page. */
export default function ManagePage() {
  const { me, reload } = useMe()
  const tree = useOrgStore((s) => s.tree)
  const loadTree = useOrgStore((s) => s.loadTree)
  useDidShow(() => {
    const { status } = useOrgStore.getState().tree
    if (status === 'idle' || status === 'error') void loadTree()
  })
  return (
    <Screen>
      <StateView state={me} onRetry={reload} loadingText="正在确认身份…">
        {(person) => (
          <StateView state={tree} onRetry={loadTree}>
            {(orgs) => {
              const options = orgOptionsFor(orgs, person.roles, { permission: 'volunteer.manage' })
              return options.length > 0 ? (
                <Browser options={options} />
              ) : (
                <View className="state">
                  <Text className="t-body">你没有组织志愿活动的权限，如有需要请联系社区书记</Text>
                </View>
              )
            }}
          </StateView>
        )}
      </StateView>
    </Screen>
  )
}

function Browser({ options }: { options: OrgOption[] }) {
  const [orgId, setOrgId] = useState(options[0].id)
  const [month, setMonth] = useState(() => monthOf(Date.now()))
  const [creating, setCreating] = useState(false)
  // One key per new activity's form, however often it is sent; a new one for another node or once it is stored.
  const [submitKey, setSubmitKey] = useState(newSubmitKey)
  useEffect(() => setSubmitKey(newSubmitKey()), [orgId])
  const managed = useVolunteerStore((s) => s.managed)
  const load = useVolunteerStore((s) => s.loadManaged)
  const busy = useVolunteerStore((s) => s.busy)
  const create = useVolunteerStore((s) => s.createActivity)
  useEffect(() => void load(orgId, month), [load, orgId, month])
  return (
    <View>
      <OrgPicker options={options} value={orgId} onChange={setOrgId} />
      <View className="vol-actions">
        <Button className="btn btn--ghost" onClick={() => setMonth(shiftMonth(month, -1))}>
          上个月
        </Button>
        <Text className="t-title">{monthLabel(month)}</Text>
        <Button className="btn btn--ghost" onClick={() => setMonth(shiftMonth(month, 1))}>
          下个月
        </Button>
      </View>
      {creating ? (
        <ActivityForm
          orgId={orgId}
          busy={busy}
          onSubmit={async (draft) => {
            const outcome = await create({ ...draft, submitKey })
            void Taro.showToast({
              title: outcome.ok ? '已发布' : outcome.message,
              icon: 'none',
              duration: 2500,
            })
            if (!outcome.ok) return
            setSubmitKey(newSubmitKey())
            setCreating(false)
            go('volunteerActivity', { id: outcome.data.id })
          }}
        />
      ) : (
        <Button className="btn btn--primary" onClick={() => setCreating(true)}>
          新建志愿活动
        </Button>
      )}
      <StateView
        state={managed}
        onRetry={() => load(orgId, month)}
        isEmpty={(l) => l.length === 0}
        emptyText="本月还没有志愿活动"
      >
        {(list) =>
          list.map((a) => (
            <ActivityCard key={a.id} activity={a} onTap={() => go('volunteerActivity', { id: a.id })} />
          ))
        }
      </StateView>
    </View>
  )
}
