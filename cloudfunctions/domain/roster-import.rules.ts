import { isStringifiedObject } from './cell-text'
import {
  CADRE_LEVELS,
  type CadreLevel,
  type Gender,
  GENDERS,
  MEMBER_CATEGORIES,
  type MemberCategory,
  normaliseName,
  PHONE_PATTERN,
} from './member.rules'

/**
 * Validating a roster sheet as a whole: every bad row is reported by its spreadsheet row
 * number (the header is row 1), and a sheet with any bad row imports nothing.
 */
export const ROSTER_COLUMNS = ['姓名', '性别', '手机号', '所在组织', '党员类别', '干部类别'] as const
export const ROSTER_MAX_ROWS = 2000
/** Other headers a street's own sheet may use for a column: 干部层级 (as the pledge campaigns say) is 干部类别. */
export const ROSTER_HEADER_ALIASES: Readonly<Record<string, (typeof ROSTER_COLUMNS)[number]>> = {
  干部层级: '干部类别',
}

export interface RosterRow {
  row: number
  name: string
  gender: Gender
  phone: string
  orgId: string
  category: MemberCategory
  cadreLevel: CadreLevel | null
}

export interface RowError {
  row: number
  reason: string
}

export type RosterCheck = { ok: true; rows: RosterRow[] } | { ok: false; errors: RowError[] }

export interface RosterContext {
  /** Finds the organisation a cell names: a unique node name or a "社区 / 支部" path. */
  resolveOrg(cell: string): { orgId: string } | { error: string }
  /** Phones already on the roster. */
  existingPhones: ReadonlySet<string>
}

/** A cell's text, trimmed; '\u0000' for anything that is not text or a number (an object, "[object Object]"). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return isStringifiedObject(value) ? '\u0000' : value.trim()
  return '\u0000'
}

/** `sheet[0]` is the header row; cells may be strings, numbers or anything a reader gave back. */
export function checkRosterSheet(sheet: readonly (readonly unknown[])[], ctx: RosterContext): RosterCheck {
  const header = (sheet[0] ?? []).map(cellText).map((h) => ROSTER_HEADER_ALIASES[h] ?? h)
  const missing = ROSTER_COLUMNS.filter((c) => !header.includes(c))
  if (missing.length > 0)
    return { ok: false, errors: [{ row: 1, reason: `表头缺少列：${missing.join('、')}` }] }
  const col = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof ROSTER_COLUMNS)[number],
    number
  >

  const errors: RowError[] = []
  const rows: RosterRow[] = []
  const seenPhones = new Map<string, number>()
  const dataRows = sheet.slice(1)
  if (dataRows.length > ROSTER_MAX_ROWS) {
    return { ok: false, errors: [{ row: ROSTER_MAX_ROWS + 2, reason: `一次最多导入 ${ROSTER_MAX_ROWS} 行` }] }
  }

  dataRows.forEach((cells, index) => {
    const row = index + 2
    const text = (column: (typeof ROSTER_COLUMNS)[number]) => cellText(cells[col[column]])
    if (cells.every((c) => cellText(c) === '')) return
    const problems: string[] = []
    const raw = ROSTER_COLUMNS.map(text)
    if (raw.some((v) => v === '\u0000')) problems.push('单元格内容不是文字或数字')
    if (raw.some((v) => v.length > 100)) problems.push('单元格内容超过100字')

    const name = normaliseName(text('姓名'))
    if (!name) problems.push('姓名为空')
    const gender = text('性别')
    if (!(GENDERS as readonly string[]).includes(gender)) problems.push('性别应为“男”或“女”')
    const phone = text('手机号').replace(/[\s-]/g, '')
    if (!PHONE_PATTERN.test(phone)) problems.push('手机号应为11位数字')
    else if (ctx.existingPhones.has(phone)) problems.push('手机号已在花名册中')
    else if (seenPhones.has(phone)) problems.push(`手机号与第${seenPhones.get(phone)}行重复`)
    else seenPhones.set(phone, row)
    const category = text('党员类别')
    if (!(MEMBER_CATEGORIES as readonly string[]).includes(category)) {
      problems.push(`党员类别应为${MEMBER_CATEGORIES.join('、')}之一`)
    }
    const cadre = text('干部类别')
    if (cadre && !(CADRE_LEVELS as readonly string[]).includes(cadre)) {
      problems.push(`干部类别应为空或${CADRE_LEVELS.join('、')}之一`)
    }
    const org = ctx.resolveOrg(text('所在组织'))
    if ('error' in org) problems.push(org.error)

    if (problems.length > 0) {
      errors.push({ row, reason: problems.join('；') })
      return
    }
    rows.push({
      row,
      name,
      gender: gender as Gender,
      phone,
      orgId: (org as { orgId: string }).orgId,
      category: category as MemberCategory,
      cadreLevel: cadre ? (cadre as CadreLevel) : null,
    })
  })

  if (errors.length > 0) return { ok: false, errors }
  if (rows.length === 0) return { ok: false, errors: [{ row: 2, reason: '没有可导入的数据行' }] }
  return { ok: true, rows }
}
