import type { FigureView, Light } from '@contract/stats.contract'
import { Text, View } from '@tarojs/components'

export const LIGHT_TEXT: Record<Light, string> = { green: '正常', yellow: '待完成', red: '未达标' }

/** "66.7%（2/3）" as the rate, shown large, and its counts below it, so a long rate never runs off its column. */
export function rateParts(text: string): [string, string] {
  const at = text.indexOf('（')
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at)]
}

export interface FigureGridProps {
  figures: readonly FigureView[]
  onOpen: (figure: FigureView) => void
}

/** The numbers first: each figure with its counts, its light where a rule exists, tapped to open its records. */
export function FigureGrid({ figures, onOpen }: FigureGridProps) {
  return (
    <View className="figure-grid">
      {figures.map((f) => (
        <View
          key={f.key}
          className={`stat-figure ${f.hasRecords ? 'stat-figure--tap' : ''}`}
          onClick={f.hasRecords ? () => onOpen(f) : undefined}
        >
          <Text className="t-caption stat-figure__label">{f.label}</Text>
          <Text className="stat-figure__value">
            {f.whole === null ? f.text : rateParts(f.text)[0]}
            {f.whole === null && f.unit ? <Text className="t-caption"> {f.unit}</Text> : null}
          </Text>
          {f.whole !== null && rateParts(f.text)[1] && (
            <Text className="t-caption stat-figure__of">{rateParts(f.text)[1]}</Text>
          )}
          {f.light ? (
            <Text className={`t-caption light light--${f.light}`}>
              ● {LIGHT_TEXT[f.light]}
              {f.rule ? `：${f.rule}` : ''}
            </Text>
          ) : (
            // A rule over nobody yet (no light), or a figure's note (the median's basis): still said.
            f.rule && <Text className="t-caption light">{f.rule}</Text>
          )}
        </View>
      ))}
    </View>
  )
}
