import '../../styles/study.scss'

import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { useAttendanceStore } from '../../../../stores/study-attendance.store'
import { AttendanceList } from '../../components/attendance-list'
import { AttendanceSummary } from '../../components/attendance-summary'
import { LeaveRequests } from '../../components/leave-requests'
import { ManageGate } from '../../components/manage-gate'
import { SessionHeader } from '../../components/session-header'
import { StaticCodePanel } from '../../components/static-code-panel'
import { useOnReturn } from '../../hooks/use-on-return'

/** 活动详情 (`?id=`): figures, pending 请假, the member list with 补签/补学, the codes and 编辑. */
export default function SessionPage() {
  const { params } = useRouter()
  return (
    <Screen>
      <ManageGate>
        {() =>
          params.id ? (
            <Attendance sessionId={params.id} />
          ) : (
            <PageNotice text="没有指定活动，请从学习活动进入" />
          )
        }
      </ManageGate>
    </Screen>
  )
}

function Attendance({ sessionId }: { sessionId: string }) {
  const attendance = useAttendanceStore((s) => s.attendance)
  const load = useAttendanceStore((s) => s.load)
  useEffect(() => void load(sessionId), [load, sessionId])
  useOnReturn(() => void load(sessionId))
  return (
    <StateView state={attendance} onRetry={() => load(sessionId)}>
      {(view) => (
        <View>
          <SessionHeader session={view.session} />
          <AttendanceSummary summary={view.summary} />
          <LeaveRequests leaves={view.leaves} />
          <AttendanceList rows={view.rows} />
          <StaticCodePanel session={view.session} />
        </View>
      )}
    </StateView>
  )
}
