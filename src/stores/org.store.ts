import type { OrgView } from '@contract/org.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'

interface OrgState {
  tree: Loadable<OrgView[]>
  loadTree(): Promise<void>
  /** Applies a change the server has confirmed (a node added, renamed or removed) without reloading. */
  applyChange(update: (orgs: OrgView[]) => OrgView[]): void
}

export const useOrgStore = create<OrgState>((set, get) => ({
  tree: idle,
  applyChange(update) {
    const { tree } = get()
    if (tree.status === 'ready') set({ tree: { status: 'ready', data: update(tree.data) } })
  },
  async loadTree() {
    await track(
      (tree) => set({ tree }),
      async () => (await call('org', 'org/tree', {})).orgs,
    )
  },
}))
