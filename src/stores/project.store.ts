import type { ActivitySummary, InputOf, ProjectDetail, ProjectList, ProjectView } from '@contract/index'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

/** 为民办实事: the public list, one project, the secretary's list, and the activities a project may link. */
interface ProjectState {
  list: Loadable<ProjectList>
  detail: Loadable<ProjectDetail>
  managed: Loadable<ProjectView[]>
  /** A node's activities of one month, to pick the ones a project links. */
  candidates: Loadable<ActivitySummary[]>
  /** A change is on its way: its button stays disabled. */
  busy: boolean
  loadList(communityId: string | null, year: number): Promise<void>
  loadDetail(projectId: string): Promise<void>
  loadManaged(orgId: string, year: number): Promise<void>
  loadCandidates(orgId: string, month: string): Promise<void>
  createProject(input: InputOf<'volunteer', 'project/create'>): Promise<Outcome<ProjectDetail>>
  updateProject(input: InputOf<'volunteer', 'project/update'>): Promise<Outcome<ProjectDetail>>
  moveProject(input: InputOf<'volunteer', 'project/move'>): Promise<Outcome<ProjectDetail>>
}

const BUSY = { ok: false as const, message: '正在提交，请稍候', code: null }
const latestList = latestOnly()
const latestManaged = latestOnly()
const latestCandidates = latestOnly()

export const useProjectStore = create<ProjectState>((set, get) => {
  /** One change at a time; a success becomes the project shown. */
  async function change(run: () => Promise<ProjectDetail>): Promise<Outcome<ProjectDetail>> {
    if (get().busy) return BUSY
    set({ busy: true })
    const outcome = await attempt(run)
    set({ busy: false })
    if (outcome.ok) set({ detail: { status: 'ready', data: outcome.data } })
    return outcome
  }
  return {
    list: idle,
    detail: idle,
    managed: idle,
    candidates: idle,
    busy: false,
    async loadList(communityId, year) {
      const isLatest = latestList()
      await track(
        (list) => isLatest() && set({ list }),
        () => call('volunteer', 'project/list', { communityId, year }),
      )
    },
    async loadDetail(projectId) {
      await track(
        (detail) => set({ detail }),
        () => call('volunteer', 'project/get', { projectId }),
      )
    },
    async loadManaged(orgId, year) {
      const isLatest = latestManaged()
      await track(
        (managed) => isLatest() && set({ managed }),
        async () => (await call('volunteer', 'project/manage', { orgId, year })).projects,
      )
    },
    async loadCandidates(orgId, month) {
      const isLatest = latestCandidates()
      await track(
        (candidates) => isLatest() && set({ candidates }),
        async () => (await call('volunteer', 'activity/manage', { orgId, month })).activities,
      )
    },
    createProject: (input) => change(() => call('volunteer', 'project/create', input)),
    updateProject: (input) => change(() => call('volunteer', 'project/update', input)),
    moveProject: (input) => change(() => call('volunteer', 'project/move', input)),
  }
})
