import type { LeaveView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

import { dateTimeLabel } from '../../../../../cloudfunctions/domain/time'
import { useAttendanceStore } from '../../../../stores/study-attendance.store'

/** 请假 waiting for the secretary (同意 or 不同意, one at a time), then those not granted, which stay on record. */
export function LeaveRequests({ leaves }: { leaves: readonly LeaveView[] }) {
  const declined = leaves.filter((l) => l.status === 'declined')
  return (
    <View>
      <PendingLeaves leaves={leaves} />
      {declined.length > 0 && (
        <View className="card">
          <Text className="t-body study-section-title">未同意的请假（{declined.length}）</Text>
          {declined.map((leave) => (
            <View key={leave.id} className="study-field">
              <LeaveLine leave={leave} note="未同意，按应到计" />
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function LeaveLine({ leave, note }: { leave: LeaveView; note?: string }) {
  return (
    <>
      <Text className="t-body">
        {leave.memberName}：{leave.reason}
      </Text>
      <View>
        <Text className="t-caption">
          {dateTimeLabel(leave.requestedAt)} 提交{note ? ` · ${note}` : ''}
        </Text>
      </View>
    </>
  )
}

function PendingLeaves({ leaves }: { leaves: readonly LeaveView[] }) {
  const busy = useAttendanceStore((s) => s.busy)
  const decide = useAttendanceStore((s) => s.decideLeave)
  const pending = leaves.filter((l) => l.status === 'pending')
  if (pending.length === 0) return null

  const answer = async (leave: LeaveView, approve: boolean) => {
    const outcome = await decide(leave.id, approve)
    if (outcome.ok) void Taro.showToast({ title: approve ? '已同意请假' : '已不同意', icon: 'success' })
    else void Taro.showToast({ title: outcome.message, icon: 'none' })
  }

  return (
    <View className="card">
      <Text className="t-body study-section-title">待审批的请假（{pending.length}）</Text>
      {pending.map((leave) => (
        <View key={leave.id} className="study-field">
          <LeaveLine leave={leave} />
          <View className="actions">
            <Button className="btn btn--ghost" disabled={busy !== null} onClick={() => answer(leave, false)}>
              不同意
            </Button>
            <Button
              className="btn btn--primary"
              loading={busy === `leave:${leave.id}`}
              disabled={busy !== null}
              onClick={() => answer(leave, true)}
            >
              同意
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
