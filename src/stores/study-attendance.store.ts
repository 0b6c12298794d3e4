import type { AttendanceRow, AttendanceView, LeaveView, StaticCodeView } from '@contract/study.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

export type MakeupKind = 'makeup_sign' | 'makeup_study'

interface AttendanceState {
  sessionId: string | null
  attendance: Loadable<AttendanceView>
  /** The poster code as last answered (the image is only sent when it is switched on). */
  staticCode: StaticCodeView | null
  /** What is being sent: `leave:<id>`, `makeup:<memberId>` or `static`; those buttons stay disabled. */
  busy: string | null
  load(sessionId: string): Promise<void>
  decideLeave(leaveId: string, approve: boolean): Promise<Outcome<LeaveView>>
  makeup(memberId: string, kind: MakeupKind, reason: string): Promise<Outcome<AttendanceRow>>
  setStaticCode(enable: boolean): Promise<Outcome<StaticCodeView>>
}

const latest = latestOnly()
const NO_SESSION = { ok: false, message: '请先打开一个活动', code: null } as const

export const useAttendanceStore = create<AttendanceState>((set, get) => {
  /** Figures change with every decision, so after one the whole view is read again, quietly. */
  async function refresh(sessionId: string) {
    const isLatest = latest()
    const outcome = await attempt(() => call('study', 'attendance/get', { sessionId }))
    if (outcome.ok && isLatest() && get().sessionId === sessionId) {
      set({ attendance: { status: 'ready', data: outcome.data } })
    }
  }

  async function run<T>(key: string, send: (sessionId: string) => Promise<T>): Promise<Outcome<T>> {
    const { sessionId, busy } = get()
    if (!sessionId) return NO_SESSION
    if (busy) return { ok: false, message: '正在处理上一个操作，请稍候', code: null }
    set({ busy: key })
    const outcome = await attempt(() => send(sessionId))
    if (outcome.ok) await refresh(sessionId)
    set({ busy: null })
    return outcome
  }

  return {
    sessionId: null,
    attendance: idle,
    staticCode: null,
    busy: null,
    async load(sessionId) {
      if (get().sessionId !== sessionId) set({ sessionId, staticCode: null, attendance: idle })
      const isLatest = latest()
      await track(
        (attendance) => isLatest() && set({ attendance }),
        () => call('study', 'attendance/get', { sessionId }),
      )
    },
    decideLeave: (leaveId, approve) =>
      run(`leave:${leaveId}`, () => call('study', 'leave/decide', { leaveId, approve })),
    makeup: (memberId, kind, reason) =>
      run(`makeup:${memberId}`, (sessionId) =>
        call('study', 'checkin/makeup', { sessionId, memberId, kind, reason }),
      ),
    async setStaticCode(enable) {
      const outcome = await run('static', (sessionId) =>
        call('study', 'session/staticCode', { sessionId, enable }),
      )
      if (outcome.ok) set({ staticCode: outcome.data })
      return outcome
    },
  }
})
