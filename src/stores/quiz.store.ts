import type { AttemptView, MyExamView } from '@contract/quiz.contract'
import { create } from 'zustand'

import { call, messageOf } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

interface QuizState {
  mine: Loadable<MyExamView[]>
  attempt: Loadable<AttemptView>
  /** The member's answers as shown on screen; the saved ones come back from the server on reopening. */
  answers: Record<string, string[]>
  /** Answers not yet acknowledged by the server: sent again with the next save or with 交卷. */
  pending: Record<string, string[]>
  saveState: SaveState
  saveMessage: string | null
  /** Server clock minus phone clock, so the countdown follows the server's deadline. */
  clockOffset: number
  submitting: boolean
  loadMine(): Promise<void>
  /** Starts or resumes an exam (`examId`), or opens an attempt (`attemptId`). */
  open(target: { examId?: string; attemptId?: string }): Promise<void>
  answer(questionId: string, value: string[], options?: { save?: boolean }): void
  flush(): Promise<void>
  submit(): Promise<{ ok: true } | { ok: false; message: string }>
}

function show(set: (s: Partial<QuizState>) => void, view: AttemptView) {
  set({
    attempt: { status: 'ready', data: view },
    answers: { ...view.answers },
    pending: {},
    clockOffset: view.serverNow - Date.now(),
    saveState: 'idle',
    saveMessage: null,
  })
}

export const useQuizStore = create<QuizState>((set, get) => ({
  mine: idle,
  attempt: idle,
  answers: {},
  pending: {},
  saveState: 'idle',
  saveMessage: null,
  clockOffset: 0,
  submitting: false,
  async loadMine() {
    await track(
      (mine) => set({ mine }),
      async () => (await call('quiz', 'exam/mine', {})).items,
    )
  },
  async open(target) {
    set({ answers: {}, pending: {} })
    const view = await track(
      (attempt) => set({ attempt }),
      () =>
        target.attemptId
          ? call('quiz', 'attempt/get', { attemptId: target.attemptId })
          : call('quiz', 'attempt/start', { examId: target.examId ?? '' }),
    )
    if (view) show(set, view)
  },
  answer(questionId, value, options = {}) {
    set((s) => ({
      answers: { ...s.answers, [questionId]: value },
      pending: { ...s.pending, [questionId]: value },
    }))
    if (options.save !== false) void get().flush()
  },
  async flush() {
    const { attempt, pending, saveState } = get()
    if (attempt.status !== 'ready' || attempt.data.status !== 'open') return
    if (Object.keys(pending).length === 0 || saveState === 'saving') return
    set({ saveState: 'saving' })
    try {
      await call('quiz', 'attempt/save', { attemptId: attempt.data.id, answers: pending })
      // Only what was sent is acknowledged; answers changed meanwhile stay pending.
      set((s) => ({
        saveState: 'saved',
        saveMessage: null,
        pending: Object.fromEntries(Object.entries(s.pending).filter(([k, v]) => pending[k] !== v)),
      }))
      if (Object.keys(get().pending).length > 0) void get().flush()
    } catch (error) {
      set({ saveState: 'error', saveMessage: messageOf(error) })
    }
  },
  async submit() {
    const { attempt, pending, submitting } = get()
    if (attempt.status !== 'ready' || submitting) return { ok: false, message: '' }
    set({ submitting: true })
    try {
      const view = await call('quiz', 'attempt/submit', { attemptId: attempt.data.id, answers: pending })
      show(set, view)
      return { ok: true }
    } catch (error) {
      return { ok: false, message: messageOf(error) }
    } finally {
      set({ submitting: false })
    }
  },
}))

/** Milliseconds left before the server's deadline, by the server's clock. */
export function remainingMs(view: AttemptView, clockOffset: number, phoneNow = Date.now()): number {
  return Math.max(0, view.deadline - (phoneNow + clockOffset))
}
