import { Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

import { CHART_COLORS, type ChartSpec, drawChart, indexAt } from './draw'

export type { ChartSpec } from './draw'

interface Drawn {
  ctx: CanvasRenderingContext2D
  width: number
  height: number
  left: number
}

type CanvasNode = { getContext?: (kind: '2d') => CanvasRenderingContext2D; width: number; height: number }

/** The 2D canvas behind `id`: the node itself in WeChat, the <canvas> inside Taro's element in H5. */
function canvasOf(node: unknown): CanvasNode | null {
  const n = node as (CanvasNode & { querySelector?: (s: string) => CanvasNode | null }) | null
  if (!n) return null
  if (typeof n.getContext === 'function') return n
  return n.querySelector?.('canvas') ?? null
}

export interface ChartProps {
  id: string
  spec: ChartSpec
  /** Units after a value read by tapping ("%", "次"). */
  unit?: (series: number) => string
}

/**
 * A chart on Canvas 2D (type="2d"), its backing store scaled by the pixel ratio so lines stay sharp; tapping a
 * column reads its values out below the chart. A table of the same numbers goes beside every chart.
 */
export function Chart({ id, spec, unit }: ChartProps) {
  const drawn = useRef<Drawn | null>(null)
  const [active, setActive] = useState<number | null>(null)

  useEffect(() => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true, rect: true })
      .exec((res: { node?: unknown; width?: number; height?: number; left?: number }[]) => {
        const hit = res?.[0]
        const canvas = canvasOf(hit?.node)
        const ctx = canvas?.getContext?.('2d')
        if (!canvas || !ctx || !hit?.width || !hit.height) return
        const ratio = Taro.getSystemInfoSync().pixelRatio || 1
        canvas.width = Math.round(hit.width * ratio)
        canvas.height = Math.round(hit.height * ratio)
        ctx.scale(ratio, ratio)
        drawn.current = { ctx, width: hit.width, height: hit.height, left: hit.left ?? 0 }
        drawChart(ctx, hit.width, hit.height, spec, null)
      })
    setActive(null)
  }, [id, spec])

  /** WeChat gives the touch's x on the canvas; the browser its x in the window. */
  const tap = (touch: { x?: number; clientX?: number } | undefined) => {
    const d = drawn.current
    const x = typeof touch?.x === 'number' ? touch.x : (touch?.clientX ?? 0) - (d?.left ?? 0)
    const i = d ? indexAt(x, d.width, spec.labels.length) : null
    setActive(i)
    if (d) drawChart(d.ctx, d.width, d.height, spec, i)
  }

  return (
    <View className="chart">
      <Canvas
        type="2d"
        id={id}
        className="chart__canvas"
        onTouchStart={(e) => tap(e.touches[0] as { x?: number; clientX?: number } | undefined)}
      />
      <View className="chart__legend">
        {spec.series.map((s, j) => (
          <Text
            key={s.label}
            className="t-caption chart__key"
            style={{ color: CHART_COLORS[j % CHART_COLORS.length] }}
          >
            ■ {s.label}
          </Text>
        ))}
      </View>
      <Text className="t-body chart__read">
        {active === null
          ? '点按图中的位置查看数值'
          : `${spec.labels[active]}：${spec.series.map((s, j) => `${s.label} ${s.values[active]}${unit?.(j) ?? ''}`).join('，')}`}
      </Text>
    </View>
  )
}
