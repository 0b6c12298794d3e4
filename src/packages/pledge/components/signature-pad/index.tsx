import { Button, Canvas, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react'

import {
  backingStore,
  DEFAULT_PEN,
  nextWidth,
  segmentAt,
  type Stroke,
  type StrokePoint,
} from '../../../../../cloudfunctions/domain/signature-pad.rules'
/** A file on the device: a temporary path in WeChat, a Blob in the browser (services/cloud.ts DeviceFile). */
type DeviceFile = string | Blob

/** What the page asks of the pad. */
export interface SignaturePadHandle {
  strokes(): Stroke[]
  clear(): void
  undo(): void
  /** The drawing as a PNG: a temporary file path in WeChat, a Blob in the browser. */
  exportPng(): Promise<DeviceFile>
}

export interface SignaturePadProps {
  id: string
  /** Told the number of strokes after every change (to enable 撤销 and 清除). */
  onChange?(strokes: number): void
}

type Ctx = CanvasRenderingContext2D
interface Surface {
  canvas: HTMLCanvasElement
  ctx: Ctx
  width: number
  height: number
  left: number
  top: number
}

const INK = '#1a1a1a'

/** The canvas node behind `<Canvas type="2d" id>`: the selector query's node in WeChat, the element in H5. */
function findCanvas(id: string): Promise<{ canvas: HTMLCanvasElement; width: number; height: number }> {
  return new Promise((resolve, reject) => {
    if (process.env.TARO_ENV === 'h5') {
      const host = document.getElementById(id)
      const canvas = (
        host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')
      ) as HTMLCanvasElement | null
      if (!canvas) return reject(new Error('no canvas'))
      const box = canvas.getBoundingClientRect()
      return resolve({ canvas, width: box.width, height: box.height })
    }
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node: HTMLCanvasElement; width: number; height: number } | null>) => {
        const found = res[0]
        if (!found?.node) reject(new Error('no canvas'))
        else resolve({ canvas: found.node, width: found.width, height: found.height })
      })
  })
}

function pixelRatio(): number {
  try {
    return Taro.getWindowInfo().pixelRatio
  } catch {
    // Base libraries before 2.20.1 have no getWindowInfo.
    try {
      return Taro.getSystemInfoSync().pixelRatio
    } catch {
      return 1
    }
  }
}

/** Draws the curve that point `i` of `stroke` completes, and answers the width it used. */
function drawPoint(ctx: Ctx, stroke: Stroke, i: number, width: number): number {
  if (i === 0) {
    ctx.beginPath()
    ctx.arc(stroke[0][0], stroke[0][1], DEFAULT_PEN.maxWidth / 2, 0, Math.PI * 2)
    ctx.fill()
    return DEFAULT_PEN.maxWidth
  }
  const seg = segmentAt(stroke, i)
  if (!seg) return width
  const w = nextWidth(width, stroke[i - 1], stroke[i])
  ctx.lineWidth = w
  ctx.beginPath()
  ctx.moveTo(seg.start[0], seg.start[1])
  ctx.quadraticCurveTo(seg.control[0], seg.control[1], seg.end[0], seg.end[1])
  ctx.stroke()
  return w
}

function paintBackground(s: Surface): void {
  s.ctx.fillStyle = '#ffffff'
  s.ctx.fillRect(0, 0, s.width, s.height)
  s.ctx.fillStyle = INK
  s.ctx.strokeStyle = INK
  s.ctx.lineCap = 'round'
  s.ctx.lineJoin = 'round'
}

/**
 * A signature pad on Canvas 2D: the backing store is scaled by the pixel ratio (sharp lines on dense screens)
 * but capped at WeChat's 1365 × 1365 px; the line narrows as the pen speeds up and each segment is a quadratic
 * curve (domain/signature-pad.rules.ts). Records every point (x, y in CSS px, t in ms) for the server.
 */
