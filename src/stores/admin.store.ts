import type { OrgView } from '@contract/org.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { useOrgStore } from './org.store'

export type OrgChange = 'create' | 'rename' | 'remove'

interface AdminState {
  /** The node a change is being sent for; its buttons stay disabled meanwhile. */
  busy: { change: OrgChange; orgId: string } | null
  createOrg(parentId: string, name: string): Promise<Outcome<OrgView>>
  renameOrg(orgId: string, name: string): Promise<Outcome<OrgView>>
  removeOrg(orgId: string): Promise<Outcome<{ removed: true }>>
}

export const useAdminStore = create<AdminState>((set, get) => {
  /** One change at a time: a second tap while one is on its way is ignored. */
  async function run<T>(change: OrgChange, orgId: string, send: () => Promise<T>): Promise<Outcome<T>> {
    if (get().busy) return { ok: false, message: '正在处理上一个操作，请稍候', code: null }
    set({ busy: { change, orgId } })
    const outcome = await attempt(send)
    set({ busy: null })
    return outcome
  }

  return {
    busy: null,
    async createOrg(parentId, name) {
      const outcome = await run('create', parentId, () => call('org', 'org/create', { parentId, name }))
      if (outcome.ok) useOrgStore.getState().applyChange((orgs) => [...orgs, outcome.data])
      return outcome
    },
    async renameOrg(orgId, name) {
      const outcome = await run('rename', orgId, () => call('org', 'org/rename', { orgId, name }))
      if (outcome.ok)
        useOrgStore.getState().applyChange((orgs) => orgs.map((o) => (o.id === orgId ? outcome.data : o)))
      return outcome
    },
    async removeOrg(orgId) {
      const outcome = await run('remove', orgId, () => call('org', 'org/remove', { orgId }))
      if (outcome.ok) useOrgStore.getState().applyChange((orgs) => orgs.filter((o) => o.id !== orgId))
      return outcome
    },
  }
})
