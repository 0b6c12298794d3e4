import { Button, Text, View } from '@tarojs/components'

import { yearOf } from '../../../../../cloudfunctions/domain/time'

/**
 * 上一年 · 2026年 · 下一年: two large buttons around the year shown (easier for older hands than a picker). The
 * next year is offered up to `ahead` years past this one (projects are planned ahead; hours are not).
 */
export function YearSwitch(props: { year: number; ahead?: number; onChange: (year: number) => void }) {
  const last = yearOf(Date.now()) + (props.ahead ?? 0)
  return (
    <View className="vol-actions">
      <Button className="btn btn--ghost" onClick={() => props.onChange(props.year - 1)}>
        上一年
      </Button>
      <Text className="t-title">{props.year}年</Text>
      <Button
        className="btn btn--ghost"
        disabled={props.year >= last}
        onClick={() => props.onChange(props.year + 1)}
      >
        下一年
      </Button>
    </View>
  )
}
