import type { InputOf } from '@contract/index'
import type { SessionView } from '@contract/study.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

export type SessionDraft = InputOf<'study', 'session/create'>
export type SessionPatch = InputOf<'study', 'session/update'>['patch']

interface SessionsState {
  /** 学习活动 of one organisation and month. */
  list: Loadable<SessionView[]>
  /** The session being edited or shown (edit form, QR screen). */
  session: Loadable<SessionView>
  /** A create, update or cancel on its way; the form's buttons stay disabled meanwhile. */
  saving: boolean
  loadList(orgId: string, month: string): Promise<void>
  loadSession(sessionId: string): Promise<void>
  create(draft: SessionDraft): Promise<Outcome<SessionView>>
  /** Sends only the fields that changed. */
  update(sessionId: string, patch: SessionPatch): Promise<Outcome<SessionView>>
  cancel(sessionId: string, reason: string): Promise<Outcome<SessionView>>
}

const latestList = latestOnly()
const latestSession = latestOnly()

export const useSessionsStore = create<SessionsState>((set, get) => {
  async function save(send: () => Promise<SessionView>): Promise<Outcome<SessionView>> {
    if (get().saving) return { ok: false, message: '正在保存，请稍候', code: null }
    set({ saving: true })
    const outcome = await attempt(send)
    set({ saving: false })
    if (outcome.ok) {
      const saved = outcome.data
      const { list } = get()
      // The list is reloaded when it shows again; until then it must not show the old version.
      const data = list.status === 'ready' ? list.data.map((s) => (s.id === saved.id ? saved : s)) : null
      set({ session: { status: 'ready', data: saved }, ...(data ? { list: { status: 'ready', data } } : {}) })
    }
    return outcome
  }

  return {
    list: idle,
    session: idle,
    saving: false,
    async loadList(orgId, month) {
      const isLatest = latestList()
      await track(
        (list) => isLatest() && set({ list }),
        async () => (await call('study', 'session/list', { orgId, month })).sessions,
      )
    },
    async loadSession(sessionId) {
      const isLatest = latestSession()
      await track(
        (session) => isLatest() && set({ session }),
        () => call('study', 'session/get', { sessionId }),
      )
    },
    create: (draft) => save(() => call('study', 'session/create', draft)),
    update: (sessionId, patch) => save(() => call('study', 'session/update', { sessionId, patch })),
    cancel: (sessionId, reason) => save(() => call('study', 'session/cancel', { sessionId, reason })),
  }
})
