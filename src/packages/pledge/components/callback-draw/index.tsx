import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { SAMPLE_MAX } from '../../../../../cloudfunctions/domain/callback.rules'
import { useCallbackStore } from '../../../../stores/callback.store'

/**
 * 抽取回访对象: once per quarter, from the quarter's ledger items and completed home visits, in proportion to each
 * community. The seed may be given (a number read out at a meeting) or left to the server; it is shown with the
 * draw, so anyone can draw again and compare.
 */
export function CallbackDraw({ quarter, label }: { quarter: string; label: string }) {
  const busy = useCallbackStore((s) => s.busy)
  const [size, setSize] = useState('10')
  const [seed, setSeed] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const n = Number(size)
    if (!Number.isInteger(n) || n < 1 || n > SAMPLE_MAX) return setError(`抽取件数应为1到${SAMPLE_MAX}`)
    const outcome = await useCallbackStore.getState().draw(quarter, n, seed.trim() || undefined)
    setError(outcome.ok ? null : outcome.message)
  }
  return (
    <View className="card" id="callback-draw">
      <Text className="t-title">{label}还没有抽取回访对象</Text>
      <Text className="t-caption">
        从本季度的窗口服务事项和已完成的上门服务中，按各社区件数比例随机抽取，每季度一次
      </Text>
      <View className="pledge-field">
        <Text className="t-caption">抽取件数</Text>
        <Input
          className="input"
          id="callback-size"
          type="number"
          value={size}
          onInput={(e) => setSize(e.detail.value)}
        />
      </View>
      <View className="pledge-field">
        <Text className="t-caption">随机种子（可不填，由系统生成）</Text>
        <Input
          className="input"
          id="callback-seed"
          value={seed}
          maxlength={40}
          onInput={(e) => setSeed(e.detail.value)}
        />
      </View>
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button className="btn btn--primary" disabled={busy} onClick={() => void submit()}>
        抽取
      </Button>
    </View>
  )
}
