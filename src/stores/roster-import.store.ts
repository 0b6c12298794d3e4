import { create } from 'zustand'

import type { RowError } from '../../cloudfunctions/domain/roster-import.rules'
import { call, upload } from '../services/cloud'
import { type PickedFile, pickXlsx } from '../services/file-picker'
import { attempt } from './admin-outcome'
import { useRosterStore } from './roster.store'
import { rowErrorsOf } from './roster-import-errors'

export type ImportResult =
  | { kind: 'done'; imported: number }
  /** ROSTER.IMPORT_INVALID: every bad row, and nothing was imported. */
  | { kind: 'invalid'; message: string; errors: RowError[] }
  | { kind: 'failed'; message: string }

interface RosterImportState {
  file: PickedFile | null
  /** Why the last choice was refused (too large, not .xlsx …); null when there is nothing to say. */
  pickError: string | null
  sending: boolean
  result: ImportResult | null
  choose(): Promise<void>
  send(): Promise<ImportResult | null>
  reset(): void
}

export const useRosterImportStore = create<RosterImportState>((set, get) => ({
  file: null,
  pickError: null,
  sending: false,
  result: null,
  async choose() {
    const picked = await pickXlsx()
    if (picked.ok) set({ file: picked.file, pickError: null, result: null })
    else if (picked.reason !== 'cancelled') set({ file: null, pickError: picked.message, result: null })
  },
  async send() {
    const { file, sending } = get()
    if (!file || sending) return null
    set({ sending: true, result: null })
    // The sheet goes to cloud storage first; the call carries only its fileID.
    const outcome = await attempt(async () =>
      call('org', 'member/import', { fileID: await upload('xlsx', file.source) }),
    )
    let result: ImportResult
    if (outcome.ok) result = { kind: 'done', imported: outcome.data.imported }
    else if (outcome.code === 'ROSTER.IMPORT_INVALID') {
      result = { kind: 'invalid', message: outcome.message, errors: rowErrorsOf(outcome.details) }
    } else result = { kind: 'failed', message: outcome.message }
    // A sheet imported once must not be sent again by a second tap: the phones would clash.
    set({ sending: false, result, file: result.kind === 'done' ? null : file })
    if (result.kind === 'done') useRosterStore.getState().markStale()
    return result
  },
  reset() {
    set({ file: null, pickError: null, sending: false, result: null })
  },
}))
