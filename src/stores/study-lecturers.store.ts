import type { InputOf } from '@contract/index'
import type { LecturerReportView, LecturerView } from '@contract/study.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

export type LecturerDraft = InputOf<'study', 'lecturer/save'>

interface LecturersState {
  /** The pool of the organisation last loaded (`orgId`). */
  orgId: string | null
  lecturers: Loadable<LecturerView[]>
  report: Loadable<LecturerReportView>
  saving: boolean
  load(orgId: string): Promise<void>
  /** Adds a lecturer, or edits one when `lecturerId` is given. */
  save(draft: LecturerDraft): Promise<Outcome<LecturerView>>
  loadReport(orgId: string, year: number): Promise<void>
}

const latestList = latestOnly()
const latestReport = latestOnly()

export const useLecturersStore = create<LecturersState>((set, get) => ({
  orgId: null,
  lecturers: idle,
  report: idle,
  saving: false,
  async load(orgId) {
    const isLatest = latestList()
    set({ orgId })
    await track(
      (lecturers) => isLatest() && set({ lecturers }),
      async () => (await call('study', 'lecturer/list', { orgId })).lecturers,
    )
  },
  async save(draft) {
    if (get().saving) return { ok: false, message: '正在保存，请稍候', code: null }
    set({ saving: true })
    const outcome = await attempt(() => call('study', 'lecturer/save', draft))
    set({ saving: false })
    const { lecturers, orgId } = get()
    if (outcome.ok && lecturers.status === 'ready' && orgId === draft.orgId) {
      const saved = outcome.data
      const known = lecturers.data.some((l) => l.id === saved.id)
      const data = known
        ? lecturers.data.map((l) => (l.id === saved.id ? saved : l))
        : [...lecturers.data, saved]
      set({ lecturers: { status: 'ready', data } })
    }
    return outcome
  },
  async loadReport(orgId, year) {
    const isLatest = latestReport()
    await track(
      (report) => isLatest() && set({ report }),
      () => call('study', 'lecturer/report', { orgId, year }),
    )
  },
}))
