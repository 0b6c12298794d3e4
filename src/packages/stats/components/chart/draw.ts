/**
 * Our own chart on Canvas 2D: bars or lines over a few labels, nothing else. The maintained libraries cost
 * 140–580 KB minified (README, "Monthly statistics"); this is a few hundred lines of arithmetic. Pure: it draws on
 * any 2D context, so tests can run it on a recording stand-in.
 */
export interface ChartSeries {
  label: string
  values: number[]
}

export interface ChartSpec {
  kind: 'bar' | 'line'
  labels: string[]
  series: ChartSeries[]
}

export const CHART_COLORS = ['#c8161d', '#1f6fb2', '#d48806', '#389e0d']

type Ctx = Pick<
  CanvasRenderingContext2D,
  | 'clearRect'
  | 'fillRect'
  | 'fillText'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'stroke'
  | 'arc'
  | 'fill'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'font'
  | 'textAlign'
>

const PAD = { left: 36, right: 8, top: 12, bottom: 28 }

/** A round top for the axis: 1, 2, 5 × 10ⁿ at or above the largest value. */
export function niceMax(max: number): number {
  if (max <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(max))
  return ([1, 2, 5, 10].find((k) => k * p >= max) ?? 10) * p
}

/** The label index under x (css px), or null outside the plot. */
export function indexAt(x: number, width: number, count: number): number | null {
  const step = (width - PAD.left - PAD.right) / Math.max(count, 1)
  const i = Math.floor((x - PAD.left) / step)
  return i >= 0 && i < count ? i : null
}

/** Draws `spec` in css px on a context already scaled by the pixel ratio; `active` is highlighted. */
export function drawChart(
  ctx: Ctx,
  width: number,
  height: number,
  spec: ChartSpec,
  active: number | null,
): void {
  const n = spec.labels.length
  const w = width - PAD.left - PAD.right
  const h = height - PAD.top - PAD.bottom
  const top = niceMax(Math.max(0, ...spec.series.flatMap((s) => s.values)))
  const step = w / Math.max(n, 1)
  const y = (v: number) => PAD.top + h - (v / top) * h
  ctx.clearRect(0, 0, width, height)
  ctx.font = '11px sans-serif'
  ctx.lineWidth = 1
  ctx.strokeStyle = '#e5e5e5'
  ctx.fillStyle = '#888888'
  ctx.textAlign = 'right'
  for (const v of [0, top / 2, top]) {
    ctx.beginPath()
    ctx.moveTo(PAD.left, y(v))
    ctx.lineTo(width - PAD.right, y(v))
    ctx.stroke()
    ctx.fillText(String(Math.round(v * 10) / 10), PAD.left - 4, y(v) + 4)
  }
  ctx.textAlign = 'center'
  const every = Math.ceil(n / 6)
  spec.labels.forEach((label, i) => {
    if (i % every === 0 || i === active) ctx.fillText(label, PAD.left + step * (i + 0.5), height - 8)
  })
  if (active !== null) {
    ctx.fillStyle = 'rgba(200,22,29,0.08)'
    ctx.fillRect(PAD.left + step * active, PAD.top, step, h)
  }
  const k = spec.series.length
  spec.series.forEach((s, j) => {
    const color = CHART_COLORS[j % CHART_COLORS.length]
    ctx.fillStyle = color
    ctx.strokeStyle = color
    if (spec.kind === 'bar') {
      const bw = (step * 0.7) / k
      s.values.forEach((v, i) => {
        ctx.fillRect(PAD.left + step * (i + 0.15) + bw * j, y(v), bw - 1, PAD.top + h - y(v))
      })
      return
    }
    ctx.lineWidth = 2
    ctx.beginPath()
    s.values.forEach((v, i) =>
      (i === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, PAD.left + step * (i + 0.5), y(v)),
    )
    ctx.stroke()
    s.values.forEach((v, i) => {
      ctx.beginPath()
      ctx.arc(PAD.left + step * (i + 0.5), y(v), i === active ? 4 : 2.5, 0, Math.PI * 2)
      ctx.fill()
    })
  })
}
