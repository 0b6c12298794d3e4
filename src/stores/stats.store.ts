import type { MonthStatsView, RecordsPage, TodoView, YearReportView } from '@contract/stats.contract'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { openExportedFile } from '../services/exported-file'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

export interface RecordsQuery {
  orgId: string
  period: string
  figure: string
}

interface StatsState {
  /** 月度统计 of one node and month. */
  month: Loadable<MonthStatsView>
  loadMonth(input: { month?: string; orgId?: string }): Promise<void>
  /** The records behind one figure, grown page by page. */
  records: Loadable<RecordsPage>
  loadRecords(query: RecordsQuery): Promise<void>
  moreRecords(query: RecordsQuery): Promise<void>
  todo: Loadable<TodoView>
  loadTodo(input: { month?: string; orgId?: string }): Promise<void>
  year: Loadable<YearReportView>
  loadYear(orgId: string, year: number): Promise<void>
  /** An export under way (the button waits), and its failure if it failed. */
  exporting: boolean
  exportError: string | null
  exportPeriod(orgId: string, period: string): Promise<void>
}

const latestMonth = latestOnly()
const latestRecords = latestOnly()
const latestYear = latestOnly()

export const useStatsStore = create<StatsState>((set, get) => ({
  month: idle,
  async loadMonth(input) {
    const isLatest = latestMonth()
    await track(
      (month) => isLatest() && set({ month }),
      () => call('stats', 'stats/month', input),
    )
  },
  records: idle,
  async loadRecords(query) {
    const isLatest = latestRecords()
    await track(
      (records) => isLatest() && set({ records }),
      () => call('stats', 'stats/records', query),
    )
  },
  async moreRecords(query) {
    const held = get().records
    if (held.status !== 'ready' || held.data.nextOffset === null) return
    const isLatest = latestRecords()
    const page = await call('stats', 'stats/records', { ...query, offset: held.data.nextOffset })
    if (isLatest())
      set({ records: { status: 'ready', data: { ...page, rows: [...held.data.rows, ...page.rows] } } })
  },
  todo: idle,
  async loadTodo(input) {
    await track(
      (todo) => set({ todo }),
      () => call('stats', 'stats/todo', input),
    )
  },
  year: idle,
  async loadYear(orgId, year) {
    const isLatest = latestYear()
    await track(
      (state) => isLatest() && set({ year: state }),
      () => call('stats', 'stats/year', { orgId, year }),
    )
  },
  exporting: false,
  exportError: null,
  async exportPeriod(orgId, period) {
    if (get().exporting) return
    set({ exporting: true, exportError: null })
    try {
      await openExportedFile(await call('stats', 'stats/export', { orgId, period }))
    } catch {
      set({ exportError: '导出没有完成，请稍后重试' })
    } finally {
      set({ exporting: false })
    }
  },
}))
