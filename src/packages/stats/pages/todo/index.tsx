import '../../styles/stats.scss'

import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'

import { monthLabel } from '../../../../../cloudfunctions/domain/time'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { useStatsStore } from '../../../../stores/stats.store'
import { LIGHT_TEXT } from '../../components/figure-grid'

/** 待办事项: members below the study rule, branches behind on 三会一课, exams below the pass target. */
export default function StatsTodoPage() {
  const { orgId, month } = useRouter().params
  const state = useStatsStore((s) => s.todo)
  const load = useStatsStore((s) => s.loadTodo)
  useEffect(() => void load({ orgId, month }), [load, orgId, month])
  return (
    <Screen>
      <StateView
        state={state}
        onRetry={() => load({ orgId, month })}
        isEmpty={(t) => t.items.length === 0}
        emptyText="本月没有待办事项"
      >
        {(todo) => (
          <View>
            <Text className="t-caption stats-note">{monthLabel(todo.month)}，点按一项查看名单</Text>
            {todo.items.map((item, i) => (
              <View
                key={`${item.kind}-${i}`}
                className="card stats-todo"
                onClick={
                  item.figure
                    ? () =>
                        go('statsRecords', {
                          orgId: todo.orgId,
                          period: todo.month,
                          figure: item.figure ?? '',
                          label: item.title,
                        })
                    : undefined
                }
              >
                <Text className={`t-caption light light--${item.light}`}>● {LIGHT_TEXT[item.light]}</Text>
                <Text className="t-body stats-todo__title">{item.title}</Text>
                <Text className="t-caption">{item.detail}</Text>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
