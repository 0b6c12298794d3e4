import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { LEDGER_COLUMNS, type RowError } from '../../../../../cloudfunctions/domain/callback.rules'
import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { type OrgOption, OrgPicker } from '../../../../components/org-picker'
import { useCallbackStore } from '../../../../stores/callback.store'
import { formatRowError } from '../../../../stores/roster-import-errors'

/** 窗口服务台账: import the hall's .xlsx export (all rows or none), or enter one item by hand. */
export function CallbackLedger({ orgs, onChanged }: { orgs: readonly OrgOption[]; onChanged: () => void }) {
  const file = useCallbackStore((s) => s.file)
  const busy = useCallbackStore((s) => s.busy)
  const [message, setMessage] = useState<string | null>(null)
  const [errors, setErrors] = useState<RowError[]>([])
  const [adding, setAdding] = useState(false)
  const choose = async () => setMessage(await useCallbackStore.getState().chooseLedger())
  const send = async () => {
    const result = await useCallbackStore.getState().importLedger()
    if (!result) return
    setErrors(result.kind === 'invalid' ? result.errors : [])
    setMessage(result.kind === 'done' ? `已导入 ${result.imported} 件事项` : result.message)
    if (result.kind === 'done') onChanged()
  }
  return (
    <View className="card" id="callback-ledger">
      <Text className="t-title">窗口服务台账</Text>
      <Text className="t-caption">Excel 表头：{LEDGER_COLUMNS.join('、')}；有错的行一行也不导入</Text>
      {file && <Text className="t-body">已选择：{file.name}</Text>}
      {message && <Text className="t-body">{message}</Text>}
      {errors.slice(0, 20).map((e) => (
        <Text className="t-body error-text callback-row-error" key={e.row}>
          {formatRowError(e)}
        </Text>
      ))}
      <View className="actions">
        <Button className="btn btn--ghost" disabled={busy} onClick={() => void choose()}>
          选择台账文件
        </Button>
        <Button className="btn btn--primary" disabled={busy || !file} onClick={() => void send()}>
          导入
        </Button>
        <Button className="btn btn--ghost" onClick={() => setAdding(!adding)}>
          {adding ? '收起' : '手工登记'}
        </Button>
      </View>
      {adding && <ItemForm orgs={orgs} onDone={(text) => (setMessage(text), onChanged())} />}
    </View>
  )
}

function ItemForm({ orgs, onDone }: { orgs: readonly OrgOption[]; onDone: (text: string) => void }) {
  const busy = useCallbackStore((s) => s.busy)
  const [draft, setDraft] = useState({ matter: '', staffName: '', servedName: '', phone: '' })
  const [completedOn, setCompletedOn] = useState(dateOf(Date.now()))
  const [orgId, setOrgId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const field = (key: keyof typeof draft, label: string) => (
    <View className="pledge-field">
      <Text className="t-caption">{label}</Text>
      <Input
        className="input"
        id={`callback-item-${key}`}
        value={draft[key]}
        type={key === 'phone' ? 'number' : 'text'}
        onInput={(e) => setDraft({ ...draft, [key]: e.detail.value })}
      />
    </View>
  )
  const submit = async () => {
    if (!orgId) return setError('请选择所在社区')
    const outcome = await useCallbackStore.getState().addItem({ ...draft, completedOn, orgId })
    if (!outcome.ok) return setError(outcome.message)
    setDraft({ matter: '', staffName: '', servedName: '', phone: '' })
    setError(null)
    onDone(`已登记：${outcome.data.matter}`)
  }
  return (
    <View className="callback-item-form">
      {field('matter', '事项')}
      {field('staffName', '经办人')}
      {field('servedName', '服务对象')}
      {field('phone', '联系电话')}
      <View className="pledge-field">
        <Text className="t-caption">办结日期</Text>
        <Picker mode="date" value={completedOn} onChange={(e) => setCompletedOn(String(e.detail.value))}>
          <View className="input">
            <Text className="t-body">{completedOn}</Text>
          </View>
        </Picker>
      </View>
      <View className="pledge-field">
        <Text className="t-caption">所在社区</Text>
        <OrgPicker options={orgs} value={orgId} onChange={setOrgId} placeholder="请选择社区" />
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
        登记
      </Button>
    </View>
  )
}
