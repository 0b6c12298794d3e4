/**
 * The pure part of the signature pad (src/components/signature-pad), shared with the server, which refuses the
 * same trivial signatures the pad does. The approach is mini-smooth-signature's (linjc): the line narrows as the
 * pen moves faster, and each segment is a quadratic curve through the midpoints of successive points, so a
 * signature drawn from sparse touch events still looks written, not polygonal.
 */

/** A point as the pad records it: CSS pixels from the pad's top-left corner, ms since the signature began. */
export type StrokePoint = [x: number, y: number, t: number]
export type Stroke = StrokePoint[]

/** WeChat's largest canvas backing store (either side), in device pixels. */
export const CANVAS_MAX_PX = 1365

export interface PenWidths {
  minWidth: number
  maxWidth: number
  /** Speed (CSS px per ms) at which the line reaches its narrowest. */
  minSpeed: number
}

/** Thick enough to read on a phone, thin enough to look like a pen; a faster stroke narrows toward minWidth. */
export const DEFAULT_PEN: PenWidths = { minWidth: 2, maxWidth: 6, minSpeed: 1.5 }

/** width = max(maxW − (maxW − minW)·speed/minSpeed, minW). */
export function penWidth(speed: number, pen: PenWidths = DEFAULT_PEN): number {
  const s = Number.isFinite(speed) && speed > 0 ? speed : 0
  return Math.max(pen.maxWidth - ((pen.maxWidth - pen.minWidth) * s) / pen.minSpeed, pen.minWidth)
}

/** CSS px per ms between two points (0 when no time passed: a touch event repeated). */
export function speedBetween(a: StrokePoint, b: StrokePoint): number {
  const dt = b[2] - a[2]
  if (dt <= 0) return 0
  return Math.hypot(b[0] - a[0], b[1] - a[1]) / dt
}

/**
 * The width for the segment ending at `b`, eased toward the previous width so one jittery event does not make a
 * blot: the new width moves at most 30% of the way per point.
 */
export function nextWidth(
  previous: number,
  a: StrokePoint,
  b: StrokePoint,
  pen: PenWidths = DEFAULT_PEN,
): number {
  const target = penWidth(speedBetween(a, b), pen)
  return previous + (target - previous) * 0.3
}

/** A quadratic curve: from `start` through control `control` to `end`. */
export interface CurveSegment {
  start: [number, number]
  control: [number, number]
  end: [number, number]
}

const mid = (a: StrokePoint, b: StrokePoint): [number, number] => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]

/**
 * The curve drawn when point `i` (≥ 1) arrives: from the midpoint before the previous point, through the previous
 * point, to the midpoint after it. Successive curves meet at midpoints with a common tangent, so the line is smooth.
 */
export function segmentAt(stroke: readonly StrokePoint[], i: number): CurveSegment | null {
  if (i < 1 || i >= stroke.length) return null
  const prev = stroke[i - 1]
  const cur = stroke[i]
  const start: [number, number] = i === 1 ? [prev[0], prev[1]] : mid(stroke[i - 2], prev)
  return { start, control: [prev[0], prev[1]], end: mid(prev, cur) }
}

/** Every curve of a stroke, in order (redraw after undo): a dot for a single point. */
export function strokeSegments(stroke: readonly StrokePoint[]): CurveSegment[] {
  const out: CurveSegment[] = []
  for (let i = 1; i < stroke.length; i++) {
    const s = segmentAt(stroke, i)
    if (s) out.push(s)
  }
  const last = stroke[stroke.length - 1]
  if (stroke.length > 1) {
    const before = stroke[stroke.length - 2]
    out.push({ start: mid(before, last), control: mid(before, last), end: [last[0], last[1]] })
  }
  return out
}

/**
 * The canvas backing store for a pad of `width` × `height` CSS px on a screen of `pixelRatio`: scaled by the ratio
 * so lines stay sharp, but never past CANVAS_MAX_PX on either side (the drawing scale shrinks to fit).
 */
export function backingStore(
  width: number,
  height: number,
  pixelRatio: number,
): { width: number; height: number; scale: number } {
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1
  const scale = Math.min(ratio, CANVAS_MAX_PX / Math.max(width, 1), CANVAS_MAX_PX / Math.max(height, 1))
  return { width: Math.round(width * scale), height: Math.round(height * scale), scale }
}

/** What makes a signature more than a dot or a tick. */
export const SIGNATURE_MIN_POINTS = 12
/** The drawing must span at least this much (CSS px) one way and a third of it the other. */
export const SIGNATURE_MIN_SPAN = 60
/** Bounds of what one signing may carry (the call stays far under 64 K characters). */
export const SIGNATURE_MAX_POINTS = 2000
export const SIGNATURE_MAX_STROKES = 60
/** Coordinates are CSS px on a pad at most this large; times at most ten minutes. */
export const SIGNATURE_MAX_COORD = 2000
export const SIGNATURE_MAX_MS = 10 * 60 * 1000

export type SignatureProblem = 'empty' | 'too_few_points' | 'too_small' | 'too_many_points' | 'time_backwards'

export const SIGNATURE_PROBLEM_TEXT: Record<SignatureProblem, string> = {
  empty: '请先在框内签名',
  too_few_points: '签名太简单，请用正楷写出你的姓名',
  too_small: '签名太小，请在框内写大一些',
  too_many_points: '签名笔画过多，请清除后重新签名',
  time_backwards: '签名数据有误，请清除后重新签名',
}

/** Why a drawing is not accepted as a signature, or null when it is. */
export function signatureProblem(strokes: readonly (readonly StrokePoint[])[]): SignatureProblem | null {
  const points = strokes.flat()
  if (points.length === 0) return 'empty'
  if (points.length > SIGNATURE_MAX_POINTS || strokes.length > SIGNATURE_MAX_STROKES) return 'too_many_points'
  for (let i = 1; i < points.length; i++) if (points[i][2] < points[i - 1][2]) return 'time_backwards'
  if (points.length < SIGNATURE_MIN_POINTS) return 'too_few_points'
  const xs = points.map((p) => p[0])
  const ys = points.map((p) => p[1])
  const w = Math.max(...xs) - Math.min(...xs)
  const h = Math.max(...ys) - Math.min(...ys)
  const long = Math.max(w, h)
  const short = Math.min(w, h)
  if (long < SIGNATURE_MIN_SPAN || short < SIGNATURE_MIN_SPAN / 3) return 'too_small'
  return null
}
