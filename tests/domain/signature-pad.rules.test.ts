import {
  backingStore,
  CANVAS_MAX_PX,
  DEFAULT_PEN,
  penWidth,
  segmentAt,
  signatureProblem,
  type Stroke,
  strokeSegments,
} from '../../cloudfunctions/domain/signature-pad.rules'

const line = (n: number, dx: number, dy: number, t0 = 0): Stroke =>
  Array.from({ length: n }, (_, i) => [10 + dx * i, 10 + dy * i, t0 + i * 16])

describe('pen width', () => {
  it('is max(maxW − (maxW − minW)·speed/minSpeed, minW)', () => {
    const { minWidth, maxWidth, minSpeed } = DEFAULT_PEN
    expect(penWidth(0)).toBe(maxWidth)
    expect(penWidth(minSpeed / 2)).toBeCloseTo((maxWidth + minWidth) / 2)
    expect(penWidth(minSpeed)).toBe(minWidth)
    expect(penWidth(minSpeed * 10)).toBe(minWidth)
    expect(penWidth(Number.NaN)).toBe(maxWidth)
  })
})

describe('smoothing', () => {
  it('joins successive quadratic curves at the midpoints, through each point as control', () => {
    const s: Stroke = [
      [0, 0, 0],
      [10, 0, 10],
      [20, 10, 20],
    ]
    expect(segmentAt(s, 1)).toEqual({ start: [0, 0], control: [0, 0], end: [5, 0] })
    expect(segmentAt(s, 2)).toEqual({ start: [5, 0], control: [10, 0], end: [15, 5] })
    expect(segmentAt(s, 0)).toBeNull()
    const all = strokeSegments(s)
    for (let i = 1; i < all.length; i++) expect(all[i].start).toEqual(all[i - 1].end)
    expect(all[all.length - 1].end).toEqual([20, 10])
  })
})

describe('backing store', () => {
  it('scales by the pixel ratio, but never past 1365 px on either side', () => {
    expect(backingStore(300, 200, 2)).toEqual({ width: 600, height: 400, scale: 2 })
    const big = backingStore(414, 300, 3.5)
    expect(big.width).toBeLessThanOrEqual(CANVAS_MAX_PX)
    expect(big.height).toBeLessThanOrEqual(CANVAS_MAX_PX)
    expect(big.width).toBe(CANVAS_MAX_PX)
    const landscape = backingStore(896, 400, 3)
    expect(landscape.width).toBe(CANVAS_MAX_PX)
    expect(landscape.scale).toBeCloseTo(CANVAS_MAX_PX / 896)
    expect(backingStore(300, 200, 0).scale).toBe(1)
  })
})

describe('trivial signatures', () => {
  it('refuses an empty pad, a dot, a tick, a tiny scribble and time running backwards', () => {
    expect(signatureProblem([])).toBe('empty')
    expect(signatureProblem([line(3, 5, 1)])).toBe('too_few_points')
    expect(signatureProblem([line(30, 0.5, 0.5)])).toBe('too_small')
    expect(signatureProblem([line(30, 8, 0)])).toBe('too_small')
    const back = line(20, 8, 3)
    back[5][2] = 0
    expect(signatureProblem([back])).toBe('time_backwards')
    expect(signatureProblem(Array.from({ length: 61 }, () => line(2, 8, 8)))).toBe('too_many_points')
  })

  it('accepts a name written across the pad', () => {
    expect(signatureProblem([line(10, 8, 1), line(10, 2, 9, 500)])).toBeNull()
  })
})
