import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { subscribeAnswerText, subscribeFailureText } from '../../services/reminder-subscribe'
import { useAccountStore } from '../../stores/account.store'

/**
 * 接收提醒: asks WeChat to let the secretary's reminders through (a tap is required by WeChat). Only in the
 * mini-program: the H5 build has no subscribe messages (the local host keeps reminders in its outbox).
 */
export function ReminderSubscribe() {
  // Read as 首页 loaded it: this adds no call to the page it sits on.
  const me = useAccountStore((s) => s.me)
  const [answer, setAnswer] = useState<string | null>(null)
  if (process.env.TARO_ENV !== 'weapp') return null
  const ids = me.status === 'ready' ? me.data.reminderTemplateIds : []
  if (ids.length === 0) return null

  const ask = () => {
    Taro.requestSubscribeMessage({
      tmplIds: ids,
      entityIds: [],
      success: (result) => setAnswer(subscribeAnswerText(result as unknown as Record<string, string>, ids)),
      fail: (error) => setAnswer(subscribeFailureText(error.errCode)),
    }).catch(() => undefined) // answered in `fail`
  }

  return (
    <View className="card reminder-subscribe">
      <Text className="t-body">开启提醒后，书记提醒你学习或考试时，微信会通知你。</Text>
      <Button className="btn btn--ghost" onClick={ask}>
        接收提醒
      </Button>
      {answer && <Text className="t-caption">{answer}</Text>}
    </View>
  )
}
