import type {
  ActivityDetail,
  ActivityRoster,
  ActivitySummary,
  CancelOutcome,
  CertificateView,
  EntryView,
  InputOf,
  MyHoursView,
  ScanResult,
} from '@contract/index'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

/** 志愿服务: a member's list and activity, the organiser's pages, hours and the certificate. */
interface VolunteerState {
  list: Loadable<ActivitySummary[]>
  detail: Loadable<ActivityDetail>
  managed: Loadable<ActivitySummary[]>
  roster: Loadable<ActivityRoster>
  hours: Loadable<MyHoursView>
  cert: Loadable<CertificateView>
  scan: Loadable<ScanResult>
  /** A change is on its way: its button stays disabled. */
  busy: boolean
  loadList(): Promise<void>
  loadDetail(activityId: string): Promise<void>
  loadManaged(orgId: string, month: string): Promise<void>
  loadRoster(activityId: string): Promise<void>
  loadHours(year: number): Promise<void>
  scanCode(token: string): Promise<void>
  issueCert(year: number): Promise<void>
  verifyCert(serial: string, verifyCode: string): Promise<void>
  join(activityId: string): Promise<Outcome<ActivitySummary>>
  withdraw(activityId: string): Promise<Outcome<ActivitySummary>>
  createActivity(input: InputOf<'volunteer', 'activity/create'>): Promise<Outcome<ActivitySummary>>
  updateActivity(input: InputOf<'volunteer', 'activity/update'>): Promise<Outcome<ActivitySummary>>
  cancelActivity(activityId: string, reason: string): Promise<Outcome<CancelOutcome>>
  /** 代为签到 (`in`) or 代为签退 (`out`), as the tapped button said. */
  enter(activityId: string, memberId: string, direction: 'in' | 'out'): Promise<Outcome<ScanResult>>
  makeup(input: InputOf<'volunteer', 'hours/makeup'>): Promise<Outcome<EntryView>>
  decide(activityId: string, entryId: string, approve: boolean): Promise<Outcome<EntryView>>
  confirmAll(activityId: string): Promise<Outcome<{ confirmed: number; waitingApproval: number }>>
  close(activityId: string, beneficiaries: number): Promise<Outcome<ActivitySummary>>
}

const BUSY = { ok: false as const, message: '正在提交，请稍候', code: null }
const latestManaged = latestOnly()
const latestHours = latestOnly()

export const useVolunteerStore = create<VolunteerState>((set, get) => {
  /** One change at a time; on success the screens it touches are read again. */
  async function change<T>(run: () => Promise<T>, after: () => Promise<void>): Promise<Outcome<T>> {
    if (get().busy) return BUSY
    set({ busy: true })
    const outcome = await attempt(run)
    set({ busy: false })
    if (outcome.ok) await after()
    return outcome
  }
  const refreshDetail = async (activityId: string) => {
    const detail = await attempt(() => call('volunteer', 'activity/get', { activityId }))
    if (detail.ok) set({ detail: { status: 'ready', data: detail.data } })
  }
  const refreshRoster = async (activityId: string) => {
    const roster = await attempt(() => call('volunteer', 'hours/list', { activityId }))
    if (roster.ok) set({ roster: { status: 'ready', data: roster.data } })
  }

  return {
    list: idle,
    detail: idle,
    managed: idle,
    roster: idle,
    hours: idle,
    cert: idle,
    scan: idle,
    busy: false,
    async loadList() {
      await track(
        (list) => set({ list }),
        async () => (await call('volunteer', 'activity/list', {})).activities,
      )
    },
    async loadDetail(activityId) {
      await track(
        (detail) => set({ detail }),
        () => call('volunteer', 'activity/get', { activityId }),
      )
    },
    async loadManaged(orgId, month) {
      const isLatest = latestManaged()
      await track(
        (managed) => isLatest() && set({ managed }),
        async () => (await call('volunteer', 'activity/manage', { orgId, month })).activities,
      )
    },
    async loadRoster(activityId) {
      await track(
        (roster) => set({ roster }),
        () => call('volunteer', 'hours/list', { activityId }),
      )
    },
    async loadHours(year) {
      const isLatest = latestHours()
      await track(
        (hours) => isLatest() && set({ hours }),
        () => call('volunteer', 'hours/mine', { year }),
      )
    },
    async scanCode(token) {
      await track(
        (scan) => set({ scan }),
        () => call('volunteer', 'hours/scan', { token }),
      )
    },
    async issueCert(year) {
      await track(
        (cert) => set({ cert }),
        () => call('volunteer', 'cert/issue', { year }),
      )
    },
    async verifyCert(serial, verifyCode) {
      await track(
        (cert) => set({ cert }),
        () => call('volunteer', 'cert/verify', { serial, verifyCode }),
      )
    },
    join: (activityId) =>
      change(
        () => call('volunteer', 'signup/join', { activityId }),
        () => refreshDetail(activityId),
      ),
    withdraw: (activityId) =>
      change(
        () => call('volunteer', 'signup/withdraw', { activityId }),
        () => refreshDetail(activityId),
      ),
    createActivity: (input) =>
      change(
        () => call('volunteer', 'activity/create', input),
        async () => undefined,
      ),
    updateActivity: (input) =>
      change(
        () => call('volunteer', 'activity/update', input),
        () => refreshDetail(input.activityId),
      ),
    cancelActivity: (activityId, reason) =>
      change(
        () => call('volunteer', 'activity/cancel', { activityId, reason }),
        () => refreshDetail(activityId),
      ),
    enter: (activityId, memberId, direction) =>
      change(
        () => call('volunteer', 'hours/enter', { activityId, memberId, direction }),
        () => refreshRoster(activityId),
      ),
    makeup: (input) =>
      change(
        () => call('volunteer', 'hours/makeup', input),
        () => refreshRoster(input.activityId),
      ),
    decide: (activityId, entryId, approve) =>
      change(
        () => call('volunteer', 'hours/decide', { entryId, approve }),
        () => refreshRoster(activityId),
      ),
    confirmAll: (activityId) =>
      change(
        () => call('volunteer', 'hours/confirmAll', { activityId }),
        () => refreshRoster(activityId),
      ),
    close: (activityId, beneficiaries) =>
      change(
        () => call('volunteer', 'activity/close', { activityId, beneficiaries }),
        () => refreshRoster(activityId),
      ),
  }
})
