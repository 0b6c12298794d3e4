import { View } from '@tarojs/components'

import { type OrgOption, OrgPicker } from '../../../../components/org-picker'
import { MonthStepper, YearStepper } from '../stepper'

export interface OrgPeriodBarProps {
  options: readonly OrgOption[]
  orgId: string
  onOrg: (orgId: string) => void
  /** Either a month ("YYYY-MM") or a year. */
  period:
    { month: string; onMonth: (month: string) => void } | { year: number; onYear: (year: number) => void }
}

/** The organisation (own node and below) and the month or year a secretary's screen is about. */
export function OrgPeriodBar({ options, orgId, onOrg, period }: OrgPeriodBarProps) {
  return (
    <View className="card">
      <OrgPicker options={options} value={orgId} onChange={onOrg} />
      {'month' in period ? (
        <MonthStepper month={period.month} onChange={period.onMonth} />
      ) : (
        <YearStepper year={period.year} onChange={period.onYear} />
      )}
    </View>
  )
}
