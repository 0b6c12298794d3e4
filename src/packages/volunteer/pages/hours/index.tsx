import '../../styles/volunteer.scss'

import type { MyHoursView } from '@contract/volunteer.contract'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { dateOf, monthLabel, yearOf } from '../../../../../cloudfunctions/domain/time'
import { ENTRY_STATUS_LABELS, hoursLabel } from '../../../../../cloudfunctions/domain/volunteer.rules'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { YearSwitch } from '../../components/year-switch'

/** 我的志愿时长: a year's hours month by month, confirmed (counted) and waiting for the organiser. */
export default function HoursPage() {
  const hours = useVolunteerStore((s) => s.hours)
  const load = useVolunteerStore((s) => s.loadHours)
  const [year, setYear] = useState(() => yearOf(Date.now()))
  useDidShow(() => {
    if (ensureSignedIn()) void load(year)
  })
  const choose = (next: number) => {
    setYear(next)
    void load(next)
  }
  return (
    <Screen>
      <YearSwitch year={year} onChange={choose} />
      <StateView state={hours} onRetry={() => load(year)}>
        {(view) => <YearView view={view} />}
      </StateView>
    </Screen>
  )
}

function YearView({ view }: { view: MyHoursView }) {
  const months = view.months.filter((m) => m.confirmedMinutes + m.pendingMinutes > 0 || m.activities > 0)
  return (
    <View>
      <View className="card">
        <Text className="t-caption">已确认的志愿时长</Text>
        <Text className="vol-figure hours-confirmed">{hoursLabel(view.confirmedMinutes)}</Text>
        <Text className="t-body hours-pending">待组织者确认：{hoursLabel(view.pendingMinutes)}</Text>
        {view.makeupMinutes > 0 && (
          <View>
            <Text className="t-caption">其中补录 {hoursLabel(view.makeupMinutes)}</Text>
          </View>
        )}
        {view.confirmedMinutes > 0 && (
          <Button
            className="btn btn--primary"
            onClick={() => go('volunteerCert', { year: String(view.year) })}
          >
            出具{view.year}年志愿服务记录证明
          </Button>
        )}
      </View>
      {months.length === 0 ? (
        <View className="state">
          <Text className="t-body">{view.year}年还没有志愿服务记录</Text>
        </View>
      ) : (
        months.map((m) => (
          <View className="card hours-month" key={m.month}>
            <Text className="t-title">{monthLabel(m.month)}</Text>
            <View>
              <Text className="t-body">
                参加 {m.activities} 次 · 已确认 {hoursLabel(m.confirmedMinutes)} · 待确认{' '}
                {hoursLabel(m.pendingMinutes)}
              </Text>
            </View>
            {view.entries
              .filter((e) => dateOf(e.activityStartAt).slice(0, 7) === m.month)
              .map((e) => (
                <View className="vol-row" key={e.id}>
                  <Text className="t-caption">
                    {dateOf(e.activityStartAt).slice(5)} {e.title} ·{' '}
                    {e.minutes === null ? '未签退' : hoursLabel(e.minutes)} · {ENTRY_STATUS_LABELS[e.status]}
                  </Text>
                </View>
              ))}
          </View>
        ))
      )}
    </View>
  )
}
