import { isStringifiedObject } from './cell-text'
import { normaliseFill, type QuestionType } from './quiz.rules'

/**
 * Checking a question-bank file as a whole, whether it came as an .xlsx sheet or as JSON
 * (docs/QUIZ-IMPORT.md): every bad row is reported with its row number and reason, and a file
 * with any bad row imports nothing. Sheet rows are numbered as the spreadsheet shows them (the
 * header is row 1); JSON rows are the position in `questions`, from 1.
 */
export const BANK_MAX_ROWS = 2000
export const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const
export const BANK_COLUMNS = [
  '题型',
  '题干',
  ...OPTION_LETTERS.map((l) => `选项${l}`),
  '答案',
  '知识点',
  '解析',
]
export const REQUIRED_COLUMNS = ['题型', '题干', '答案'] as const
export const STEM_MAX = 500
export const OPTION_MAX = 200
export const EXPLANATION_MAX = 1000
export const TAG_MAX = 20
export const TAGS_MAX = 5
/** Fill-in alternatives are separated by a vertical bar in a cell: "中国共产党|中共". */
export const ALTERNATIVE_SEPARATOR = /[|｜]/

const TYPE_NAMES: Record<string, QuestionType> = {
  single: 'single',
  单选: 'single',
  单选题: 'single',
  multiple: 'multiple',
  多选: 'multiple',
  多选题: 'multiple',
  judge: 'judge',
  判断: 'judge',
  判断题: 'judge',
  fill: 'fill',
  填空: 'fill',
  填空题: 'fill',
}
const TRUE_WORDS = ['正确', '对', '是', '√', '✓', 't', 'true', 'y']
const FALSE_WORDS = ['错误', '错', '否', '×', '✗', 'x', 'f', 'false', 'n']

/** A row as read: cells are anything a reader or JSON.parse gave back. */
export interface RawQuestion {
  row: number
  type: unknown
  stem: unknown
  /** Option texts in order (A, B, C …); empty cells at the end are ignored. */
  options: unknown[]
  answer: unknown
  tags: unknown
  explanation: unknown
}

export interface ParsedQuestion {
  row: number
  type: QuestionType
  stem: string
  options: string[]
  /** Choice questions: indexes into `options`; judge: [0] for 正确, [1] for 错误. */
  correct: number[]
  /** Fill-in questions: every accepted answer. */
  accepted: string[]
  tags: string[]
  explanation: string | null
}

export interface BankRowError {
  row: number
  reason: string
}

export type BankCheck = { ok: true; questions: ParsedQuestion[] } | { ok: false; errors: BankRowError[] }

const NOT_TEXT = Symbol('not text')

/**
 * Text of a cell or field, trimmed: every rule below checks what this returns, never the raw
 * value. Numbers and booleans as text; anything else (an object's "[object Object]") is not text.
 */
function textOf(value: unknown): string | typeof NOT_TEXT {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return isStringifiedObject(value) ? NOT_TEXT : value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return value ? '正确' : '错误'
  return NOT_TEXT
}

/** The key two questions are duplicates by: type and stem, compared as fill-in answers are. */
export function questionKey(type: QuestionType, stem: string): string {
  return `${type}:${normaliseFill(stem)}`
}

function splitTags(value: unknown): string[] | typeof NOT_TEXT {
  const parts = Array.isArray(value) ? value.map(textOf) : [textOf(value)]
  if (parts.includes(NOT_TEXT)) return NOT_TEXT
  return [
    ...new Set(
      (parts as string[])
        .flatMap((p) => p.split(/[,，、;；\s]+/))
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
}

/** Answer letters "A", "ACD", "A,C", "a、c" or a list of them, as option indexes; null if unreadable. */
function letterIndexes(answer: unknown): number[] | typeof NOT_TEXT | null {
  const parts = Array.isArray(answer) ? answer.map(textOf) : [textOf(answer)]
  if (parts.includes(NOT_TEXT)) return NOT_TEXT
  const letters = (parts as string[])
    .join('')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s,，、;；]/g, '')
  if (!/^[A-Z]+$/.test(letters)) return null
  return [...letters].map((l) => l.charCodeAt(0) - 65)
}

