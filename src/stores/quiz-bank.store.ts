import { ERRORS } from '@contract/errors'
import type { BankRowError, QuestionPage } from '@contract/quiz.contract'
import { create } from 'zustand'

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

interface BankState {
  page: Loadable<QuestionPage>
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
  } as const
  return {
    page: idle,
    ...fresh,
    async load(keyword) {
      await track(
        (page) => set({ page }),
        () => call('quiz', 'bank/list', { limit: 50, ...(keyword ? { keyword } : {}) }),
      )
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
