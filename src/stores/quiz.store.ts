import type { ErrorCode } from '@contract/errors'
import type { AttemptView, MyExamView } from '@contract/quiz.contract'
import { create } from 'zustand'

import { ApiError, call, messageOf } from '../services/cloud'
import { onReconnect } from '../services/connectivity'
import { idle, type Loadable, track } from './async-state'

/**
 * idle/saved: every answer on screen is on the server; saving: a save is under way; retrying: a save failed for
 * want of a connection and is tried again by itself (the answers not on the server are marked 未保存); error:
 * the server refused the save (the deadline passed, the paper was handed in), with its message.
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'retrying' | 'error'

/** Failures that say nothing about the answers: the call did not get through, or the server was busy. */
const RETRYABLE: readonly ErrorCode[] = ['COMMON.NETWORK', 'COMMON.INTERNAL', 'COMMON.RETRY']
/** Retries wait 1 s, 2 s, 4 s, then 8 s at most, and go at once when the phone's connection returns. */
const FIRST_RETRY_MS = 1000
const LAST_RETRY_MS = 8000

const retryable = (error: unknown) => !(error instanceof ApiError) || RETRYABLE.includes(error.code)

interface QuizState {
  mine: Loadable<MyExamView[]>
  attempt: Loadable<AttemptView>
  /** The member's answers as shown on screen; the saved ones come back from the server on reopening. */
  answers: Record<string, string[]>
  /** Answers not yet acknowledged by the server: sent again with the next save or with 交卷. */
  pending: Record<string, string[]>
  /** Whether the last save did not reach the server: the pending answers are then shown as 未保存. */
  offline: boolean
  saveState: SaveState
  saveMessage: string | null
  /** Server clock minus phone clock, so the countdown follows the server's deadline. */
  clockOffset: number
  submitting: boolean
  /** What 交卷 is waiting for, while it waits (pending saves, or the connection). */
  submitNote: string | null
  loadMine(): Promise<void>
  /** Starts or resumes an exam (`examId`), or opens an attempt (`attemptId`). */
  open(target: { examId?: string; attemptId?: string }): Promise<void>
  answer(questionId: string, value: string[], options?: { save?: boolean }): void
  /** Saves the pending answers, retrying by itself until they are on the server or the server refuses them. */
  flush(): Promise<void>
  /** Waits for pending saves, then hands the paper in (retrying when the connection drops). */
  submit(): Promise<{ ok: true } | { ok: false; message: string }>
  /** Stops retrying and listening for the connection (the page is left). */
  leave(): void
}

/** The questions whose answers are not on the server while the connection is down. */
export function unsavedOf(s: Pick<QuizState, 'offline' | 'pending'>): Set<string> {
  return new Set(s.offline ? Object.keys(s.pending) : [])
}

