import type { AttendanceView, SessionView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'

import { go } from '../../../../services/navigation'
import { SessionSummary } from '../session-row'

/** The session at the top of 活动详情, with 出示签到码 (until it has ended) and 编辑 for those who manage it. */
export function SessionHeader({
  session,
  phase,
  readOnly = false,
}: {
  session: SessionView
  phase: AttendanceView['phase']
  readOnly?: boolean
}) {
  const cancelled = session.status === 'cancelled'
  return (
    <View className="card">
      <SessionSummary session={session} prominent />
      <View>
        <Text className="t-caption">讲师：{session.lecturerName ?? '无'}</Text>
      </View>
      {cancelled ? (
        <Text className="t-body error-text">
          已取消{session.cancelReason ? `：${session.cancelReason}` : ''}
        </Text>
      ) : (
        !readOnly && (
          <View className="actions">
            {phase === 'ended' ? (
              <Text className="t-caption">活动已结束，签到已关闭</Text>
            ) : (
              <Button className="btn btn--primary" onClick={() => go('sessionQr', { id: session.id })}>
                出示签到码
              </Button>
            )}
            <Button className="btn btn--ghost" onClick={() => go('sessionEdit', { id: session.id })}>
              编辑
            </Button>
          </View>
        )
      )}
    </View>
  )
}
