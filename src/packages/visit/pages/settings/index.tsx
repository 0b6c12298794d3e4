import '../../styles/visit.scss'

import type { VisitSettingsView } from '@contract/index'
import { Button, Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import {
  limitProblem,
  VISIT_LIMIT_FIELDS,
  VISIT_LIMIT_KEYS,
  type VisitLimits,
} from '../../../../../cloudfunctions/domain/visit.rules'
import { Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { useVisitStore } from '../../../../stores/visit.store'

type Typed = Record<keyof VisitLimits, string>

const typedOf = (s: VisitLimits): Typed =>
  Object.fromEntries(VISIT_LIMIT_KEYS.map((k) => [k, String(s[k])])) as Typed

/** The editable form: each limit with its meaning; the first problem is said before anything is sent. */
function LimitsForm({ saved }: { saved: VisitSettingsView }) {
  const save = useVisitStore((s) => s.saveSettings)
  const busy = useVisitStore((s) => s.busy === 'settings')
  const [typed, setTyped] = useState<Typed>(() => typedOf(saved))
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null)
  useEffect(() => setTyped(typedOf(saved)), [saved])
  const problem = VISIT_LIMIT_KEYS.map((k) => limitProblem(k, typed[k])).find((p) => p !== null) ?? null

  const submit = async () => {
    if (problem) return
    const n = (k: keyof VisitLimits) => Number(typed[k].trim())
    const limits: VisitLimits = {
      dispatchHours: n('dispatchHours'),
      acceptHours: n('acceptHours'),
      completeHours: n('completeHours'),
      confirmDays: n('confirmDays'),
      escalateHours: n('escalateHours'),
    }
    const outcome = await save(limits)
    setSaid(
      outcome.ok
        ? { ok: true, text: '已保存。新的请求按新时限计算，已在办理的请求仍按原时限。' }
        : { ok: false, text: outcome.message },
    )
  }

  return (
    <View>
      {VISIT_LIMIT_KEYS.map((key) => {
        const field = VISIT_LIMIT_FIELDS[key]
        return (
          <View className="card" key={key}>
            <Text className="t-title visit-section">
              {field.label}（{field.unit}）
            </Text>
            <Text className="t-caption visit-line">{field.hint}</Text>
            <Input
              id={`limit-${key}`}
              className="input"
              type="number"
              maxlength={3}
              value={typed[key]}
              onInput={(e) => {
                setSaid(null)
                setTyped((t) => ({ ...t, [key]: e.detail.value }))
              }}
            />
          </View>
        )
      })}
      {problem && <Text className="t-body visit-error">{problem}</Text>}
      {said && <Text className={`t-body ${said.ok ? 'visit-line' : 'visit-error'}`}>{said.text}</Text>}
      <Button
        id="save-limits"
        className="btn btn--primary"
        loading={busy}
        disabled={busy || problem !== null}
        onClick={() => void submit()}
      >
        保存时限
      </Button>
    </View>
  )
}

/** What a secretary reads: the street's limits as set, and who sets them. */
function LimitsRead({ saved }: { saved: VisitSettingsView }) {
  return (
    <View>
      <View className="card">
        <Text className="t-body visit-line">时限由街道管理员统一设置，社区书记只能查看。</Text>
      </View>
      {VISIT_LIMIT_KEYS.map((key) => {
        const field = VISIT_LIMIT_FIELDS[key]
        return (
          <View className="card" key={key} id={`read-${key}`}>
            <Text className="t-title visit-section">
              {field.label}：{saved[key]}
              {field.unit}
            </Text>
            <Text className="t-caption visit-line">{field.hint}</Text>
          </View>
        )
      })}
    </View>
  )
}

/**
 * 上门服务时限: the street's limits (派单、接单、完成、自动确认、上报街道). The street admin changes them; a
 * community secretary reads them (the server refuses anyone else's change).
 */
export default function VisitSettingsPage() {
  const settings = useVisitStore((s) => s.settings)
  const load = useVisitStore((s) => s.loadSettings)
  useDidShow(() => {
    if (ensureSignedIn()) void load()
  })
  return (
    <Screen>
      <StateView state={settings} onRetry={() => void load()}>
        {(saved) => (saved.editable ? <LimitsForm saved={saved} /> : <LimitsRead saved={saved} />)}
      </StateView>
    </Screen>
  )
}
