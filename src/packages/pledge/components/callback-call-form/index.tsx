import type { CallbackEntryView } from '@contract/callback.contract'
import { Button, Picker, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import { RATING_KEYS, RATINGS, type Ratings } from '../../../../../cloudfunctions/domain/callback.rules'
import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { Chips } from '../../../../components/chips'
import { useCallbackStore } from '../../../../stores/callback.store'

const REACHED = [
  { value: 'yes', label: '已接通' },
  { value: 'no', label: '未接通' },
] as const
const SCORES = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: `${v}分` }))

/** 登记回访: reached or not, the date, four ratings of 1–5 when reached, what was heard and any problem found. */
export function CallbackCallForm({ quarter, entry }: { quarter: string; entry: CallbackEntryView }) {
  const busy = useCallbackStore((s) => s.busy)
  const before = entry.call
  const [reached, setReached] = useState<'yes' | 'no'>(before && !before.reached ? 'no' : 'yes')
  const [calledOn, setCalledOn] = useState(before?.calledOn ?? dateOf(Date.now()))
  const [ratings, setRatings] = useState<Partial<Ratings>>(before?.ratings ?? {})
  const [remark, setRemark] = useState(before?.remark ?? '')
  const [problem, setProblem] = useState(before?.problem ?? '')
  const [message, setMessage] = useState<string | null>(null)
  const complete = RATING_KEYS.every((k) => ratings[k] !== undefined)
  const submit = async () => {
    if (reached === 'yes' && !complete) return setMessage('请为态度、能力、效率、廉洁各打1到5分')
    const outcome = await useCallbackStore.getState().recordCall({
      quarter,
      itemKey: entry.key,
      reached: reached === 'yes',
      calledOn,
      ratings: reached === 'yes' ? (ratings as Ratings) : null,
      remark,
      problem,
      ...(before ? { revision: before.revision } : {}),
    })
    setMessage(outcome.ok ? '已保存' : outcome.message)
  }
  return (
    <View className="card" id="callback-call-form">
      <Text className="t-title">{before ? '修改回访记录' : '登记回访'}</Text>
      <Chips options={REACHED} value={reached} onChange={setReached} idPrefix="reached" />
      {reached === 'yes' &&
        RATING_KEYS.map((k) => (
          <View className="pledge-field" key={k}>
            <Text className="t-caption">{RATINGS[k]}</Text>
            <Chips
              options={SCORES}
              idPrefix={`rating-${k}`}
              value={ratings[k] === undefined ? null : String(ratings[k])}
              onChange={(v) => setRatings((r) => ({ ...r, [k]: Number(v) }))}
            />
          </View>
        ))}
      <View className="pledge-field">
        <Text className="t-caption">回访日期</Text>
        <Picker mode="date" value={calledOn} onChange={(e) => setCalledOn(String(e.detail.value))}>
          <View className="input">
            <Text className="t-body">{calledOn}</Text>
          </View>
        </Picker>
      </View>
      <View className="pledge-field">
        <Text className="t-caption">回访情况</Text>
        <Textarea
          className="pledge-textarea t-body"
          id="callback-remark"
          value={remark}
          maxlength={300}
          autoHeight
          onInput={(e) => setRemark(e.detail.value)}
        />
      </View>
      <View className="pledge-field">
        <Text className="t-caption">发现的问题（没有可不填）</Text>
        <Textarea
          className="pledge-textarea t-body"
          id="callback-problem"
          value={problem}
          maxlength={300}
          autoHeight
          onInput={(e) => setProblem(e.detail.value)}
        />
      </View>
      {message && <Text className="t-body callback-message">{message}</Text>}
      <Button className="btn btn--primary" id="callback-save" disabled={busy} onClick={() => void submit()}>
        保存
      </Button>
    </View>
  )
}
