import '../../styles/study.scss'

import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { monthOf } from '../../../../../cloudfunctions/domain/time'
import type { OrgOption } from '../../../../components/org-picker'
import { Screen, StateView } from '../../../../components/screen'
import { useStudyRuleStore } from '../../../../stores/study-rule.store'
import { initialOrg, ManageGate } from '../../components/manage-gate'
import { OrgPeriodBar } from '../../components/org-period-bar'
import { RuleReport } from '../../components/rule-report'

/** 学习达标 (secretary): for a node they manage and a month, who did not study twice. */
export default function RulePage() {
  return (
    <Screen>
      <ManageGate>{({ options }) => <RuleBrowser options={options} />}</ManageGate>
    </Screen>
  )
}

function RuleBrowser({ options }: { options: readonly OrgOption[] }) {
  const [orgId, setOrgId] = useState(() => initialOrg(options, undefined))
  const [month, setMonth] = useState(() => monthOf(Date.now()))
  const report = useStudyRuleStore((s) => s.report)
  const load = useStudyRuleStore((s) => s.load)
  useEffect(() => void load(orgId, month), [load, orgId, month])
  return (
    <View>
      <OrgPeriodBar options={options} orgId={orgId} onOrg={setOrgId} period={{ month, onMonth: setMonth }} />
      <StateView
        state={report}
        onRetry={() => load(orgId, month)}
        isEmpty={(r) => r.total === 0}
        emptyText="该组织下还没有党员"
      >
        {(r) => <RuleReport report={r} />}
      </StateView>
    </View>
  )
}
