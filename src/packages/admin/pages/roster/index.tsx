import { Text } from '@tarojs/components'

export default function Placeholder() {
  return <Text>…</Text>
}
