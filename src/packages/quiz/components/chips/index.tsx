import { Text, View } from '@tarojs/components'

export interface ChipsProps<T extends string> {
  value: T
  options: readonly { value: T; label: string }[]
  onChange(value: T): void
}

/** A one-of choice shown as tappable chips, large enough for 大字模式. */
export function Chips<T extends string>({ value, options, onChange }: ChipsProps<T>) {
  return (
    <View className="quiz-chips">
      {options.map((o) => (
        <View
          key={o.value}
          className={`quiz-chip ${o.value === value ? 'quiz-chip--on' : ''}`}
          onClick={() => onChange(o.value)}
        >
          <Text className="t-body">{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
