import { ERRORS } from '@contract/errors'
import type { BankRowError, QuestionPage, QuestionView } from '@contract/quiz.contract'
import { create } from 'zustand'

import { OPTION_LETTERS } from '../../cloudfunctions/domain/quiz-import.rules'
import { call, upload } from '../services/cloud'
import { openExportedFile } from '../services/exported-file'
import { type PickedFile, pickXlsx } from '../services/file-picker'
import { attempt } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { rowErrorsOf } from './roster-import-errors'

export type BankImportResult =
  | { kind: 'done'; imported: number }
  /** QUIZ.IMPORT_INVALID: every bad row, and nothing was imported. */
  | { kind: 'invalid'; message: string; errors: BankRowError[] }
  | { kind: 'failed'; message: string }

/**
 * Pasted JSON travels inside the call, and every call stays under 64 K characters (files go through storage):
 * a bank larger than that is imported from Excel, or pasted in parts.
 */
const JSON_MAX_CHARS = 60_000
const JSON_TOO_LARGE = '粘贴的内容过多（一次最多约6万字），请分几次粘贴，或改用 Excel 导入'

/** What the JSON box holds, read as the documented format: `{ "questions": [...] }` or the list itself. */
export function parseBankJson(
  text: string,
): { ok: true; questions: unknown[] } | { ok: false; message: string } {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { ok: false, message: '不是有效的 JSON，请检查括号和引号是否成对' }
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { questions?: unknown } | null)?.questions
  if (!Array.isArray(list) || list.length === 0)
    return { ok: false, message: 'JSON 中应有 questions 题目列表' }
  return { ok: true, questions: list }
}

export type BankShow = 'active' | 'retired' | 'all'

/** A question as the editor holds it: options one per line, the answer as letters, 正确/错误 or texts. */
export interface QuestionForm {
  id: string
  type: QuestionView['type']
  stem: string
  options: string
  answer: string
  tags: string
  explanation: string
}

export function formOf(q: QuestionView): QuestionForm {
  const answer = q.answer ?? []
  let text: string
  if (q.type === 'fill') text = answer.join('|')
  else if (q.type === 'judge') text = q.options.find((o) => answer.includes(o.id))?.text ?? ''
  else text = q.options.map((o, i) => (answer.includes(o.id) ? OPTION_LETTERS[i] : '')).join('')
  return {
    id: q.id,
    type: q.type,
    stem: q.stem,
    options: q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.text).join('\n') : '',
    answer: text,
    tags: q.tags.join('、'),
    explanation: q.explanation ?? '',
  }
}

const parts = (text: string, by: RegExp) =>
  text
    .split(by)
    .map((t) => t.trim())
    .filter((t) => t.length > 0)

/** The bank/save request of a form; the server checks it with the import rules. */
export function questionOf(form: QuestionForm) {
  const choice = form.type === 'single' || form.type === 'multiple'
  return {
    type: form.type,
    stem: form.stem,
    options: choice ? parts(form.options, /\n/) : [],
    answer:
      form.type === 'fill'
        ? parts(form.answer, /[|｜]/)
        : choice
          ? [...form.answer.trim().toUpperCase()]
          : [form.answer.trim()],
    tags: parts(form.tags, /[、,，\s]+/),
    explanation: form.explanation.trim() || null,
  }
}

interface BankState {
  page: Loadable<QuestionPage>
  /** Which questions the list shows: in use (the default), retired, or all. */
  show: BankShow
  form: QuestionForm | null
  saving: boolean
  /** What the last edit or retirement did, or why it was refused. */
  editMessage: string | null
  setShow(show: BankShow): Promise<void>
  editQuestion(form: QuestionForm | null): void
  patchForm(fields: Partial<QuestionForm>): void
  saveForm(): Promise<void>
  /** Retires a question: kept for past attempts, never drawn again. */
  retire(questionId: string): Promise<void>
  file: PickedFile | null
  pickError: string | null
  sending: boolean
  result: BankImportResult | null
  exporting: boolean
  exportMessage: string | null
  load(keyword?: string): Promise<void>
  choose(): Promise<void>
  importFile(): Promise<void>
  importJson(text: string): Promise<void>
  /** Has the function write the whole bank as an .xlsx, then downloads it (opened in WeChat, saved in H5). */
  exportBank(): Promise<void>
  reset(): void
}

