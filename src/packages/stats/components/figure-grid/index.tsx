import type { FigureView, Light } from '@contract/stats.contract'
import { Text, View } from '@tarojs/components'

export const LIGHT_TEXT: Record<Light, string> = { green: '正常', yellow: '待完成', red: '未达标' }

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
            {f.text}
            {f.whole === null && f.unit ? <Text className="t-caption"> {f.unit}</Text> : null}
          </Text>
          {f.light && (
            <Text className={`t-caption light light--${f.light}`}>
              ● {LIGHT_TEXT[f.light]}
              {f.rule ? `：${f.rule}` : ''}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}
