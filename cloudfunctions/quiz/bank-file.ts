import type { QuestionDoc } from '../common/quiz.docs'
import { loadExcel, readFirstSheet } from '../common/xlsx'
import { QUESTION_TYPE_LABELS } from '../domain/quiz.rules'
import { BANK_COLUMNS, OPTION_LETTERS } from '../domain/quiz-import.rules'

/** The first sheet of an .xlsx bank file as rows of cells (row 1 first). */
export function readBankSheet(bytes: Buffer): Promise<unknown[][]> {
  return readFirstSheet(bytes, 'QUIZ.FILE_UNREADABLE')
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
export async function writeBankSheet(items: readonly QuestionDoc[]): Promise<Buffer> {
  const { Workbook } = await loadExcel()
  const workbook = new Workbook()
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
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
