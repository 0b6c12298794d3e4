/**
 * 回访核查 (the 纪工委's quarterly follow-up calls) as pure rules, shared by the function and the app:
 * - quarters ("2026-Q4"), their China-time range and label;
 * - the window-service ledger sheet: every bad row reported by its spreadsheet row number (the header is row 1),
 *   and a sheet with any bad row imports nothing, as the roster import does;
 * - the four ratings of a call and the quarter's summary (calls made, effective calls, satisfaction, problems).
 * The draw itself is domain/follow-up-sample.rules.ts.
 */
import { isStringifiedObject } from './cell-text'
import { normaliseName } from './member.rules'
import { formatRate } from './rates'
import { chinaTimestamp } from './time'

export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/

/** "2026-Q4" for a China date "YYYY-MM-DD". */
export function quarterOfDate(date: string): string {
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`
}

/** [start, end) of a quarter in China time, in ms. */
export function quarterRange(quarter: string): [number, number] {
  const m = QUARTER_PATTERN.exec(quarter)
  if (!m) throw new Error(`not a quarter: ${quarter}`)
  const year = Number(m[1])
  const q = Number(m[2])
  const first = (q - 1) * 3 + 1
  const start = chinaTimestamp(`${year}-${String(first).padStart(2, '0')}-01`, '00:00')
  const end =
    q === 4
      ? chinaTimestamp(`${year + 1}-01-01`, '00:00')
      : chinaTimestamp(`${year}-${String(first + 3).padStart(2, '0')}-01`, '00:00')
  if (start === null || end === null) throw new Error(`not a quarter: ${quarter}`)
  return [start, end]
}

const QUARTER_NAMES = ['一', '二', '三', '四']
/** "2026年第四季度" */
export function quarterLabel(quarter: string): string {
  const m = QUARTER_PATTERN.exec(quarter)
  if (!m) return quarter
  return `${m[1]}年第${QUARTER_NAMES[Number(m[2]) - 1]}季度`
}

/** The quarter `delta` quarters from `quarter` ("2026-Q1", -1 → "2025-Q4"). */
export function shiftQuarter(quarter: string, delta: number): string {
  const m = QUARTER_PATTERN.exec(quarter)
  if (!m) throw new Error(`not a quarter: ${quarter}`)
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + delta
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`
}

/** The quarters a period ("YYYY-MM" or "YYYY") overlaps. */
export function quartersOfPeriod(period: string): string[] {
  if (/^\d{4}$/.test(period)) return [1, 2, 3, 4].map((q) => `${period}-Q${q}`)
  return [quarterOfDate(`${period}-01`)]
}

/** The most a quarter's sample may hold: each is a phone call someone makes. */
export const SAMPLE_MAX = 100
/** The most items a draw may choose from (the pool is recorded with the draw so anyone can re-draw it). */
export const POOL_MAX = 5000
export const SEED_MAX = 40
export const LEDGER_MAX_ROWS = 2000
export const MATTER_MAX = 50
export const PERSON_MAX = 20
export const REMARK_MAX = 300

/** 手机 or 座机 (区号-号码). */
export const CONTACT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/

/** 13812345678 → 138****5678, 0571-88886666 → 0571****6666; none of it when too short to mask. */
export function maskContact(phone: string): string {
  return phone.length < 8 ? '****' : `${phone.slice(0, phone.length === 11 ? 3 : 4)}****${phone.slice(-4)}`
}

export const RATINGS = {
  attitude: '态度',
  ability: '能力',
  efficiency: '效率',
  integrity: '廉洁',
} as const
export type RatingKey = keyof typeof RATINGS
export const RATING_KEYS = Object.keys(RATINGS) as RatingKey[]
export type Ratings = Record<RatingKey, number>
/** A rating of 4 or 5 (满意, 非常满意) counts as satisfied. */
export const SATISFIED_MIN = 4