export const useQuizStore = create<QuizState>((set, get) => {
  /** Bumped when the page is left or another attempt opens: waits of the old one end. */
  let generation = 0
  let stopListening: (() => void) | null = null
  let flushing: Promise<void> | null = null

  /** Waits for the next retry: each resolves after its delay, or at once on reconnection or leaving. */
  const waiters = new Set<() => void>()
  const wake = () => [...waiters].forEach((w) => w())

  function nextChance(delay: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        waiters.delete(done)
        resolve()
      }
      const timer = setTimeout(done, delay)
      waiters.add(done)
    })
  }

  function listen() {
    stopListening?.()
    stopListening = onReconnect(wake)
  }

  function stop() {
    generation++
    stopListening?.()
    stopListening = null
    wake()
  }

  function show(view: AttemptView) {
    set({
      attempt: { status: 'ready', data: view },
      answers: { ...view.answers },
      pending: {},
      offline: false,
      clockOffset: view.serverNow - Date.now(),
      saveState: 'idle',
      saveMessage: null,
    })
    if (view.status === 'open') listen()
    else stop()
  }

  const openAttempt = () => {
    const { attempt } = get()
    return attempt.status === 'ready' && attempt.data.status === 'open' ? attempt.data : null
  }

  async function saveUntilDone(): Promise<void> {
    const round = generation
    let delay = FIRST_RETRY_MS
    for (;;) {
      const view = openAttempt()
      const sent = get().pending
      if (!view || round !== generation || Object.keys(sent).length === 0) return
      set({ saveState: 'saving' })
      try {
        await call('quiz', 'attempt/save', { attemptId: view.id, answers: sent })
        if (round !== generation) return
        // Only what was sent is acknowledged; answers changed meanwhile stay pending and go next.
        set((s) => ({
          saveState: 'saved',
          saveMessage: null,
          offline: false,
          pending: Object.fromEntries(Object.entries(s.pending).filter(([k, v]) => sent[k] !== v)),
        }))
        delay = FIRST_RETRY_MS
      } catch (error) {
        if (round !== generation) return
        if (!retryable(error)) {
          set({ saveState: 'error', saveMessage: messageOf(error), offline: true })
          return
        }
        set({ saveState: 'retrying', saveMessage: '网络不通，恢复后自动保存', offline: true })
        await nextChance(delay)
        delay = Math.min(delay * 2, LAST_RETRY_MS)
      }
    }
  }

  return {
    mine: idle,
    attempt: idle,
    answers: {},
    pending: {},
    offline: false,
    saveState: 'idle',
    saveMessage: null,
    clockOffset: 0,
    submitting: false,
    submitNote: null,
    async loadMine() {
      await track(
        (mine) => set({ mine }),
        async () => (await call('quiz', 'exam/mine', {})).items,
      )
    },
    async open(target) {
      stop()
      set({ answers: {}, pending: {}, offline: false, submitting: false, submitNote: null })
      const view = await track(
        (attempt) => set({ attempt }),
        () =>
          target.attemptId
            ? call('quiz', 'attempt/get', { attemptId: target.attemptId })
            : call('quiz', 'attempt/start', { examId: target.examId ?? '' }),
      )
      if (view) show(view)
    },
    answer(questionId, value, options = {}) {
      set((s) => ({
        answers: { ...s.answers, [questionId]: value },
        pending: { ...s.pending, [questionId]: value },
      }))
      if (options.save !== false) void get().flush()
    },
    flush() {
      // One save loop at a time: answers given meanwhile join it, so saves never overlap.
      flushing ??= saveUntilDone().finally(() => {
        flushing = null
      })
      return flushing
    },
    async submit() {
      if (!openAttempt() || get().submitting) return { ok: false, message: '' }
      const round = generation
      set({ submitting: true, submitNote: null })
      try {
        if (Object.keys(get().pending).length > 0) {
          set({ submitNote: '正在保存答案，保存好后交卷…' })
          await get().flush()
        }
        let delay = FIRST_RETRY_MS
        for (;;) {
          const view = openAttempt()
          if (!view || round !== generation) return { ok: false, message: '' }
          try {
            // Anything still pending (a save the server refused) goes with the hand-in; the server decides.
            show(await call('quiz', 'attempt/submit', { attemptId: view.id, answers: get().pending }))
            return { ok: true }
          } catch (error) {
            if (!retryable(error) || round !== generation) return { ok: false, message: messageOf(error) }
            set({ submitNote: '网络不通，恢复后自动交卷', offline: true })
            await nextChance(delay)
            delay = Math.min(delay * 2, LAST_RETRY_MS)
          }
        }
      } finally {
        set({ submitting: false, submitNote: null })
      }
    },
    leave() {
      stop()
    },
  }
})

/** Milliseconds left before the server's deadline, by the server's clock. */
export function remainingMs(view: AttemptView, clockOffset: number, phoneNow = Date.now()): number {
  return Math.max(0, view.deadline - (phoneNow + clockOffset))
}
