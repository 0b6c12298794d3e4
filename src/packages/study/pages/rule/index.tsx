import '../../styles/study.scss'

import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { monthOf } from '../../../../../cloudfunctions/domain/time'
import { FollowUpActions } from '../../../../components/follow-up-actions'
import type { OrgOption } from '../../../../components/org-picker'
import { Screen, StateView } from '../../../../components/screen'
import { useStudyRuleStore } from '../../../../stores/study-rule.store'
import { initialOrg, ManageGate } from '../../components/manage-gate'
import { OrgPeriodBar } from '../../components/org-period-bar'
import { RuleReport } from '../../components/rule-report'

/** 学习达标: for a node and a month, who did not study twice; secretaries remind them, everyone may export. */
export default function RulePage() {
  return (
    <Screen>
      <ManageGate access="read">
        {({ options, mayManage }) => <RuleBrowser options={options} mayManage={mayManage} />}
      </ManageGate>
    </Screen>
  )
}

interface RuleBrowserProps {
  options: readonly OrgOption[]
  mayManage(orgId: string): boolean
}

function RuleBrowser({ options, mayManage }: RuleBrowserProps) {
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
        {(r) => (
          <RuleReport report={r}>
            <FollowUpActions
              list={{ kind: 'study', orgId, month }}
              people={r.below}
              remindedToday={r.remindedToday}
              mayRemind={mayManage(orgId)}
              onReminded={() => void load(orgId, month)}
            />
          </RuleReport>
        )}
      </StateView>
    </View>
  )
}
