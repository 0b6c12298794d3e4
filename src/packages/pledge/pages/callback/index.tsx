import '../../styles/pledge.scss'

import type { CallbackQuarterView } from '@contract/callback.contract'
import { Button, Picker, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { quarterLabel, shiftQuarter } from '../../../../../cloudfunctions/domain/callback.rules'
import { flattenOrgs, OrgPicker } from '../../../../components/org-picker'
import { PermissionGate } from '../../../../components/permission-gate'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { useCallbackStore } from '../../../../stores/callback.store'
import { useOrgStore } from '../../../../stores/org.store'
import { CallbackDraw } from '../../components/callback-draw'
import { CallbackLedger } from '../../components/callback-ledger'
import { CallbackSummary } from '../../components/callback-summary'

/** 回访核查 (`?q=2026-Q4`): the ledger, the quarter's draw and its seed, the calls, the summary and 发布. */
export default function CallbackPage() {
  const { params } = useRouter()
  const quarters = useCallbackStore((s) => s.quarters)
  const quarter = useCallbackStore((s) => s.quarter)
  const tree = useOrgStore((s) => s.tree)
  const [chosen, setChosen] = useState<string | null>(params.q ?? null)
  const current = quarters.status === 'ready' ? quarters.data.current : null
  const shown = chosen ?? current
  const load = async () => {
    await useCallbackStore.getState().loadQuarters()
    const q = chosen ?? useCallbackStore.getState().quarters
    const key = typeof q === 'string' ? q : q.status === 'ready' ? q.data.current : null
    if (key) void useCallbackStore.getState().loadQuarter(key)
    if (useOrgStore.getState().tree.status !== 'ready') void useOrgStore.getState().loadTree()
  }
  useDidShow(() => void load())
  const options = current ? [0, -1, -2, -3, -4].map((d) => shiftQuarter(current, d)) : []
  const orgs = tree.status === 'ready' ? flattenOrgs(tree.data) : []
  const pick = (q: string) => {
    setChosen(q)
    void useCallbackStore.getState().loadQuarter(q)
  }
  return (
    <Screen>
      <PermissionGate permission="pledge.inspect">
        {() => (
          <StateView state={quarters} onRetry={() => void load()}>
            {() => (
              <View>
                <View className="card">
                  <Picker
                    mode="selector"
                    range={options.map(quarterLabel)}
                    onChange={(e) => pick(options[Number(e.detail.value)])}
                  >
                    <View className="input" id="callback-quarter">
                      <Text className="t-body">{shown ? quarterLabel(shown) : '选择季度'}</Text>
                      <Text className="t-caption">更改</Text>
                    </View>
                  </Picker>
                </View>
                {shown && quarter.status === 'error' && quarter.code === 'CALLBACK.NOT_DRAWN' ? (
                  <CallbackDraw quarter={shown} label={quarterLabel(shown)} />
                ) : (
                  <StateView state={quarter} onRetry={() => shown && pick(shown)}>
                    {(q) => <Quarter q={q} orgs={orgs} />}
                  </StateView>
                )}
                <CallbackLedger
                  orgs={orgs.filter((o) => o.type !== 'street')}
                  onChanged={() => shown && pick(shown)}
                />
              </View>
            )}
          </StateView>
        )}
      </PermissionGate>
    </Screen>
  )
}

function Quarter({ q, orgs }: { q: CallbackQuarterView; orgs: ReturnType<typeof flattenOrgs> }) {
  const busy = useCallbackStore((s) => s.busy)
  const redraw = useCallbackStore((s) => s.redraw)
  const [scope, setScope] = useState<string | null>(orgs[0]?.id ?? null)
  const [message, setMessage] = useState<string | null>(null)
  const publish = async () => {
    if (!scope) return setMessage('请选择公示范围')
    const outcome = await useCallbackStore.getState().publish(q.quarter, scope, q.revision)
    setMessage(outcome.ok ? '已发布' : outcome.message)
  }
  return (
    <View>
      <View className="card" id="callback-seed">
        <Text className="t-title">{q.label}回访名单</Text>
        <Text className="t-caption">
          {q.drawnByName}抽取：从 {q.poolSize} 件中抽 {q.sample.length} 件，随机种子“{q.seed}”
        </Text>
        <Button
          className="btn btn--ghost"
          disabled={busy}
          onClick={() => void useCallbackStore.getState().checkRedraw(q.quarter)}
        >
          用同一种子重新抽取核对
        </Button>
        {redraw && (
          <Text className={`t-body ${redraw.matches ? '' : 'error-text'}`} id="callback-redraw">
            {redraw.matches ? '重新抽取的结果与名单一致' : '重新抽取的结果与名单不一致'}
          </Text>
        )}
        {q.sample.map((s) => (
          <View
            className="pledge-row"
            key={s.key}
            onClick={() => q.mayCall && go('pledgeCallbackCall', { q: q.quarter, key: s.key })}
          >
            <View className="pledge-row__main">
              <Text className="t-body">{s.matter}</Text>
              <View>
                <Text className="t-caption">
                  {s.communityName} · 经办人{s.staffName} · {s.servedName} · {s.phone}
                </Text>
              </View>
            </View>
            <Text className="pledge-badge">{s.call ? (s.call.reached ? '已回访' : '未接通') : '待回访'}</Text>
          </View>
        ))}
      </View>
      <CallbackSummary
        title={q.status === 'published' ? `已发布到${q.scopeName ?? ''}` : '本季度汇总'}
        lines={q.lines}
        problems={q.problems}
      />
      {q.status === 'drawn' && (
        <View className="card" id="callback-publish">
          <Text className="t-title">发布汇总</Text>
          <Text className="t-caption">
            发布后不能再登记或修改回访，所选范围内的党员可以查看汇总（不含电话和服务对象）
          </Text>
          <OrgPicker options={orgs.filter((o) => o.type !== 'branch')} value={scope} onChange={setScope} />
          {message && <Text className="t-body">{message}</Text>}
          <Button className="btn btn--primary" disabled={busy} onClick={() => void publish()}>
            发布
          </Button>
        </View>
      )}
    </View>
  )
}
