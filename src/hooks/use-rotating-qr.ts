import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

import { type RouteName, ROUTES } from '../services/navigation'
import type { Loadable } from '../stores/async-state'
import { type QrSource, type ShownCode, useQrStore } from '../stores/rotating-qr.store'

const TICK_MS = 250
const RETRY_MS = 3000
const IN_WEAPP = process.env.TARO_ENV === 'weapp'

/** In H5 the code is a link to the page that takes it (a phone camera opens it); in WeChat the bare token. */
function linkBase(scanPage: RouteName): string | null {
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${ROUTES[scanPage]}?t=` : null
}

function keepScreenOn(on: boolean): void {
  if (!IN_WEAPP) return
  // The phone is held up for the whole arrival; it must not dim. Failure here only means it may.
  Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => undefined)
}

/**
 * Shows a session's or an activity's rotating code while the page is visible: fetches a new one when the countdown
 * (on the server's clock) reaches 0, retries every few seconds after a failure, and stops all
 * timers and the keep-screen-on when the page is hidden or closed, or once the session gives no more codes.
 */
export function useRotatingQr(source: QrSource, scanPage: RouteName) {
  const code = useQrStore((s) => s.code)
  const error = useQrStore((s) => s.error)
  const fetching = useQrStore((s) => s.fetching)
  const closed = useQrStore((s) => s.closed)
  const [now, setNow] = useState(() => Date.now())
  const timer = useRef<ReturnType<typeof setInterval> | null>(null)
  const nextRetry = useRef(0)

  const fetchNow = () => {
    nextRetry.current = Date.now() + RETRY_MS
    void useQrStore.getState().fetch(source, linkBase(scanPage))
  }

  const tick = () => {
    const at = Date.now()
    setNow(at)
    const state = useQrStore.getState()
    if (state.closed) return stop()
    if (state.fetching) return
    const due = state.code === null || state.code.qr.periodEndsAt <= at + state.code.offset
    if (state.error ? at >= nextRetry.current : due) fetchNow()
  }

  const stop = () => {
    if (!timer.current) return
    clearInterval(timer.current)
    timer.current = null
    keepScreenOn(false)
  }

  const start = () => {
    stop()
    useQrStore.getState().reset()
    fetchNow()
    keepScreenOn(true)
    timer.current = setInterval(tick, TICK_MS)
  }

  useDidShow(start)
  useDidHide(stop)
  useUnload(stop)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- unmount only: `stop` reads refs
  useEffect(() => stop, [])

  const secondsLeft = code
    ? Math.max(0, Math.ceil((code.qr.periodEndsAt - (now + code.offset)) / 1000))
    : null
  // The code on screen is kept while the next is fetched; a failure before any code is the screen's error.
  const state: Loadable<ShownCode> = code
    ? { status: 'ready', data: code }
    : error
      ? { status: 'error', message: error }
      : { status: 'loading' }
  return { code, state, error, closed, fetching, secondsLeft, retry: fetchNow }
}
