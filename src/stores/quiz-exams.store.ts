import type { BankTags, ExamInput, ExamStatsView, ExamView } from '@contract/quiz.contract'
import { create } from 'zustand'

import { DEFAULT_POINTS, type QuestionType } from '../../cloudfunctions/domain/quiz.rules'
import type { Draw } from '../../cloudfunctions/domain/quiz-draw.rules'
import { call } from '../services/cloud'
import { attempt } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'

const DAY = 24 * 60 * 60 * 1000

/** The editor's fields; times are ms, so no date string is ever parsed on the phone. */
export interface ExamDraft {
  title: string
  orgId: string
  mode: 'fixed' | 'random'
  questionIds: string[]
  /** Random papers: how many questions of each type, optionally of one knowledge point. */
  counts: Record<QuestionType, number>
  tag: string
  timeLimitMinutes: number
  days: number
  passLine: number
  excellentLine: number
  attemptsAllowed: number
  counting: 'best' | 'last'
  multipleRule: 'all' | 'partial'
  reveal: 'after_submit' | 'after_close' | 'never'
}

export function blankDraft(orgId: string): ExamDraft {
  return {
    title: '',
    orgId,
    mode: 'random',
    questionIds: [],
    counts: { single: 5, multiple: 3, judge: 2, fill: 0 },
    tag: '',
    timeLimitMinutes: 30,
    days: 7,
    passLine: 60,
    excellentLine: 90,
    attemptsAllowed: 1,
    counting: 'best',
    multipleRule: 'all',
    reveal: 'after_close',
  }
}

/** The request for a draft: the window opens now and closes after `days`. */
export function toExamInput(draft: ExamDraft, now: number): ExamInput {
  const draws: Draw[] = (Object.entries(draft.counts) as [QuestionType, number][])
    .filter(([, count]) => count > 0)
    .map(([type, count]) => (draft.tag.trim() ? { type, count, tag: draft.tag.trim() } : { type, count }))
  return {
    title: draft.title,
    orgId: draft.orgId,
    mode: draft.mode,
    questionIds: draft.mode === 'fixed' ? draft.questionIds : [],
    draws: draft.mode === 'random' ? draws : [],
    points: { ...DEFAULT_POINTS },
    passLine: draft.passLine,
    excellentLine: draft.excellentLine,
    timeLimitMinutes: draft.timeLimitMinutes,
    opensAt: now,
    closesAt: now + draft.days * DAY,
    attemptsAllowed: draft.attemptsAllowed,
    counting: draft.counting,
    multipleRule: draft.multipleRule,
    reveal: draft.reveal,
  }
}

/** The editor's fields of a stored draft, to edit it again (the window reopens from now on saving). */
export function draftOf(exam: ExamView): ExamDraft {
  const counts: Record<QuestionType, number> = { single: 0, multiple: 0, judge: 0, fill: 0 }
  for (const d of exam.draws) if (d.type) counts[d.type] += d.count
  return {
    ...blankDraft(exam.orgId),
    title: exam.title,
    mode: exam.mode,
    questionIds: exam.questionIds,
    counts,
    tag: exam.draws.find((d) => d.tag)?.tag ?? '',
    timeLimitMinutes: exam.timeLimitMinutes,
    days: Math.max(1, Math.round((exam.closesAt - exam.opensAt) / DAY)),
    passLine: exam.passLine,
    excellentLine: exam.excellentLine,
    attemptsAllowed: exam.attemptsAllowed,
    counting: exam.counting,
    multipleRule: exam.multipleRule,
    reveal: exam.reveal,
  }
}

