import type { QrView } from '@contract/study.contract'
import { create } from 'zustand'

import { ApiError, call, messageOf } from '../services/cloud'

export interface ShownCode {
  qr: QrView
  /** serverNow − Date.now() when it arrived: the countdown runs on the server's clock, not the phone's. */
  offset: number
}

/** Whose rotating code: a study session's or a volunteer activity's (the same token scheme, another scope). */
export type QrSource = { kind: 'session'; id: string } | { kind: 'activity'; id: string }

function requestCode(source: QrSource, linkBase: string | null): Promise<QrView> {
  return source.kind === 'session'
    ? call('study', 'session/qr', { sessionId: source.id, linkBase })
    : call('volunteer', 'activity/qr', { activityId: source.id, linkBase })
}

interface QrState {
  /** The code on screen; kept while the next one is fetched, so the image never flickers away. */
  code: ShownCode | null
  fetching: boolean
  /** The last refresh failed with this message; the screen retries on its own. */
  error: string | null
  /** No more codes (the session or activity has ended, was cancelled or closed): the screen says so and stops asking. */
  closed: string | null
  fetch(source: QrSource, linkBase: string | null): Promise<void>
  reset(): void
}

/** Refusals that stay: retrying cannot bring a code back. */
const FINAL = new Set(['STUDY.ENDED', 'STUDY.CANCELLED', 'VOLUNTEER.CLOSED', 'VOLUNTEER.CODE_ENDED'])

export const useQrStore = create<QrState>((set, get) => ({
  code: null,
  fetching: false,
  error: null,
  closed: null,
  async fetch(source, linkBase) {
    if (get().fetching) return
    set({ fetching: true })
    try {
      const qr = await requestCode(source, linkBase)
      set({ code: { qr, offset: qr.serverNow - Date.now() }, error: null, fetching: false })
    } catch (error) {
      if (error instanceof ApiError && FINAL.has(error.code))
        set({ code: null, closed: error.message, error: null, fetching: false })
      else set({ error: messageOf(error), fetching: false })
    }
  },
  reset: () => set({ code: null, fetching: false, error: null, closed: null }),
}))
