import type { RuleReportView } from '@contract/study.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

interface RuleState {
  /** 每月2次理论学习 for one organisation (and below) and month. */
  report: Loadable<RuleReportView>
  load(orgId: string, month: string): Promise<void>
}

const latest = latestOnly()

export const useStudyRuleStore = create<RuleState>((set) => ({
  report: idle,
  async load(orgId, month) {
    const isLatest = latest()
    await track(
      (report) => isLatest() && set({ report }),
      () => call('study', 'study/rule', { orgId, month }),
    )
  },
}))
