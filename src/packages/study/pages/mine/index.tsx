import '../../styles/study.scss'

import type { MyStudyView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { monthOf } from '../../../../../cloudfunctions/domain/time'
import { Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { useMyStudyStore } from '../../../../stores/study-mine.store'
import { MySessionCard } from '../../components/my-session-card'
import { MonthStepper } from '../../components/stepper'

/** 我的学习: the month's sessions and whether the 每月2次理论学习 rule is met. */
export default function MyStudyPage() {
  const view = useMyStudyStore((s) => s.view)
  const load = useMyStudyStore((s) => s.load)
  const [month, setMonth] = useState(() => monthOf(Date.now()))
  useDidShow(() => {
    if (ensureSignedIn()) void load(month)
  })

  const choose = (next: string) => {
    setMonth(next)
    void load(next)
  }

  return (
    <Screen>
      <MonthStepper month={month} onChange={choose} />
      <StateView state={view} onRetry={() => load(month)}>
        {(data) => (
          <View>
            <RuleCard view={data} />
            {data.sessions.length === 0 ? (
              <View className="state">
                <Text className="t-body">本月没有需要参加的学习活动</Text>
              </View>
            ) : (
              data.sessions.map((entry) => <MySessionCard key={entry.session.id} entry={entry} />)
            )}
          </View>
        )}
      </StateView>
    </Screen>
  )
}

function RuleCard({ view }: { view: MyStudyView }) {
  const missing = Math.max(view.required - view.theoryCount, 0)
  return (
    <View className="card">
      <Text className="t-body">
        本月理论学习 {view.theoryCount} 次 / 要求 {view.required} 次
      </Text>
      <View>
        <Text className={`t-title ${view.met ? 'ok-text' : 'error-text'}`}>
          {view.met ? '已达标' : `还差${missing}次`}
        </Text>
      </View>
      <Text className="t-caption">每月至少参加{view.required}次理论学习</Text>
    </View>
  )
}
