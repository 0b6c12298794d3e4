import { Text, View } from '@tarojs/components'

export interface Choice<T extends string> {
  value: T
  label: string
}

export interface ChoiceChipsProps<T extends string> {
  choices: readonly Choice<T>[]
  value: T | null
  onChange: (value: T) => void
  /** Gives each chip the id `<idPrefix>-<value>`, for a row whose labels also appear elsewhere. */
  idPrefix?: string
}

/** A row of large one-tap choices for a handful of fixed values (活动类型, 形式, 名单筛选). */
export function ChoiceChips<T extends string>({ choices, value, onChange, idPrefix }: ChoiceChipsProps<T>) {
  return (
    <View className="chips">
      {choices.map((c) => (
        <View
          key={c.value}
          id={idPrefix ? `${idPrefix}-${c.value}` : undefined}
          className={`chip ${c.value === value ? 'chip--on' : ''}`}
          onClick={() => onChange(c.value)}
        >
          <Text className="t-body">{c.label}</Text>
        </View>
      ))}
    </View>
  )
}

/** The entries of a label table (`SESSION_TYPES`) as choices, in its order. */
export function choicesOf<T extends string>(labels: Readonly<Record<T, string>>): Choice<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))
}
