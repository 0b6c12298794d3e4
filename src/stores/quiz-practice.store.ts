import type { PracticeCheck, PracticeView } from '@contract/quiz.contract'
import { create } from 'zustand'

import { call, messageOf } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'

interface PracticeState {
  today: Loadable<PracticeView>
  chosen: Record<string, string[]>
  checks: Record<string, PracticeCheck>
  checkError: string | null
  load(): Promise<void>
  choose(questionId: string, value: string[]): void
  check(questionId: string): Promise<void>
}

/** 每日一练: today's ten questions, each checked on the server once the member has answered. */
export const usePracticeStore = create<PracticeState>((set, get) => ({
  today: idle,
  chosen: {},
  checks: {},
  checkError: null,
  async load() {
    const view = await track(
      (today) => set({ today }),
      () => call('quiz', 'practice/today', {}),
    )
    if (view) set({ checks: Object.fromEntries(view.checked.map((c) => [c.questionId, c])), chosen: {} })
  },
  choose(questionId, value) {
    if (get().checks[questionId]) return
    set((s) => ({ chosen: { ...s.chosen, [questionId]: value } }))
  },
  async check(questionId) {
    const answer = get().chosen[questionId] ?? []
    try {
      const result = await call('quiz', 'practice/check', { questionId, answer })
      set((s) => ({ checks: { ...s.checks, [questionId]: result }, checkError: null }))
    } catch (error) {
      set({ checkError: messageOf(error) })
    }
  },
}))
