import type * as z from 'zod'

import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { writeExport } from '../common/files'
import { loadExcel } from '../common/xlsx'
import type { ExportedFile } from '../contract/files.contract'
import type { Light, statsInputs } from '../contract/stats.contract'
import { chinaClock, monthLabel } from '../domain/time'
import { type PageCursor, type RecordPage, recordSource } from './areas/area'
import { branchMeetings } from './areas/study'
import { periodFigures } from './stats.service'
import { periodOf } from './stats.store'

type Input<K extends keyof typeof statsInputs> = z.output<(typeof statsInputs)[K]>

const LIGHT_TEXT: Record<Light, string> = { green: '正常', yellow: '待完成', red: '未达标' }
/** A detail sheet stops here (an export is for reading, not an archive); the sheet says so. */
export const DETAIL_MAX_ROWS = 5000
/** Rows read per request while writing a detail sheet (CloudBase's most for one get). */
const PAGE = 1000

/** The figures of a period, as on the screen: one sheet per area (label, value as shown, numerator, denominator). */
export async function exportStats(ctx: CallContext, input: Input<'stats/export'>): Promise<ExportedFile> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  const { areas, input: figures } = await periodFigures(ctx, org, input.period)
  const { months, range, year } = periodOf(input.period)
  const periodText = year ? `${input.period}年` : monthLabel(input.period)
  const { Workbook } = await loadExcel()
  const workbook = new Workbook()
  for (const { area, figures: list } of areas) {
    const sheet = workbook.addWorksheet(area.title)
    sheet.addRow([`${org.name} ${periodText} ${area.title}`]).font = { bold: true }
    sheet.addRow(['指标', '数值', '分子', '分母', '状态', '规则']).font = { bold: true }
    for (const f of list)
      sheet.addRow([
        f.label,
        f.text,
        f.value,
        f.whole ?? '',
        f.light ? LIGHT_TEXT[f.light] : '',
        f.rule ?? '',
      ])
    sheet.getColumn(1).width = 28
    sheet.getColumn(2).width = 20
    sheet.getColumn(6).width = 40
  }
  const meetings = branchMeetings(figures)
  if (meetings.length > 0) {
    const sheet = workbook.addWorksheet('三会一课')
    sheet.addRow(['支部', '会议', '期间', '应开', '已开', '状态']).font = { bold: true }
    const status = { met: '已完成', due: '待召开', missed: '未完成' }
    for (const b of meetings)
      for (const c of b.checks)
        sheet.addRow([b.name, c.label, c.periodLabel, c.required, c.held, status[c.status]])
    sheet.getColumn(1).width = 24
  }
  for (const { area } of areas) {
    for (const key of area.details) {
      const source = recordSource(area, key)
      if (!source) continue
      const sheet = workbook.addWorksheet(`${source.title}明细`.slice(0, 31))
      sheet.addRow(source.columns).font = { bold: true }
      // Page after page from where the last one ended (never skipping rows read before), counted once.
      let total: number | undefined
      let after: PageCursor | null | undefined = null
      for (let written = 0; written < DETAIL_MAX_ROWS;) {
        const limit = Math.min(PAGE, DETAIL_MAX_ROWS - written)
        const page: RecordPage = await source.page(
          { ctx, org, months, range, offset: written, limit, after, total },
          key,
        )
        total = page.total
        for (const row of page.rows) sheet.addRow(row)
        written += page.rows.length
        if (page.rows.length === 0 || written >= page.total || page.next === null) break
        after = page.next // undefined: a source that pages by offset only
      }
      if (total !== undefined && total > DETAIL_MAX_ROWS)
        sheet.addRow([`共${total}条，此处列出前${DETAIL_MAX_ROWS}条`])
      source.columns.forEach((_, i) => (sheet.getColumn(i + 1).width = 18))
    }
  }
  return writeExport(ctx, {
    fileName: `月度统计-${org.name}-${input.period}-${chinaClock(ctx.now).format('YYYYMMDD')}.xlsx`,
    ext: 'xlsx',
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
  })
}
