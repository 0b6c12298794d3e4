import type { SessionView } from '@contract/study.contract'
import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import {
  DEFAULT_FORMAT,
  SESSION_FORMATS,
  SESSION_TYPES,
  type SessionType,
} from '../../../../../cloudfunctions/domain/study.rules'
import { Chips, choicesOf } from '../../../../components/chips'
import { type OrgOption, OrgPicker } from '../../../../components/org-picker'
import { newSubmitKey } from '../../../../services/submit-key'
import { useSessionsStore } from '../../../../stores/study-sessions.store'
import {
  draftOf,
  LATE_CHOICES,
  moveStart,
  patchOf,
  ROTATE_CHOICES,
  type SessionForm as Form,
} from '../../lib/session-draft'
import { DateTimeField } from '../date-time-field'
import { LecturerField } from '../lecturer-field'

export interface SessionFormProps {
  initial: Form
  /** The stored session when editing; null when creating. */
  existing: SessionView | null
  options: readonly OrgOption[]
  onSaved: (session: SessionView) => void
}

const TYPE_CHOICES = choicesOf(SESSION_TYPES)
const FORMAT_CHOICES = choicesOf(SESSION_FORMATS)
/** Fixed choices plus the stored value when it is not one of them, labelled with their unit. */
const numberChoices = (values: readonly number[], current: number, unit: string) =>
  (values.includes(current) ? values : [...values, current].sort((a, b) => a - b)).map((n) => ({
    value: String(n),
    label: `${n}${unit}`,
  }))

function poolOf(options: readonly OrgOption[], orgId: string): string[] {
  const org = options.find((o) => o.id === orgId)
  return org ? [...org.ancestors, org.id] : [orgId]
}

/** 新建/编辑活动. On edit only the changed fields are sent. */
export function SessionForm({ initial, existing, options, onSaved }: SessionFormProps) {
  const [form, setForm] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  // One key for this new session's form, however often it is sent: one session is stored.
  const [submitKey] = useState(newSubmitKey)
  const saving = useSessionsStore((s) => s.saving)
  const create = useSessionsStore((s) => s.create)
  const update = useSessionsStore((s) => s.update)
  const put = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))

  const submit = async () => {
    const checked = draftOf(form)
    if (!checked.ok) return setError(checked.message)
    setError(null)
    const patch = existing ? patchOf(existing, checked.draft) : null
    if (existing && patch && Object.keys(patch).length === 0) return setError('没有需要保存的修改')
    const outcome =
      existing && patch ? await update(existing.id, patch) : await create({ ...checked.draft, submitKey })
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: existing ? '已保存' : '已创建', icon: 'success' })
    onSaved(outcome.data)
  }

  return (
    <View className="card">
      <Text className="t-caption">活动类型</Text>
      <Chips
        options={TYPE_CHOICES}
        value={form.type}
        onChange={(type: SessionType) => setForm((f) => ({ ...f, type, format: DEFAULT_FORMAT[type] }))}
      />
      <Text className="t-caption">形式（理论学习计入每月2次）</Text>
      <Chips options={FORMAT_CHOICES} value={form.format} onChange={(v) => put('format', v)} />
      <Text className="t-caption">标题</Text>
      <Input
        className="input"
        placeholder="活动标题"
        maxlength={60}
        value={form.title}
        onInput={(e) => put('title', e.detail.value)}
      />
      {!existing && (
        <View className="study-field">
          <Text className="t-caption">参会组织（该组织及下级党员应到）</Text>
          <OrgPicker
            options={options}
            value={form.orgId}
            onChange={(id) => setForm((f) => ({ ...f, orgId: id, lecturerId: null }))}
          />
        </View>
      )}
      <LecturerField
        orgId={form.orgId}
        poolOrgIds={poolOf(options, form.orgId)}
        value={form.lecturerId}
        currentName={existing?.lecturerName ?? null}
        onChange={(id) => put('lecturerId', id)}
      />
      <DateTimeField
        label="开始时间"
        date={form.startDate}
        time={form.startTime}
        onDate={(v) => setForm((f) => moveStart(f, v, f.startTime))}
        onTime={(v) => setForm((f) => moveStart(f, f.startDate, v))}
      />
      <DateTimeField
        label="结束时间"
        date={form.endDate}
        time={form.endTime}
        onDate={(v) => put('endDate', v)}
        onTime={(v) => put('endTime', v)}
      />
      <Text className="t-caption">地点</Text>
      <Input
        className="input"
        placeholder="活动地点"
        maxlength={60}
        value={form.place}
        onInput={(e) => put('place', e.detail.value)}
      />
      <View className="study-row">
        <Text className="t-body">允许列席（非本组织党员可签到）</Text>
        <Switch
          checked={form.allowVisitors}
          color="#c8161d"
          onChange={(e) => put('allowVisitors', e.detail.value)}
        />
      </View>
      <Text className="t-caption">二维码刷新间隔</Text>
      <Chips
        options={numberChoices(ROTATE_CHOICES, form.rotateSeconds, '秒')}
        value={String(form.rotateSeconds)}
        onChange={(v) => put('rotateSeconds', Number(v))}
      />
      <Text className="t-caption">迟到判定（开始后几分钟算迟到）</Text>
      <Chips
        options={numberChoices(LATE_CHOICES, form.lateAfterMinutes, '分钟')}
        value={String(form.lateAfterMinutes)}
        onChange={(v) => put('lateAfterMinutes', Number(v))}
      />
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button className="btn btn--primary" loading={saving} disabled={saving} onClick={submit}>
        {existing ? '保存修改' : '创建活动'}
      </Button>
    </View>
  )
}
