import '../../styles/study.scss'

import { Text, View } from '@tarojs/components'
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

/**
 * 活动详情 (`?id=`): figures, pending 请假, the member list with 补签/补学 (once started), the codes (until it
 * has ended) and 编辑. Before the start it lists who is expected and who asked for leave, nobody as 缺席. For a
 * reader who does not manage the session (the 纪工委, a 支部书记 at a community's session) the figures and list only.
 */
export default function SessionPage() {
  const { params } = useRouter()
  return (
    <Screen>
      <ManageGate access="read">
        {({ mayManage }) =>
          params.id ? (
            <Attendance sessionId={params.id} mayManage={mayManage} />
          ) : (
            <PageNotice text="没有指定活动，请从学习活动进入" />
          )
        }
      </ManageGate>
    </Screen>
  )
}

function Attendance({ sessionId, mayManage }: { sessionId: string; mayManage(orgId: string): boolean }) {
  const attendance = useAttendanceStore((s) => s.attendance)
  const load = useAttendanceStore((s) => s.load)
  useEffect(() => void load(sessionId), [load, sessionId])
  useOnReturn(() => void load(sessionId))
  return (
    <StateView state={attendance} onRetry={() => load(sessionId)}>
      {(view) => {
        const manages = mayManage(view.session.orgId)
        return (
          <View>
            <SessionHeader session={view.session} phase={view.phase} readOnly={!manages} />
            {view.limitedTo && (
              <View className="card">
                <Text className="t-body">仅显示{view.limitedTo.join('、')}的党员</Text>
              </View>
            )}
            <AttendanceSummary summary={view.summary} phase={view.phase} />
            {manages && <LeaveRequests leaves={view.leaves} />}
            <AttendanceList rows={view.rows} phase={view.phase} readOnly={!manages} />
            {manages && view.phase !== 'ended' && <StaticCodePanel session={view.session} />}
          </View>
        )
      }}
    </StateView>
  )
}
