import type { LecturerView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { yearOf } from '../../../../../cloudfunctions/domain/time'
import { type OrgOption, OrgPicker } from '../../../../components/org-picker'
import { StateView } from '../../../../components/screen'
import { useLecturersStore } from '../../../../stores/study-lecturers.store'
import { LecturerForm } from '../lecturer-form'
import { LecturerReport } from '../lecturer-report'
import { YearStepper } from '../stepper'

export interface LecturersBrowserProps {
  options: readonly OrgOption[]
  /** Whether the person keeps the node's lecturers; readers (the 纪工委) only look. */
  mayManage(orgId: string): boolean
}

/** 讲师队伍 of a node: the pool with add/edit for its keepers, then the year's report. */
export function LecturersBrowser({ options, mayManage }: LecturersBrowserProps) {
  const [orgId, setOrgId] = useState(options[0].id)
  const [year, setYear] = useState(() => yearOf(Date.now()))
  const [editing, setEditing] = useState<LecturerView | 'new' | null>(null)
  const keeps = mayManage(orgId)
  const lecturers = useLecturersStore((s) => s.lecturers)
  const report = useLecturersStore((s) => s.report)
  const load = useLecturersStore((s) => s.load)
  const loadReport = useLecturersStore((s) => s.loadReport)
  useEffect(() => void load(orgId), [load, orgId])
  useEffect(() => void loadReport(orgId, year), [loadReport, orgId, year])

  const done = () => {
    setEditing(null)
    void loadReport(orgId, year)
  }

  return (
    <View>
      <View className="card">
        <OrgPicker options={options} value={orgId} onChange={setOrgId} />
      </View>
      {editing ? (
        <LecturerForm orgId={orgId} lecturer={editing === 'new' ? null : editing} onDone={done} />
      ) : (
        keeps && (
          <Button className="btn btn--primary" onClick={() => setEditing('new')}>
            添加讲师
          </Button>
        )
      )}
      <StateView
        state={lecturers}
        onRetry={() => load(orgId)}
        isEmpty={(list) => list.length === 0}
        emptyText={keeps ? '还没有讲师，请添加' : '还没有讲师'}
      >
        {(list) => (
          <View className="card">
            {list.map((l) => (
              <View key={l.id} className="study-row">
                <View className="study-row__main">
                  <Text className="t-body">{l.name}</Text>
                  <Text className="t-caption">
                    {' '}
                    {l.isStaff ? '本单位' : '外聘'} · {l.speciality}
                  </Text>
                </View>
                {keeps && (
                  <View className="study-link" onClick={() => setEditing(l)}>
                    <Text className="t-body error-text">编辑</Text>
                  </View>
                )}
              </View>
            ))}
          </View>
        )}
      </StateView>
      <YearStepper year={year} onChange={setYear} />
      <StateView state={report} onRetry={() => loadReport(orgId, year)}>
        {(r) => <LecturerReport report={r} />}
      </StateView>
    </View>
  )
}
