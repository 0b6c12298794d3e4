import type { BankRowError, QuestionPage } from '@contract/quiz.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { type PickedFile, pickXlsx } from '../services/file-picker'
import { attempt } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { rowErrorsOf } from './roster-import-errors'

export type BankImportResult =
  | { kind: 'done'; imported: number }
  /** QUIZ.IMPORT_INVALID: every bad row, and nothing was imported. */
  | { kind: 'invalid'; message: string; errors: BankRowError[] }
  | { kind: 'failed'; message: string }

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
  exportMessage: string | null
  load(keyword?: string): Promise<void>
  choose(): Promise<void>
  importFile(): Promise<void>
  importJson(text: string): Promise<void>
  /** Produces the .xlsx of the whole bank and hands it to `save` (download in H5, open in WeChat). */
  exportBank(save: (fileName: string, base64: string) => Promise<void>): Promise<void>
  reset(): void
}

export const useBankStore = create<BankState>((set, get) => {
  async function send(
    data: { format: 'xlsx'; fileBase64: string } | { format: 'json'; questions: unknown[] },
  ) {
    set({ sending: true, result: null })
    const outcome = await attempt(() => call('quiz', 'bank/import', data))
    let result: BankImportResult
    if (outcome.ok) result = { kind: 'done', imported: outcome.data.imported }
    else if (outcome.code === 'QUIZ.IMPORT_INVALID')
      result = { kind: 'invalid', message: outcome.message, errors: rowErrorsOf(outcome.details) }
    else result = { kind: 'failed', message: outcome.message }
    set({ sending: false, result, file: result.kind === 'done' ? null : get().file })
    if (result.kind === 'done') void get().load()
  }
  return {
    page: idle,
    file: null,
    pickError: null,
    sending: false,
    result: null,
    exportMessage: null,
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
      if (file && !sending) await send({ format: 'xlsx', fileBase64: file.base64 })
    },
    async importJson(text) {
      const parsed = parseBankJson(text)
      if (!parsed.ok) set({ result: { kind: 'failed', message: parsed.message } })
      else if (!get().sending) await send({ format: 'json', questions: parsed.questions })
    },
    async exportBank(save) {
      set({ exportMessage: '正在导出…' })
      const outcome = await attempt(() => call('quiz', 'bank/export', {}))
      if (!outcome.ok) return set({ exportMessage: outcome.message })
      await save(outcome.data.fileName, outcome.data.fileBase64)
      set({ exportMessage: `已导出 ${outcome.data.count} 题：${outcome.data.fileName}` })
    },
    reset() {
      set({ file: null, pickError: null, sending: false, result: null, exportMessage: null })
    },
  }
})
