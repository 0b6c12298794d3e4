import './index.scss'

import { Button, Text, View } from '@tarojs/components'

import { type FollowUpList, listKey, useFollowUpStore } from '../../stores/follow-up.store'

export interface FollowUpActionsProps {
  list: FollowUpList
  /** Everyone on the list, and those of them reminded today already. */
  people: readonly { memberId: string; remindedToday: boolean }[]
  remindedToday: number
  /** Secretaries remind; readers of the figures (the 纪工委) export only. */
  mayRemind: boolean
  /** After a 提醒 went through: reload the list, so 已提醒 shows on each name. */
  onReminded(): void
}

/** 提醒 the people on a names list who were not reminded today, and 导出 the list as an .xlsx. */
export function FollowUpActions({
  list,
  people,
  remindedToday,
  mayRemind,
  onReminded,
}: FollowUpActionsProps) {
  const busy = useFollowUpStore((s) => s.busy)
  const message = useFollowUpStore((s) => s.message)
  const { remind, exportNames } = useFollowUpStore.getState()
  if (people.length === 0) return null
  const waiting = people.filter((p) => !p.remindedToday).map((p) => p.memberId)

  const send = async () => {
    if (await remind(list, waiting)) onReminded()
  }

  return (
    <View className="follow-up">
      <Text className="t-caption">
        {remindedToday > 0 ? `今天已提醒 ${remindedToday} 人` : '今天还没有提醒'}
      </Text>
      <View className="actions">
        {mayRemind && (
          <Button
            className="btn btn--primary"
            loading={busy === 'remind'}
            disabled={busy !== null || waiting.length === 0}
            onClick={() => void send()}
          >
            {waiting.length > 0 ? `提醒 ${waiting.length} 人` : '今天都已提醒'}
          </Button>
        )}
        <Button
          className="btn btn--ghost"
          loading={busy === 'export'}
          disabled={busy !== null}
          onClick={() => void exportNames(list)}
        >
          导出名单
        </Button>
      </View>
      {message?.list === listKey(list) && <Text className="t-body">{message.text}</Text>}
    </View>
  )
}