export const useBankStore = create<BankState>((set, get) => {
  async function send(data: { format: 'xlsx'; file: PickedFile } | { format: 'json'; questions: unknown[] }) {
    set({ sending: true, result: null })
    // An Excel file goes to cloud storage first; the call carries only its fileID.
    const outcome = await attempt(async () =>
      call(
        'quiz',
        'bank/import',
        data.format === 'xlsx' ? { format: 'xlsx', fileID: await upload('xlsx', data.file.source) } : data,
      ),
    )
    let result: BankImportResult
    if (outcome.ok) result = { kind: 'done', imported: outcome.data.imported }
    else if (outcome.code === 'QUIZ.IMPORT_INVALID')
      result = { kind: 'invalid', message: outcome.message, errors: rowErrorsOf(outcome.details) }
    else result = { kind: 'failed', message: outcome.message }
    set({ sending: false, result, file: result.kind === 'done' ? null : get().file })
    if (result.kind === 'done') void get().load()
  }
  /** What a visit starts from; `reset` returns to it (the bank list stays until reloaded). */
  const fresh = {
    file: null,
    pickError: null,
    sending: false,
    result: null,
    exporting: false,
    exportMessage: null,
    form: null,
    saving: false,
    editMessage: null,
  } as const
  return {
    page: idle,
    show: 'active',
    ...fresh,
    async load(keyword) {
      const show = get().show
      await track(
        (page) => set({ page }),
        () =>
          call('quiz', 'bank/list', {
            limit: 50,
            ...(show === 'active' ? {} : { show }),
            ...(keyword ? { keyword } : {}),
          }),
      )
    },
    async setShow(show) {
      set({ show })
      await get().load()
    },
    editQuestion(form) {
      set({ form, editMessage: null })
    },
    patchForm(fields) {
      const form = get().form
      if (form) set({ form: { ...form, ...fields } })
    },
    async saveForm() {
      const { form, saving } = get()
      if (!form || saving) return
      set({ saving: true, editMessage: null })
      const outcome = await attempt(() =>
        call('quiz', 'bank/save', { questionId: form.id, question: questionOf(form) }),
      )
      set({
        saving: false,
        form: outcome.ok ? null : form,
        editMessage: outcome.ok ? '已保存修改' : outcome.message,
      })
      if (outcome.ok) void get().load()
    },
    async retire(questionId) {
      if (get().saving) return
      set({ saving: true, editMessage: null })
      const outcome = await attempt(() => call('quiz', 'bank/retire', { questionId }))
      set({ saving: false, editMessage: outcome.ok ? '已停用，这道题不会再被抽到' : outcome.message })
      void get().load()
    },
    async choose() {
      const picked = await pickXlsx()
      if (picked.ok) set({ file: picked.file, pickError: null, result: null })
      else if (picked.reason !== 'cancelled') set({ file: null, pickError: picked.message, result: null })
    },
    async importFile() {
      const { file, sending } = get()
      if (file && !sending) await send({ format: 'xlsx', file })
    },
    async importJson(text) {
      const parsed = parseBankJson(text)
      if (!parsed.ok) set({ result: { kind: 'failed', message: parsed.message } })
      else if (JSON.stringify(parsed.questions).length > JSON_MAX_CHARS)
        set({ result: { kind: 'failed', message: JSON_TOO_LARGE } })
      else if (!get().sending) await send({ format: 'json', questions: parsed.questions })
    },
    async exportBank() {
      if (get().exporting) return
      set({ exporting: true, exportMessage: '正在导出…' })
      const outcome = await attempt(() => call('quiz', 'bank/export', {}))
      let message: string
      if (!outcome.ok) message = outcome.message
      else {
        const opened = await openExportedFile(outcome.data).then(
          () => true,
          () => false,
        )
        message = opened
          ? `已导出 ${outcome.data.count} 题：${outcome.data.fileName}`
          : ERRORS['FILE.DOWNLOAD_FAILED']
      }
      set({ exporting: false, exportMessage: message })
    },
    reset() {
      set(fresh)
    },
  }
})
