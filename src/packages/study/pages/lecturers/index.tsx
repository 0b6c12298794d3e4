import '../../styles/study.scss'

import { Screen } from '../../../../components/screen'
import { LecturersBrowser } from '../../components/lecturers-browser'
import { ManageGate } from '../../components/manage-gate'

/** 讲师队伍: the lecturers of a node the secretary manages, and a year's mix of sessions. */
export default function LecturersPage() {
  return (
    <Screen>
      <ManageGate>{({ options }) => <LecturersBrowser options={options} />}</ManageGate>
    </Screen>
  )
}