export const SignaturePad = forwardRef<SignaturePadHandle, SignaturePadProps>(function SignaturePad(
  { id, onChange },
  ref,
) {
  const surface = useRef<Surface | null>(null)
  const strokes = useRef<Stroke[]>([])
  const width = useRef(DEFAULT_PEN.maxWidth)
  const started = useRef<number | null>(null)
  const [ready, setReady] = useState(false)

  const redraw = () => {
    const s = surface.current
    if (!s) return
    paintBackground(s)
    for (const stroke of strokes.current) {
      let w = DEFAULT_PEN.maxWidth
      for (let i = 0; i < stroke.length; i++) w = drawPoint(s.ctx, stroke, i, w)
    }
  }

  const at = (x: number, y: number): StrokePoint => {
    const s = surface.current
    const now = Date.now()
    started.current ??= now
    const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, 0), max) * 10) / 10
    return [clamp(x, s?.width ?? 0), clamp(y, s?.height ?? 0), now - started.current]
  }

  const begin = (x: number, y: number) => {
    if (!surface.current) return
    const stroke: Stroke = [at(x, y)]
    strokes.current.push(stroke)
    width.current = drawPoint(surface.current.ctx, stroke, 0, DEFAULT_PEN.maxWidth)
  }
  const move = (x: number, y: number) => {
    const stroke = strokes.current[strokes.current.length - 1]
    if (!surface.current || !stroke) return
    stroke.push(at(x, y))
    width.current = drawPoint(surface.current.ctx, stroke, stroke.length - 1, width.current)
  }
  const end = () => onChange?.(strokes.current.length)

  useEffect(() => {
    let cancelled = false
    let detach = () => {}
    const setup = async () => {
      const found = await findCanvas(id)
      if (cancelled) return
      const store = backingStore(found.width, found.height, pixelRatio())
      found.canvas.width = store.width
      found.canvas.height = store.height
      const ctx = found.canvas.getContext('2d') as Ctx
      ctx.scale(store.scale, store.scale)
      surface.current = {
        canvas: found.canvas,
        ctx,
        width: found.width,
        height: found.height,
        left: 0,
        top: 0,
      }
      redraw()
      if (process.env.TARO_ENV === 'h5') {
        // Pointer events cover mouse, pen and touch in the browser.
        const c = found.canvas
        let down = false
        const local = (e: PointerEvent): [number, number] => {
          const box = c.getBoundingClientRect()
          return [e.clientX - box.left, e.clientY - box.top]
        }
        const onDown = (e: PointerEvent) => {
          down = true
          c.setPointerCapture?.(e.pointerId)
          begin(...local(e))
          e.preventDefault()
        }
        const onMove = (e: PointerEvent) => {
          if (down) move(...local(e))
        }
        const onUp = () => {
          if (!down) return
          down = false
          end()
        }
        c.style.touchAction = 'none'
        c.addEventListener('pointerdown', onDown)
        c.addEventListener('pointermove', onMove)
        c.addEventListener('pointerup', onUp)
        c.addEventListener('pointerleave', onUp)
        detach = () => {
          c.removeEventListener('pointerdown', onDown)
          c.removeEventListener('pointermove', onMove)
          c.removeEventListener('pointerup', onUp)
          c.removeEventListener('pointerleave', onUp)
        }
      }
      setReady(true)
    }
    // The canvas node exists once the page has rendered it.
    Taro.nextTick(() => void setup().catch(() => setReady(false)))
    return () => {
      cancelled = true
      detach()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  useImperativeHandle(ref, () => ({
    strokes: () => strokes.current.map((s) => s.map((p) => [...p] as StrokePoint)),
    clear() {
      strokes.current = []
      started.current = null
      redraw()
      onChange?.(0)
    },
    undo() {
      strokes.current.pop()
      redraw()
      onChange?.(strokes.current.length)
    },
    exportPng() {
      const s = surface.current
      if (!s) return Promise.reject(new Error('no canvas'))
      if (process.env.TARO_ENV === 'h5') {
        return new Promise<DeviceFile>((resolve, reject) =>
          s.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no image'))), 'image/png'),
        )
      }
      return Taro.canvasToTempFilePath({
        canvas: s.canvas as unknown as Taro.Canvas,
        fileType: 'png',
      } as Taro.canvasToTempFilePath.Option).then((r) => r.tempFilePath)
    },
  }))

  type TouchLike = { touches: Array<{ x?: number; y?: number }> }
  const touch = (e: unknown): [number, number] | null => {
    const t = (e as TouchLike).touches?.[0]
    return t && typeof t.x === 'number' && typeof t.y === 'number' ? [t.x, t.y] : null
  }

  return (
    <View className="signature-pad">
      <Canvas
        type="2d"
        id={id}
        className="signature-pad__canvas"
        disableScroll
        onTouchStart={(e) => {
          const p = process.env.TARO_ENV === 'h5' ? null : touch(e)
          if (p) begin(...p)
        }}
        onTouchMove={(e) => {
          const p = process.env.TARO_ENV === 'h5' ? null : touch(e)
          if (p) move(...p)
        }}
        onTouchEnd={() => {
          if (process.env.TARO_ENV !== 'h5') end()
        }}
      />
      {!ready && <Text className="t-caption">签名板准备中…</Text>}
    </View>
  )
})

export function PadButtons(props: { strokes: number; onUndo(): void; onClear(): void }) {
  return (
    <View className="actions">
      <Button className="btn btn--ghost" disabled={props.strokes === 0} onClick={props.onUndo}>
        撤销
      </Button>
      <Button className="btn btn--ghost" disabled={props.strokes === 0} onClick={props.onClear}>
        清除
      </Button>
    </View>
  )
}
