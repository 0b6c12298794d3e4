import type {
  AssigneeOption,
  InputOf,
  VisitCommunities,
  VisitContact,
  VisitQueue,
  VisitSettingsView,
  VisitView,
} from '@contract/index'
import { create } from 'zustand'

import { call, type DeviceFile, upload } from '../services/cloud'
import type { PickedPhoto } from '../services/photo-picker'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

export type QueueTab = InputOf<'visit', 'visit/queue'>['view']

/** What a resident fills in; the photo is uploaded on 提交, never sent inside the call. */
export type VisitDraft = Omit<InputOf<'visit', 'visit/submit'>, 'photo'> & { photo: DeviceFile | null }

interface VisitState {
  communities: Loadable<VisitCommunities>
  mine: Loadable<VisitView[]>
  queue: Loadable<VisitQueue>
  tasks: Loadable<VisitView[]>
  /** The dispatch list of the request whose 派单 is open. */
  assignees: { visitId: string; list: Loadable<AssigneeOption[]> } | null
  /** Phones and addresses revealed on this screen (each reveal is logged by the server). */
  contacts: Record<string, VisitContact>
  /** The request (or 'submit') whose change is on its way: its buttons stay disabled meanwhile. */
  busy: string | null
  loadCommunities(): Promise<void>
  submit(draft: VisitDraft): Promise<Outcome<VisitView>>
  loadMine(): Promise<void>
  cancel(visitId: string): Promise<Outcome<VisitView>>
  confirm(visitId: string, rating: number, comment: string): Promise<Outcome<VisitView>>
  loadQueue(orgId: string, view: QueueTab): Promise<void>
  openDispatch(visitId: string | null): Promise<void>
  dispatch(visitId: string, assigneeId: string): Promise<Outcome<VisitView>>
  reject(visitId: string, reason: string): Promise<Outcome<VisitView>>
  loadTasks(): Promise<void>
  accept(visitId: string): Promise<Outcome<VisitView>>
  decline(visitId: string, reason: string): Promise<Outcome<VisitView>>
  /** Uploads the chosen photos (each as its kind), then completes the request with them. */
  complete(
    visitId: string,
    durationMinutes: number,
    notes: string,
    photos: readonly PickedPhoto[],
  ): Promise<Outcome<VisitView>>
  /** A request's photos as temporary URLs (visit/get), loaded on 查看照片. */
  photos: Record<string, Loadable<{ photo: string[]; completion: string[] }>>
  loadPhotos(visitId: string): Promise<void>
  reveal(visitId: string): Promise<Outcome<VisitContact>>
  /** The street's time limits (时限设置). */
  settings: Loadable<VisitSettingsView>
  loadSettings(): Promise<void>
  saveSettings(limits: InputOf<'visit', 'visit/saveSettings'>): Promise<Outcome<VisitSettingsView>>
}

const latestQueue = latestOnly()

/** The changed request in every list that shows it. */
function replaced<T extends Loadable<VisitView[]>>(list: T, visit: VisitView): T {
  if (list.status !== 'ready') return list
  return { ...list, data: list.data.map((v) => (v.id === visit.id ? visit : v)) }
}

export const useVisitStore = create<VisitState>((set, get) => {
  /** Runs a change once at a time, then puts the changed request into the lists. */
  async function change(key: string, run: () => Promise<VisitView>): Promise<Outcome<VisitView>> {
    if (get().busy) return { ok: false, message: '正在提交，请稍候', code: null }
    set({ busy: key })
    const outcome = await attempt(run)
    set({ busy: null })
    if (outcome.ok) {
      const visit = outcome.data
      const { mine, tasks, queue } = get()
      set({
        mine: replaced(mine, visit),
        tasks: replaced(tasks, visit),
        queue:
          queue.status === 'ready'
            ? {
                ...queue,
                data: { ...queue.data, items: queue.data.items.map((v) => (v.id === visit.id ? visit : v)) },
              }
            : queue,
      })
    }
    return outcome
  }

  return {
    communities: idle,
    mine: idle,
    queue: idle,
    tasks: idle,
    assignees: null,
    contacts: {},
    busy: null,
    settings: idle,
    async loadCommunities() {
      await track(
        (communities) => set({ communities }),
        () => call('visit', 'visit/communities', {}),
      )
    },
    async submit(draft) {
      if (get().busy) return { ok: false, message: '正在提交，请稍候', code: null }
      set({ busy: 'submit' })
      const outcome = await attempt(async () => {
        const photo = draft.photo === null ? null : await upload('photo', draft.photo)
        return call('visit', 'visit/submit', { ...draft, photo })
      })
      set({ busy: null })
      return outcome
    },
    async loadMine() {
      await track(
        (mine) => set({ mine }),
        () => call('visit', 'visit/mine', {}),
      )
    },
    cancel: (visitId) => change(visitId, () => call('visit', 'visit/cancel', { visitId, reason: '' })),
    confirm: (visitId, rating, comment) =>
      change(visitId, () => call('visit', 'visit/confirm', { visitId, rating, comment })),
    async loadQueue(orgId, view) {
      const isLatest = latestQueue()
      await track(
        (queue) => isLatest() && set({ queue }),
        () => call('visit', 'visit/queue', { orgId, view }),
      )
    },
    async openDispatch(visitId) {
      if (visitId === null) return set({ assignees: null })
      set({ assignees: { visitId, list: { status: 'loading' } } })
      await track(
        (list) => get().assignees?.visitId === visitId && set({ assignees: { visitId, list } }),
        () => call('visit', 'visit/assignees', { visitId }),
      )
    },
    async dispatch(visitId, assigneeId) {
      const outcome = await change(visitId, () => call('visit', 'visit/dispatch', { visitId, assigneeId }))
      if (outcome.ok) set({ assignees: null })
      return outcome
    },
    reject: (visitId, reason) => change(visitId, () => call('visit', 'visit/reject', { visitId, reason })),
    async loadTasks() {
      await track(
        (tasks) => set({ tasks }),
        () => call('visit', 'visit/tasks', {}),
      )
    },
    accept: (visitId) => change(visitId, () => call('visit', 'visit/accept', { visitId })),
    decline: (visitId, reason) => change(visitId, () => call('visit', 'visit/decline', { visitId, reason })),
    complete: (visitId, durationMinutes, notes, photos) =>
      change(visitId, async () => {
        const fileIDs: string[] = []
        for (const p of photos) fileIDs.push(await upload(p.kind, p.source))
        return call('visit', 'visit/complete', { visitId, durationMinutes, notes, photos: fileIDs })
      }),
    photos: {},
    async loadPhotos(visitId) {
      await track(
        (state) => set({ photos: { ...get().photos, [visitId]: state } }),
        async () => {
          const visit = await call('visit', 'visit/get', { visitId })
          return { photo: visit.photoUrls, completion: visit.completionPhotoUrls }
        },
      )
    },
    async reveal(visitId) {
      const outcome = await attempt(() => call('visit', 'visit/contact', { visitId }))
      if (outcome.ok) set({ contacts: { ...get().contacts, [visitId]: outcome.data } })
      return outcome
    },
    async loadSettings() {
      await track(
        (settings) => set({ settings }),
        () => call('visit', 'visit/settings', {}),
      )
    },
    async saveSettings(limits) {
      if (get().busy) return { ok: false, message: '正在提交，请稍候', code: null }
      set({ busy: 'settings' })
      const outcome = await attempt(() => call('visit', 'visit/saveSettings', limits))
      set({ busy: null })
      if (outcome.ok) set({ settings: { status: 'ready', data: outcome.data } })
      return outcome
    },
  }
})
