import type { ActivitySummary, InputOf } from '@contract/index'
import { Button, Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { chinaTimestamp, dateOf, nextStart, timeOf } from '../../../../../cloudfunctions/domain/time'
import { SERVICE_TYPE_KEYS, SERVICE_TYPES } from '../../../../../cloudfunctions/domain/volunteer.rules'

type Draft = InputOf<'volunteer', 'activity/create'>

/**
 * 新建志愿活动: what, when (a future time), where, how long, how many, with which 共建单位 if any. Given `initial`,
 * the same form changes an activity before its start (修改活动).
 */
export function ActivityForm({
  orgId,
  busy,
  onSubmit,
  initial,
}: {
  orgId: string
  busy: boolean
  onSubmit: (d: Draft) => void
  initial?: ActivitySummary
}) {
  const start = initial?.startAt ?? nextStart(Date.now() + 24 * 60 * 60_000)
  const [title, setTitle] = useState(initial?.title ?? '')
  const [type, setType] = useState(initial ? Math.max(0, SERVICE_TYPE_KEYS.indexOf(initial.serviceType)) : 0)
  const [place, setPlace] = useState(initial?.place ?? '')
  const [partner, setPartner] = useState(initial?.partner ?? '')
  const [date, setDate] = useState(dateOf(start))
  const [time, setTime] = useState(initial ? timeOf(initial.startAt) : '08:30')
  const [hours, setHours] = useState(initial ? String(initial.plannedMinutes / 60) : '2')
  const [capacity, setCapacity] = useState(initial ? String(initial.capacity) : '20')
  const startAt = chinaTimestamp(date, time)
  const plannedMinutes = Math.round(Number(hours) * 60)
  const valid =
    title.trim() !== '' &&
    place.trim() !== '' &&
    startAt !== null &&
    plannedMinutes > 0 &&
    Number(capacity) > 0
  const submit = () =>
    startAt !== null &&
    onSubmit({
      title: title.trim(),
      serviceType: SERVICE_TYPE_KEYS[type],
      orgId,
      partner: partner.trim() || null,
      place: place.trim(),
      startAt,
      plannedMinutes,
      capacity: Math.round(Number(capacity)),
    })
  const field = (label: string, value: string, set: (v: string) => void, cls: string, numeric = false) => (
    <View className="vol-field">
      <Text className="t-caption">{label}</Text>
      <Input
        className={`input ${cls}`}
        type={numeric ? 'digit' : 'text'}
        value={value}
        onInput={(e) => set(e.detail.value)}
      />
    </View>
  )
  return (
    <View className="card">
      <Text className="t-title">{initial ? '修改活动' : '新建志愿活动'}</Text>
      {initial && (
        <Text className="t-caption">
          已有{initial.signedUp}人报名，人数上限不能少于{initial.signedUp}；改期后已报名的党员仍在名单上。
        </Text>
      )}
      {field('活动名称', title, setTitle, 'form-title')}
      <View className="vol-field">
        <Text className="t-caption">服务类别</Text>
        <Picker
          mode="selector"
          range={SERVICE_TYPE_KEYS.map((k) => SERVICE_TYPES[k])}
          value={type}
          onChange={(e) => setType(Number(e.detail.value))}
        >
          <View className="input">
            <Text className="t-body">{SERVICE_TYPES[SERVICE_TYPE_KEYS[type]]}</Text>
          </View>
        </Picker>
      </View>
      {field('地点', place, setPlace, 'form-place')}
      {field('共建单位（没有可不填）', partner, setPartner, 'form-partner')}
      <View className="vol-field">
        <Text className="t-caption">开始时间</Text>
        <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
          <View className="input">
            <Text className="t-body">{date}</Text>
          </View>
        </Picker>
        <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
          <View className="input">
            <Text className="t-body">{time}</Text>
          </View>
        </Picker>
      </View>
      {field('计划时长（小时）', hours, setHours, 'form-hours', true)}
      {field('人数上限', capacity, setCapacity, 'form-capacity', true)}
      <Button className="btn btn--primary form-submit" disabled={busy || !valid} onClick={submit}>
        {initial ? '保存修改' : '发布活动'}
      </Button>
    </View>
  )
}
