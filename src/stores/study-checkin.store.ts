import type { CheckinResult } from '@contract/study.contract'
import { create } from 'zustand'

import { ApiError, call } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'

interface CheckinState {
  /** idle: ready to scan; loading: 正在签到; ready: the answer; error: the server's message. */
  answer: Loadable<CheckinResult>
  /** The answer was 请先绑定党员身份: the person is offered binding, which brings them back here. */
  notBound: boolean
  /** The rotating code from the secretary's phone (scanned in the app, or `?t=` of the H5 link). */
  checkInWithToken(token: string): Promise<void>
  /** A static poster code: WeChat opens the page with its `scene`. */
  checkInWithScene(scene: string): Promise<void>
  reset(): void
}

export const useCheckinStore = create<CheckinState>((set, get) => {
  async function run(send: () => Promise<CheckinResult>): Promise<void> {
    // A second scan while one is on its way would only race the first; the server is idempotent anyway.
    if (get().answer.status === 'loading') return
    set({ notBound: false })
    await track(
      (answer) => set({ answer }),
      () =>
        send().catch((error: unknown) => {
          if (error instanceof ApiError && error.code === 'COMMON.NOT_BOUND') set({ notBound: true })
          throw error
        }),
    )
  }
  return {
    answer: idle,
    notBound: false,
    checkInWithToken: (token) => run(() => call('study', 'checkin/scan', { token })),
    checkInWithScene: (scene) => run(() => call('study', 'checkin/scene', { scene })),
    reset: () => set({ answer: idle, notBound: false }),
  }
})
