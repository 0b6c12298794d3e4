/** Roster facts and the rules for showing them. */
export const MEMBER_CATEGORIES = ['在职', '离退休', '流动'] as const
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number]

export const CADRE_LEVELS = ['科级干部', '中层', '社区书记', '党员干部'] as const
export type CadreLevel = (typeof CADRE_LEVELS)[number]

export const GENDERS = ['男', '女'] as const
export type Gender = (typeof GENDERS)[number]

export const PHONE_PATTERN = /^1[3-9]\d{9}$/

/** 13812345678 → 138****5678: what anyone without roster.manage sees. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****'
}

export function phoneLast4(phone: string): string {
  return phone.slice(-4)
}

/** Names are compared without spaces (full- or half-width) people type by accident. */
export function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '')
}
