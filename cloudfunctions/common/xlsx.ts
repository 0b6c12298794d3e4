import type ExcelJS from 'exceljs'

import type { ErrorCode } from '../contract/errors'
import { AppError } from './app-error'

/**
 * exceljs, loaded on first use. It is most of a file-handling function's bundle, and evaluating it at start costs
 * a cold start about half again the bare SDK's load time (scripts/measure-load.mjs); only file routes need it.
 * esbuild bundles a dynamic import of it as a call to the module's wrapper, so its body runs only here.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}

/** A cell as the import rules expect it: text or a number; rich text, links and formulas give their text. */
function plainCell(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return value
  if (value instanceof Date) return value
  if ('richText' in value) return value.richText.map((r) => r.text).join('')
  if ('hyperlink' in value && 'text' in value) return value.text
  if ('formula' in value || 'sharedFormula' in value) return (value as ExcelJS.CellFormulaValue).result ?? ''
  return value
}

/**
 * The first worksheet of an .xlsx file as rows of plain cells, row i of the result being
 * spreadsheet row i + 1 (blank rows kept, so row numbers in error reports match the sheet).
 * A file that is not a readable workbook fails with `unreadable`.
 */
export async function readFirstSheet(bytes: Buffer, unreadable: ErrorCode): Promise<unknown[][]> {
  const { Workbook } = await loadExcel()
  const workbook = new Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError(unreadable)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new AppError(unreadable)
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : []
    rows[rowNumber - 1] = values.map((v) => plainCell(v as ExcelJS.CellValue))
  })
  return Array.from(rows, (r) => r ?? [])
}

/** A names list (学习未达标, 未参考, 不合格) as a one-sheet .xlsx: a title row, the headers, then a row per person. */
export async function writeNamesSheet(
  sheetName: string,
  title: string,
  headers: readonly string[],
  rows: readonly (string | number)[][],
): Promise<Buffer> {
  const { Workbook } = await loadExcel()
  const workbook = new Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow([title]).font = { bold: true }
  sheet.addRow([...headers]).font = { bold: true }
  for (const row of rows) sheet.addRow(row)
  headers.forEach((_, i) => (sheet.getColumn(i + 1).width = i === 0 ? 12 : 20))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
