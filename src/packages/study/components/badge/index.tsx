import { Text } from '@tarojs/components'

import type { Tone } from '../../lib/labels'

export interface BadgeProps {
  text: string
  tone: Tone
}

export function Badge({ text, tone }: BadgeProps) {
  return <Text className={`t-caption badge badge--${tone}`}>{text}</Text>
}
