import type {
  CallbackItemView,
  CallbackQuarterView,
  CallbackRedraw,
  InputOf,
  OutputOf,
  PublishedCallbackSummary,
} from '@contract/index'
import { create } from 'zustand'

import type { RowError } from '../../cloudfunctions/domain/callback.rules'
import { call, upload } from '../services/cloud'
import { type PickedFile, pickXlsx } from '../services/file-picker'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { rowErrorsOf } from './roster-import-errors'
import { latestOnly } from './study-shared'

export type CallDraft = InputOf<'pledge', 'callback/call'>
export type ItemDraft = InputOf<'pledge', 'callback/item-add'>

export type LedgerImport =
  | { kind: 'done'; imported: number; quarters: string[] }
  /** CALLBACK.IMPORT_INVALID: every bad row, and nothing was imported. */
  | { kind: 'invalid'; message: string; errors: RowError[] }
  | { kind: 'failed'; message: string }

interface CallbackState {
  quarters: Loadable<OutputOf<'pledge', 'callback/quarters'>>
  /** The quarter on screen: its draw, calls and summary; NOT_DRAWN while none. */
  quarter: Loadable<CallbackQuarterView>
  items: Loadable<{ items: CallbackItemView[]; total: number }>
  published: Loadable<PublishedCallbackSummary[]>
  redraw: CallbackRedraw | null
  /** The phones the 纪工委 revealed on this screen, by item key. */
  phones: Record<string, string>
  file: PickedFile | null
  busy: boolean
  loadQuarters(): Promise<void>
  loadQuarter(quarter: string): Promise<void>
  loadItems(quarter: string): Promise<void>
  loadPublished(): Promise<void>
  chooseLedger(): Promise<string | null>
  importLedger(): Promise<LedgerImport | null>
  addItem(draft: ItemDraft): Promise<Outcome<CallbackItemView>>
  draw(quarter: string, size: number, seed?: string): Promise<Outcome<CallbackQuarterView>>
  checkRedraw(quarter: string): Promise<Outcome<CallbackRedraw>>
  revealPhone(quarter: string, itemKey: string): Promise<Outcome<{ phone: string }>>
  recordCall(draft: CallDraft): Promise<Outcome<CallbackQuarterView>>
  publish(quarter: string, orgId: string, revision: number): Promise<Outcome<CallbackQuarterView>>
}

const latestQuarter = latestOnly()

export const useCallbackStore = create<CallbackState>((set, get) => {
  async function busyWith<T>(run: () => Promise<T>): Promise<Outcome<T>> {
    if (get().busy) return { ok: false, message: '正在提交，请稍候', code: null }
    set({ busy: true })
    const outcome = await attempt(run)
    set({ busy: false })
    return outcome
  }
  /** A changed quarter replaces the one on screen. */
  function shown(outcome: Outcome<CallbackQuarterView>): Outcome<CallbackQuarterView> {
    if (outcome.ok) set({ quarter: { status: 'ready', data: outcome.data } })
    return outcome
  }

  return {
    quarters: idle,
    quarter: idle,
    items: idle,
    published: idle,
    redraw: null,
    phones: {},
    file: null,
    busy: false,
    async loadQuarters() {
      await track(
        (quarters) => set({ quarters }),
        () => call('pledge', 'callback/quarters', {}),
      )
    },
    async loadQuarter(quarter) {
      const isLatest = latestQuarter()
      set({ redraw: null })
      await track(
        (state) => isLatest() && set({ quarter: state }),
        () => call('pledge', 'callback/quarter', { quarter }),
      )
    },
    async loadItems(quarter) {
      await track(
        (items) => set({ items }),
        () => call('pledge', 'callback/items', { quarter, limit: 50 }),
      )
    },
    async loadPublished() {
      await track(
        (published) => set({ published }),
        () => call('pledge', 'callback/published', {}),
      )
    },
    async chooseLedger() {
      const picked = await pickXlsx()
      if (picked.ok) {
        set({ file: picked.file })
        return null
      }
      return picked.reason === 'cancelled' ? null : picked.message
    },
    async importLedger() {
      const { file } = get()
      if (!file) return null
      const outcome = await busyWith(async () =>
        call('pledge', 'callback/import', { fileID: await upload('xlsx', file.source) }),
      )
      if (outcome.ok) {
        set({ file: null })
        return { kind: 'done', imported: outcome.data.imported, quarters: outcome.data.quarters }
      }
      if (outcome.code === 'CALLBACK.IMPORT_INVALID')
        return { kind: 'invalid', message: outcome.message, errors: rowErrorsOf(outcome.details) }
      return { kind: 'failed', message: outcome.message }
    },
    addItem(draft) {
      return busyWith(() => call('pledge', 'callback/item-add', draft))
    },
    async draw(quarter, size, seed) {
      return shown(await busyWith(() => call('pledge', 'callback/draw', { quarter, size, seed })))
    },
    async checkRedraw(quarter) {
      const outcome = await busyWith(() => call('pledge', 'callback/redraw', { quarter }))
      if (outcome.ok) set({ redraw: outcome.data })
      return outcome
    },
    async revealPhone(quarter, itemKey) {
      const outcome = await busyWith(() => call('pledge', 'callback/contact', { quarter, itemKey }))
      if (outcome.ok) set({ phones: { ...get().phones, [itemKey]: outcome.data.phone } })
      return outcome
    },
    async recordCall(draft) {
      return shown(await busyWith(() => call('pledge', 'callback/call', draft)))
    },
    async publish(quarter, orgId, revision) {
      return shown(await busyWith(() => call('pledge', 'callback/publish', { quarter, orgId, revision })))
    },
  }
})
