import './index.scss'

import { Text, View } from '@tarojs/components'

export interface ChipOption<T extends string> {
  value: T
  label: string
}

export interface ChipGroupProps<T extends string> {
  options: readonly ChipOption<T>[]
  value: T | null
  onChange: (value: T) => void
  disabled?: boolean
}

/** A row of large one-tap choices: easier than a dropdown for a handful of fixed values. */
export function ChipGroup<T extends string>({ options, value, onChange, disabled }: ChipGroupProps<T>) {
  return (
    <View className="chip-group">
      {options.map((option) => (
        <View
          key={option.value}
          className={`chip ${option.value === value ? 'chip--on' : ''} ${disabled ? 'chip--disabled' : ''}`}
          onClick={disabled ? undefined : () => onChange(option.value)}
        >
          <Text className="t-body">{option.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Plain values as chip options, each labelled by itself. */
export function chipsOf<T extends string>(values: readonly T[]): ChipOption<T>[] {
  return values.map((value) => ({ value, label: value }))
}
