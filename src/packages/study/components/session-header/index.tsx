import type { SessionView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'

import { go } from '../../../../services/navigation'
import { SessionSummary } from '../session-row'

/** The session at the top of 活动详情, with 出示签到码 and 编辑 for those who manage it. */
export function SessionHeader({ session, readOnly = false }: { session: SessionView; readOnly?: boolean }) {
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
            <Button className="btn btn--primary" onClick={() => go('sessionQr', { id: session.id })}>
              出示签到码
            </Button>
            <Button className="btn btn--ghost" onClick={() => go('sessionEdit', { id: session.id })}>
              编辑
            </Button>
          </View>
        )
      )}
    </View>
  )
}