export const LEDGER_COLUMNS = ['事项', '经办人', '服务对象', '联系电话', '办结日期', '所在社区'] as const

export interface LedgerRow {
  row: number
  matter: string
  staffName: string
  servedName: string
  phone: string
  /** "YYYY-MM-DD", China date. */
  completedOn: string
  orgId: string
}

export interface RowError {
  row: number
  reason: string
}

export type LedgerCheck = { ok: true; rows: LedgerRow[] } | { ok: false; errors: RowError[] }

export interface LedgerContext {
  /** The community a cell names, or why not. */
  resolveOrg(cell: string): { orgId: string } | { error: string }
  /** Today, China time ("YYYY-MM-DD"): a completion date may not be later. */
  today: string
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return isStringifiedObject(value) ? '\u0000' : value.trim()
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '\u0000' : dateCell(value)
  return '\u0000'
}

/** A spreadsheet date cell: the reader gives the day typed as UTC midnight. */
function dateCell(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`
}

/** "2026-10-08", "2026/10/8", "2026.10.8" or "2026年10月8日" → "2026-10-08"; null when not a real date. */
export function parseDay(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1) return null
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate()
  if (d > days) return null
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** What makes two ledger rows the same service: a row imported twice is found by it. */
export function ledgerIdentity(row: Omit<LedgerRow, 'row'>): string {
  return [row.matter, row.staffName, row.servedName, row.phone, row.completedOn, row.orgId].join('\u0001')
}

/** One item's fields checked alike for a sheet row and a hand entry; the problems in Chinese. */
export function checkLedgerFields(
  fields: { matter: string; staffName: string; servedName: string; phone: string; completedOn: string },
  today: string,
): { problems: string[]; value: Omit<LedgerRow, 'row' | 'orgId'> } {
  const problems: string[] = []
  const matter = fields.matter.trim()
  if (!matter) problems.push('事项为空')
  else if (matter.length > MATTER_MAX) problems.push(`事项超过${MATTER_MAX}字`)
  const staffName = normaliseName(fields.staffName)
  if (!staffName) problems.push('经办人为空')
  else if (staffName.length > PERSON_MAX) problems.push(`经办人超过${PERSON_MAX}字`)
  const servedName = normaliseName(fields.servedName)
  if (!servedName) problems.push('服务对象为空')
  else if (servedName.length > PERSON_MAX) problems.push(`服务对象超过${PERSON_MAX}字`)
  const phone = fields.phone.replace(/[\s]/g, '')
  if (!CONTACT_PHONE_PATTERN.test(phone)) problems.push('联系电话应为11位手机号或带区号的座机号')
  const completedOn = parseDay(fields.completedOn)
  if (!completedOn) problems.push('办结日期应为“2026-10-08”这样的日期')
  else if (completedOn > today) problems.push('办结日期晚于今天')
  return { problems, value: { matter, staffName, servedName, phone, completedOn: completedOn ?? '' } }
}

/** `sheet[0]` is the header row; cells may be strings, numbers, dates or anything a reader gave back. */
export function checkLedgerSheet(sheet: readonly (readonly unknown[])[], ctx: LedgerContext): LedgerCheck {
  const header = (sheet[0] ?? []).map(cellText)
  const missing = LEDGER_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0)
    return { ok: false, errors: [{ row: 1, reason: `表头缺少列：${missing.join('、')}` }] }
  const col = Object.fromEntries(LEDGER_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof LEDGER_COLUMNS)[number],
    number
  >
  const dataRows = sheet.slice(1)
  if (dataRows.length > LEDGER_MAX_ROWS) {
    return { ok: false, errors: [{ row: LEDGER_MAX_ROWS + 2, reason: `一次最多导入 ${LEDGER_MAX_ROWS} 行` }] }
  }
  const errors: RowError[] = []
  const rows: LedgerRow[] = []
  const seen = new Map<string, number>()
  dataRows.forEach((cells, index) => {
    const row = index + 2
    if (cells.every((c) => cellText(c) === '')) return
    const text = (column: (typeof LEDGER_COLUMNS)[number]) => cellText(cells[col[column]])
    const raw = LEDGER_COLUMNS.map(text)
    const problems: string[] = []
    if (raw.some((v) => v === '\u0000')) problems.push('单元格内容不是文字、数字或日期')
    if (raw.some((v) => v.length > 100)) problems.push('单元格内容超过100字')
    const checked = checkLedgerFields(
      {
        matter: text('事项'),
        staffName: text('经办人'),
        servedName: text('服务对象'),
        phone: text('联系电话'),
        completedOn: text('办结日期'),
      },
      ctx.today,
    )
    problems.push(...checked.problems)
    const org = ctx.resolveOrg(text('所在社区'))
    if ('error' in org) problems.push(org.error)
    if (problems.length > 0) {
      errors.push({ row, reason: [...new Set(problems)].join('；') })
      return
    }
    const value: LedgerRow = { row, ...checked.value, orgId: (org as { orgId: string }).orgId }
    const identity = ledgerIdentity(value)
    const first = seen.get(identity)
    if (first !== undefined) {
      errors.push({ row, reason: `与第${first}行重复` })
      return
    }
    seen.set(identity, row)
    rows.push(value)
  })
  if (errors.length > 0) return { ok: false, errors }
  if (rows.length === 0) return { ok: false, errors: [{ row: 2, reason: '没有可导入的数据行' }] }
  return { ok: true, rows }
}

/** A call as the summary needs it. */
export interface CallFacts {
  reached: boolean
  ratings: Ratings | null
  problem: string
}

export interface DimensionSummary {
  key: RatingKey
  label: string
  rated: number
  satisfied: number
  /** Sum of the ratings: the average is `total / rated`. */
  total: number
}

export interface CallbackSummary {
  /** Items drawn. */
  sampled: number
  /** Calls made (reached or not). */
  called: number
  /** Effective calls: the person was reached and answered. */
  reached: number
  /** Ratings given (four per effective call), and those of 4 or 5. */
  ratings: number
  satisfied: number
  dimensions: DimensionSummary[]
  /** Calls that found a problem. */
  problems: number
}

export function summarise(sampled: number, calls: readonly CallFacts[]): CallbackSummary {
  const dimensions = RATING_KEYS.map((key) => ({
    key,
    label: RATINGS[key],
    rated: 0,
    satisfied: 0,
    total: 0,
  }))
  let reached = 0
  let problems = 0
  for (const call of calls) {
    if (call.problem.trim()) problems++
    if (!call.reached || !call.ratings) continue
    reached++
    for (const d of dimensions) {
      const r = call.ratings[d.key]
      d.rated++
      d.total += r
      if (r >= SATISFIED_MIN) d.satisfied++
    }
  }
  return {
    sampled,
    called: calls.length,
    reached,
    ratings: dimensions.reduce((n, d) => n + d.rated, 0),
    satisfied: dimensions.reduce((n, d) => n + d.satisfied, 0),
    dimensions,
    problems,
  }
}

/** The summary's lines as shown on screen and in the published summary. */
export function summaryLines(s: CallbackSummary): { label: string; text: string }[] {
  return [
    { label: '抽取回访', text: `${s.sampled}件` },
    { label: '已回访', text: formatRate(s.called, s.sampled) },
    { label: '有效回访（接通并评价）', text: formatRate(s.reached, s.called) },
    { label: '满意率（4分及以上的评分）', text: formatRate(s.satisfied, s.ratings) },
    ...s.dimensions.map((d) => ({
      label: `${d.label}满意率`,
      text: `${formatRate(d.satisfied, d.rated)}${d.rated > 0 ? `，平均${(d.total / d.rated).toFixed(1)}分` : ''}`,
    })),
    { label: '发现问题', text: `${s.problems}件` },
  ]
}
