import type { MyStudyView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { SESSION_FORMATS, SESSION_TYPES } from '../../../../../cloudfunctions/domain/study.rules'
import { spanLabel } from '../../../../../cloudfunctions/domain/time'
import { useMyStudyStore } from '../../../../stores/study-mine.store'
import { LEAVE_LABELS, statusLabel } from '../../lib/labels'
import { Badge } from '../badge'
import { ReasonForm } from '../reason-form'

export type MySessionEntry = MyStudyView['sessions'][number]

/** One session of 我的学习: its status, and for one not yet started a 请假 with a reason. */
export function MySessionCard({ entry }: { entry: MySessionEntry }) {
  const { session, status, method, leave } = entry
  const busy = useMyStudyStore((s) => s.leaveBusy === session.id)
  const requestLeave = useMyStudyStore((s) => s.requestLeave)
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const label = statusLabel(status, method)
  const cancelled = session.status === 'cancelled'

  const submit = async (reason: string) => {
    setError(null)
    const outcome = await requestLeave(session.id, reason)
    if (!outcome.ok) {
      setError(outcome.message)
      return false
    }
    setAsking(false)
    void Taro.showToast({ title: '请假已提交', icon: 'success' })
    return true
  }

  return (
    <View className="card">
      <View className="study-row">
        <View className="study-row__main">
          <Text className="t-body">{session.title}</Text>
        </View>
        <Badge {...(cancelled ? { text: '已取消', tone: 'plain' as const } : label)} />
      </View>
      <View>
        <Text className="t-caption">
          {SESSION_TYPES[session.type]} · {SESSION_FORMATS[session.format]} ·{' '}
          {spanLabel(session.startAt, session.endAt)}
        </Text>
      </View>
      <View>
        <Text className="t-caption">地点：{session.place}</Text>
      </View>
      {leave && (
        <View>
          <Text className="t-caption">
            请假{LEAVE_LABELS[leave.status]}：{leave.reason}
          </Text>
        </View>
      )}
      {error && <Text className="t-body error-text">{error}</Text>}
      {status === 'upcoming' &&
        !leave &&
        !cancelled &&
        (asking ? (
          <ReasonForm
            placeholder="请假原因"
            submitText="提交请假"
            busy={busy}
            onSubmit={submit}
            onCancel={() => setAsking(false)}
          />
        ) : (
          <Button className="btn btn--ghost" onClick={() => setAsking(true)}>
            请假
          </Button>
        ))}
    </View>
  )
}
