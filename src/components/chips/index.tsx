import './index.scss'

import { Text, View } from '@tarojs/components'

export interface ChipOption<T extends string> {
  value: T
  label: string
}

export interface ChipsProps<T extends string> {
  options: readonly ChipOption<T>[]
  value: T | null
  onChange: (value: T) => void
  disabled?: boolean
  /** Gives each chip the id `<idPrefix>-<value>`, for a row whose labels also appear elsewhere on the page. */
  idPrefix?: string
}

/**
 * A row of large one-tap choices, easier than a dropdown for a handful of fixed values
 * (活动类型, 性别, 题型); sized up in 大字模式.
 */
export function Chips<T extends string>({ options, value, onChange, disabled, idPrefix }: ChipsProps<T>) {
  return (
    <View className="chips">
      {options.map((option) => (
        <View
          key={option.value}
          id={idPrefix ? `${idPrefix}-${option.value}` : undefined}
          className={`chip ${option.value === value ? 'chip--on' : ''} ${disabled ? 'chip--disabled' : ''}`}
          onClick={disabled ? undefined : () => onChange(option.value)}
        >
          <Text className="t-body">{option.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** Plain values as options, each labelled by itself. */
export function chipsOf<T extends string>(values: readonly T[]): ChipOption<T>[] {
  return values.map((value) => ({ value, label: value }))
}

/** The entries of a label table (`SESSION_TYPES`) as options, in its order. */
export function choicesOf<T extends string>(labels: Readonly<Record<T, string>>): ChipOption<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
}
