import '../../styles/volunteer.scss'

import type { ActivityRoster } from '@contract/volunteer.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import type { Outcome } from '../../../../stores/admin-outcome'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { ActivityCard } from '../../components/activity-card'
import { CloseForm } from '../../components/close-form'
import { EntryRow } from '../../components/entry-row'
import { MakeupForm } from '../../components/makeup-form'

function say<T>(outcome: Outcome<T>, done: string) {
  void Taro.showToast({ title: outcome.ok ? done : outcome.message, icon: 'none', duration: 2500 })
}

/** 时长登记与确认 (`?id=`): sign members in and out for them, 补录, confirm hours, and close with 受益人次. */
export default function RosterPage() {
  const { params } = useRouter()
  const roster = useVolunteerStore((s) => s.roster)
  const load = useVolunteerStore((s) => s.loadRoster)
  const id = params.id
  useDidShow(() => {
    if (id && ensureSignedIn()) void load(id)
  })
  if (!id)
    return (
      <Screen>
        <PageNotice text="没有指定活动，请从志愿活动进入" />
      </Screen>
    )
  return (
    <Screen>
      <StateView state={roster} onRetry={() => load(id)}>
        {(data) => <RosterView data={data} />}
      </StateView>
    </Screen>
  )
}

function RosterView({ data }: { data: ActivityRoster }) {
  const s = useVolunteerStore()
  const a = data.activity
  const open = a.status === 'open'
  const waiting = data.entries.filter((e) => e.status === 'pending').length
  const signedIn = new Set(data.entries.filter((e) => e.status === 'open').map((e) => e.memberId))
  return (
    <View>
      <ActivityCard activity={a} />
      <View className="card">
        <Text className="t-title">报名的志愿者（{data.signups.length}人）</Text>
        {data.signups.length === 0 && <Text className="t-body">还没有人报名</Text>}
        {data.signups.map((p) => (
          <View className="vol-row" key={p.memberId}>
            <Text className="t-body vol-row__main">{p.name}</Text>
            {open && Date.now() >= a.startAt - 30 * 60_000 && (
              <Button
                className="btn btn--ghost"
                disabled={s.busy}
                onClick={async () =>
                  say(
                    await s.enter(a.id, p.memberId, signedIn.has(p.memberId) ? 'out' : 'in'),
                    signedIn.has(p.memberId) ? '已签退' : '已签到',
                  )
                }
              >
                {signedIn.has(p.memberId) ? '代为签退' : '代为签到'}
              </Button>
            )}
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="t-title">时长记录</Text>
        {data.entries.length === 0 && <Text className="t-body">还没有签到记录</Text>}
        {data.entries.map((e) => (
          <EntryRow key={e.id} entry={e} showName>
            {open && (e.status === 'pending' || e.status === 'approval') && (
              <View>
                <Button
                  className="btn btn--primary entry-confirm"
                  disabled={s.busy}
                  onClick={async () => say(await s.decide(a.id, e.id, true), '已确认')}
                >
                  {e.status === 'approval' ? '审批通过' : '确认'}
                </Button>
                <Button
                  className="btn btn--ghost"
                  disabled={s.busy}
                  onClick={async () => say(await s.decide(a.id, e.id, false), '已退回')}
                >
                  不予确认
                </Button>
              </View>
            )}
          </EntryRow>
        ))}
        {open && waiting > 0 && (
          <Button
            className="btn btn--primary confirm-all"
            disabled={s.busy}
            onClick={async () => say(await s.confirmAll(a.id), '已全部确认')}
          >
            确认全部待确认时长（{waiting}条）
          </Button>
        )}
      </View>
      {open && Date.now() >= a.startAt && (
        <View>
          <MakeupForm
            people={data.signups}
            busy={s.busy}
            onSubmit={async (d) => say(await s.makeup({ activityId: a.id, ...d }), '已补录')}
          />
          <CloseForm busy={s.busy} onClose={async (n) => say(await s.close(a.id, n), '已结项')} />
        </View>
      )}
    </View>
  )
}