interface ExamsState {
  list: Loadable<ExamView[]>
  tags: Loadable<BankTags>
  draft: ExamDraft | null
  /**
   * The stored exam the editor's draft is, once it has been saved (created, or opened from the list): every
   * later 保存 or 发布 changes that exam, so a 发布 refused for a short bank and tapped again after the fix
   * publishes the same exam and never creates a second one.
   */
  draftId: string | null
  busy: boolean
  message: string | null
  stats: Loadable<ExamStatsView>
  load(): Promise<void>
  loadTags(): Promise<void>
  edit(draft: ExamDraft | null, draftId?: string | null): void
  patch(fields: Partial<ExamDraft>): void
  /** Stores the draft (created once, then updated); false with the reason when it is refused. */
  saveDraft(): Promise<boolean>
  /** Stores the draft and publishes it; a short bank or bad setting leaves it as a draft with the reason. */
  saveAndPublish(): Promise<boolean>
  publish(examId: string): Promise<void>
  remove(examId: string): Promise<void>
  /** Ends a published exam now (closesAt moves to this moment). */
  close(examId: string): Promise<void>
  loadStats(examId: string, orgId?: string): Promise<void>
}

export const useExamsStore = create<ExamsState>((set, get) => {
  /** Creates the draft the first time, updates the same exam afterwards; remembers which exam it is. */
  async function store(draft: ExamDraft) {
    const input = toExamInput(draft, Date.now())
    const draftId = get().draftId
    const stored = await attempt(() =>
      draftId
        ? call('quiz', 'exam/update', { examId: draftId, ...input })
        : call('quiz', 'exam/create', input),
    )
    if (stored.ok) set({ draftId: stored.data.id })
    return stored
  }
  return {
    list: idle,
    tags: idle,
    draft: null,
    draftId: null,
    busy: false,
    message: null,
    stats: idle,
    async load() {
      await track(
        (list) => set({ list }),
        async () => (await call('quiz', 'exam/list', {})).items,
      )
    },
    async loadTags() {
      await track(
        (tags) => set({ tags }),
        () => call('quiz', 'bank/tags', {}),
      )
    },
    edit(draft, draftId = null) {
      set({ draft, draftId, message: null })
    },
    patch(fields) {
      const draft = get().draft
      if (draft) set({ draft: { ...draft, ...fields } })
    },
    async saveDraft() {
      const { draft, busy } = get()
      if (!draft || busy) return false
      set({ busy: true, message: null })
      const stored = await store(draft)
      set({ busy: false, message: stored.ok ? `已保存草稿“${draft.title}”` : stored.message })
      void get().load()
      return stored.ok
    },
    async saveAndPublish() {
      const { draft, busy } = get()
      if (!draft || busy) return false
      set({ busy: true, message: null })
      const stored = await store(draft)
      if (!stored.ok) {
        set({ busy: false, message: stored.message })
        return false
      }
      const published = await attempt(() => call('quiz', 'exam/publish', { examId: stored.data.id }))
      set({
        busy: false,
        draft: published.ok ? null : draft,
        draftId: published.ok ? null : stored.data.id,
        message: published.ok ? `已发布“${published.data.title}”` : `已保存为草稿。${published.message}`,
      })
      void get().load()
      return published.ok
    },
    async publish(examId) {
      if (get().busy) return
      set({ busy: true, message: null })
      const outcome = await attempt(() => call('quiz', 'exam/publish', { examId }))
      set({ busy: false, message: outcome.ok ? `已发布“${outcome.data.title}”` : outcome.message })
      void get().load()
    },
    async remove(examId) {
      const outcome = await attempt(() => call('quiz', 'exam/remove', { examId }))
      set({ message: outcome.ok ? '已删除草稿' : outcome.message })
      void get().load()
    },
    async close(examId) {
      if (get().busy) return
      set({ busy: true, message: null })
      const outcome = await attempt(() => call('quiz', 'exam/close', { examId }))
      set({ busy: false, message: outcome.ok ? `已结束“${outcome.data.title}”` : outcome.message })
      void get().load()
    },
    async loadStats(examId, orgId) {
      await track(
        (stats) => set({ stats }),
        () => call('quiz', 'exam/stats', orgId ? { examId, orgId } : { examId }),
      )
    },
  }
})
