import '../../styles/study.scss'

import { Screen } from '../../../../components/screen'
import { LecturersBrowser } from '../../components/lecturers-browser'
import { ManageGate } from '../../components/manage-gate'

/** 讲师队伍: the lecturers of a node and a year's mix of sessions; kept by the node's secretaries, read by the 纪工委. */
export default function LecturersPage() {
  return (
    <Screen>
      <ManageGate access="read">
        {({ options, mayManage }) => <LecturersBrowser options={options} mayManage={mayManage} />}
      </ManageGate>
    </Screen>
  )
}