function checkOne(raw: RawQuestion, problems: string[]): Omit<ParsedQuestion, 'row'> | null {
  const typeText = textOf(raw.type)
  const type = typeof typeText === 'string' ? TYPE_NAMES[typeText.toLowerCase()] : undefined
  if (!type) problems.push('题型应为单选、多选、判断或填空')
  const stem = textOf(raw.stem)
  if (stem === NOT_TEXT) problems.push('题干不是文字')
  else if (!stem) problems.push('题干为空')
  else if (stem.length > STEM_MAX) problems.push(`题干超过${STEM_MAX}字`)
  const optionTexts = raw.options.map(textOf)
  while (optionTexts.length > 0 && optionTexts[optionTexts.length - 1] === '') optionTexts.pop()
  const tags = splitTags(raw.tags)
  if (tags === NOT_TEXT) problems.push('知识点不是文字')
  else if (tags.length > TAGS_MAX) problems.push(`知识点最多${TAGS_MAX}个`)
  else if (tags.some((t) => t.length > TAG_MAX)) problems.push(`每个知识点不超过${TAG_MAX}字`)
  const explanation = textOf(raw.explanation)
  if (explanation === NOT_TEXT) problems.push('解析不是文字')
  else if (explanation.length > EXPLANATION_MAX) problems.push(`解析超过${EXPLANATION_MAX}字`)

  let options: string[] = []
  let correct: number[] = []
  let accepted: string[] = []
  if (type === 'single' || type === 'multiple') {
    if (optionTexts.includes(NOT_TEXT)) problems.push('选项不是文字')
    else {
      options = optionTexts as string[]
      const gap = options.findIndex((o) => o === '')
      if (options.length < 2) problems.push('选择题至少要有两个选项')
      else if (options.length > OPTION_LETTERS.length) problems.push(`选项最多${OPTION_LETTERS.length}个`)
      else if (gap >= 0) problems.push(`选项${OPTION_LETTERS[gap]}为空`)
      else if (options.some((o) => o.length > OPTION_MAX)) problems.push(`每个选项不超过${OPTION_MAX}字`)
      else if (new Set(options.map(normaliseFill)).size !== options.length) problems.push('选项有重复')
    }
    const indexes = letterIndexes(raw.answer)
    if (indexes === NOT_TEXT) problems.push('答案不是文字')
    else if (indexes === null || indexes.length === 0)
      problems.push(type === 'single' ? '答案应为一个选项字母，如 A' : '答案应为选项字母，如 A、C、D')
    else if (new Set(indexes).size !== indexes.length) problems.push('答案中有重复的字母')
    else if (type === 'single' && indexes.length !== 1) problems.push('单选题只能有一个答案')
    else if (type === 'multiple' && indexes.length < 2) problems.push('多选题至少应有两个正确答案')
    else if (options.length > 0 && indexes.some((i) => i >= options.length)) {
      const missing = indexes.filter((i) => i >= options.length).map((i) => String.fromCharCode(65 + i))
      problems.push(`答案${missing.join('、')}不在选项中`)
    } else correct = [...indexes].sort((a, b) => a - b)
  } else if (type === 'judge') {
    const answer = textOf(raw.answer)
    if (answer === NOT_TEXT) problems.push('答案不是文字')
    else if (TRUE_WORDS.includes(answer.toLowerCase())) correct = [0]
    else if (FALSE_WORDS.includes(answer.toLowerCase())) correct = [1]
    else problems.push('判断题答案应为“正确”或“错误”')
  } else if (type === 'fill') {
    const parts = Array.isArray(raw.answer) ? raw.answer.map(textOf) : [textOf(raw.answer)]
    if (parts.includes(NOT_TEXT)) problems.push('答案不是文字')
    else {
      accepted = [
        ...new Set((parts as string[]).flatMap((p) => p.split(ALTERNATIVE_SEPARATOR)).map((p) => p.trim())),
      ].filter(Boolean)
      if (accepted.length === 0) problems.push('填空题答案为空')
      else if (accepted.some((a) => a.length > OPTION_MAX)) problems.push(`答案不超过${OPTION_MAX}字`)
      else if (accepted.some((a) => normaliseFill(a) === '')) problems.push('答案不能只有标点')
    }
  }
  if (problems.length > 0 || !type || typeof stem !== 'string' || tags === NOT_TEXT) return null
  return {
    type,
    stem,
    options: type === 'judge' ? ['正确', '错误'] : type === 'fill' ? [] : options,
    correct,
    accepted,
    tags,
    explanation: typeof explanation === 'string' && explanation ? explanation : null,
  }
}

