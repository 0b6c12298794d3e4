import { Text, View } from '@tarojs/components'

export interface BarProps {
  label: string
  value: number
  /** The longest bar of the group; 0 draws every bar empty. */
  max: number
}

/** A labelled horizontal bar: plain Views with a width, no chart library. */
export function Bar({ label, value, max }: BarProps) {
  const width = max > 0 ? Math.round((value / max) * 100) : 0
  return (
    <View className="bar">
      <View className="study-row">
        <Text className="t-body">{label}</Text>
        <Text className="t-body">{value}</Text>
      </View>
      <View className="bar__track">
        <View className="bar__fill" style={{ width: `${width}%` }} />
      </View>
    </View>
  )
}
