import type { LeaveView, MyStudyView } from '@contract/study.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

interface MyStudyState {
  view: Loadable<MyStudyView>
  /** The session whose 请假 is being sent; its button stays disabled meanwhile. */
  leaveBusy: string | null
  load(month: string): Promise<void>
  requestLeave(sessionId: string, reason: string): Promise<Outcome<LeaveView>>
}

const latest = latestOnly()

export const useMyStudyStore = create<MyStudyState>((set, get) => ({
  view: idle,
  leaveBusy: null,
  async load(month) {
    const isLatest = latest()
    await track(
      (view) => isLatest() && set({ view }),
      () => call('study', 'study/mine', { month }),
    )
  },
  async requestLeave(sessionId, reason) {
    if (get().leaveBusy) return { ok: false, message: '正在提交，请稍候', code: null }
    set({ leaveBusy: sessionId })
    const outcome = await attempt(() => call('study', 'leave/request', { sessionId, reason }))
    set({ leaveBusy: null })
    const { view } = get()
    if (outcome.ok && view.status === 'ready') {
      const sessions = view.data.sessions.map((s) =>
        s.session.id === sessionId ? { ...s, leave: outcome.data } : s,
      )
      set({ view: { status: 'ready', data: { ...view.data, sessions } } })
    }
    return outcome
  },
}))