/** `existingKeys`: questionKey of every question already in the bank. */
export function checkBankRows(rows: readonly RawQuestion[], existingKeys: ReadonlySet<string>): BankCheck {
  if (rows.length > BANK_MAX_ROWS) {
    return { ok: false, errors: [{ row: rows[BANK_MAX_ROWS].row, reason: `一次最多导入${BANK_MAX_ROWS}题` }] }
  }
  const errors: BankRowError[] = []
  const questions: ParsedQuestion[] = []
  const seen = new Map<string, number>()
  for (const raw of rows) {
    const problems: string[] = []
    const parsed = checkOne(raw, problems)
    if (parsed) {
      const key = questionKey(parsed.type, parsed.stem)
      if (existingKeys.has(key)) problems.push('题库中已有相同的题目')
      else if (seen.has(key)) problems.push(`与第${seen.get(key)}行的题目重复`)
      else seen.set(key, raw.row)
    }
    if (problems.length > 0) errors.push({ row: raw.row, reason: problems.join('；') })
    else if (parsed) questions.push({ row: raw.row, ...parsed })
  }
  if (errors.length > 0) return { ok: false, errors }
  if (questions.length === 0) return { ok: false, errors: [{ row: 1, reason: '没有可导入的题目' }] }
  return { ok: true, questions }
}

function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((c) => textOf(c) === '')
}

/** Rows of a sheet (`sheet[0]` the header) as raw questions; a missing column is reported as row 1. */
export function sheetToRows(sheet: readonly (readonly unknown[])[]): RawQuestion[] | BankRowError {
  const header = (sheet[0] ?? []).map((c) => {
    const t = textOf(c)
    return typeof t === 'string' ? t.replace(/\s+/g, '') : ''
  })
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0) return { row: 1, reason: `表头缺少列：${missing.join('、')}` }
  const col = (name: string) => header.indexOf(name)
  const optionCols = OPTION_LETTERS.map((l) => col(`选项${l}`)).filter((i) => i >= 0)
  const rows: RawQuestion[] = []
  sheet.slice(1).forEach((cells, index) => {
    if (isBlankRow(cells)) return
    const at = (i: number) => (i >= 0 ? cells[i] : undefined)
    rows.push({
      row: index + 2,
      type: at(col('题型')),
      stem: at(col('题干')),
      options: optionCols.map(at),
      answer: at(col('答案')),
      tags: at(col('知识点')),
      explanation: at(col('解析')),
    })
  })
  return rows
}

/** The documented JSON format: `{ "questions": [ { type, stem, options, answer, tags, explanation } ] }`. */
export function jsonToRows(questions: readonly unknown[]): RawQuestion[] {
  return questions.map((q, index) => {
    const o = typeof q === 'object' && q !== null && !Array.isArray(q) ? (q as Record<string, unknown>) : {}
    const options = o.options === undefined ? [] : Array.isArray(o.options) ? o.options : [o.options]
    return {
      row: index + 1,
      type: o.type,
      stem: o.stem,
      options,
      answer: o.answer,
      tags: o.tags,
      explanation: o.explanation,
    }
  })
}
