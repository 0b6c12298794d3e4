import { Button, Text, View } from '@tarojs/components'

import { monthLabel, shiftMonth } from '../../../../../cloudfunctions/domain/time'

export interface StepperProps {
  label: string
  onPrev: () => void
  onNext: () => void
  prevText: string
  nextText: string
}

/** Two large buttons around the period shown: easier for older hands than a scrolling picker. */
export function Stepper({ label, onPrev, onNext, prevText, nextText }: StepperProps) {
  return (
    <View className="stepper">
      <Button className="btn btn--ghost" onClick={onPrev}>
        {prevText}
      </Button>
      <Text className="t-body">{label}</Text>
      <Button className="btn btn--ghost" onClick={onNext}>
        {nextText}
      </Button>
    </View>
  )
}

export function MonthStepper({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  return (
    <Stepper
      label={monthLabel(month)}
      prevText="上月"
      nextText="下月"
      onPrev={() => onChange(shiftMonth(month, -1))}
      onNext={() => onChange(shiftMonth(month, 1))}
    />
  )
}

export function YearStepper({ year, onChange }: { year: number; onChange: (year: number) => void }) {
  return (
    <Stepper
      label={`${year}年`}
      prevText="上一年"
      nextText="下一年"
      onPrev={() => onChange(year - 1)}
      onNext={() => onChange(year + 1)}
    />
  )
}
