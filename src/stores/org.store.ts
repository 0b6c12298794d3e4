import type { OrgView } from '@contract/org.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'

interface OrgState {
  tree: Loadable<OrgView[]>
  loadTree(): Promise<void>
}

export const useOrgStore = create<OrgState>((set) => ({
  tree: idle,
  async loadTree() {
    await track(
      (tree) => set({ tree }),
      async () => (await call('org', 'org/tree', {})).orgs,
    )
  },
}))
