import ExcelJS from 'exceljs'

import { AppError } from '../common/app-error'
import { QUESTION_TYPE_LABELS } from '../domain/quiz.rules'
import { BANK_COLUMNS, OPTION_LETTERS } from '../domain/quiz-import.rules'
import type { QuestionDoc } from './quiz.docs'

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

/** The first sheet of an .xlsx file as rows of cells (row 1 first). */
export async function readBankSheet(base64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer)
  } catch {
    throw new AppError('QUIZ.FILE_UNREADABLE')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new AppError('QUIZ.FILE_UNREADABLE')
  const rows: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : []
    rows[rowNumber - 1] = values.map((v) => plainCell(v as ExcelJS.CellValue))
  })
  return Array.from(rows, (r) => r ?? [])
}

/** The answer cell as the import reads it back: letters, 正确/错误, or alternatives joined by |. */
function answerCell(q: QuestionDoc): string {
  if (q.type === 'fill') return q.answer.join('|')
  if (q.type === 'judge') return q.answer[0] === 'T' ? '正确' : '错误'
  return q.options
    .map((o, i) => (q.answer.includes(o.id) ? OPTION_LETTERS[i] : ''))
    .filter(Boolean)
    .join('')
}

/** The bank as an .xlsx in the import format, so an exported file imports again unchanged. */
export async function writeBankSheet(items: readonly QuestionDoc[]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('题库')
  sheet.addRow(BANK_COLUMNS)
  for (const q of items) {
    const options = q.type === 'single' || q.type === 'multiple' ? q.options.map((o) => o.text) : []
    sheet.addRow([
      QUESTION_TYPE_LABELS[q.type].replace('题', ''),
      q.stem,
      ...OPTION_LETTERS.map((_, i) => options[i] ?? ''),
      answerCell(q),
      q.tags.join('，'),
      q.explanation ?? '',
    ])
  }
  sheet.getRow(1).font = { bold: true }
  sheet.getColumn(2).width = 50
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}
