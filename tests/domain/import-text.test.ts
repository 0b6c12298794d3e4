import { checkBankRows, jsonToRows, sheetToRows } from '../../cloudfunctions/domain/quiz-import.rules'
import { checkRosterSheet, ROSTER_COLUMNS } from '../../cloudfunctions/domain/roster-import.rules'

/**
 * "[object Object]" is what a program makes of an object it meant to write as text. Every text
 * rule of the imports runs on the trimmed value, so surrounding spaces do not smuggle it in.
 */
const STRINGIFIED = ['[object Object]', ' [object Object] ', '\t[object Object]\n', '　[object Array]　']

const single = {
  type: '单选',
  stem: '党的最高领导机关是？',
  options: ['全国代表大会', '中央委员会'],
  answer: 'A',
}

function bankReason(row: Record<string, unknown>): string | null {
  const check = checkBankRows(jsonToRows([row]), new Set())
  return check.ok ? null : check.errors.map((e) => e.reason).join('；')
}

describe('a question bank row', () => {
  it('is accepted as written, the check being fair', () => {
    expect(bankReason(single)).toBeNull()
    expect(bankReason({ ...single, stem: '  党的最高领导机关是？  ' })).toBeNull()
  })

  it.each(STRINGIFIED)(
    'refuses %j as a stem, an option, an answer, a tag, an explanation or a type',
    (text) => {
      expect(bankReason({ ...single, stem: text })).toBe('题干不是文字')
      expect(bankReason({ ...single, options: ['全国代表大会', text] })).toBe('选项不是文字')
      expect(bankReason({ ...single, answer: text })).toBe('答案不是文字')
      expect(bankReason({ type: '判断', stem: '党员应按期交纳党费。', answer: text })).toBe('答案不是文字')
      expect(bankReason({ type: '填空', stem: '党成立于____年。', answer: ['1921', text] })).toBe(
        '答案不是文字',
      )
      expect(bankReason({ ...single, tags: ['党章', text] })).toBe('知识点不是文字')
      expect(bankReason({ ...single, explanation: text })).toBe('解析不是文字')
      expect(bankReason({ ...single, type: text })).toContain('题型应为单选、多选、判断或填空')
    },
  )

  it('refuses it in a sheet cell too', () => {
    const rows = sheetToRows([
      ['题型', '题干', '选项A', '选项B', '答案'],
      ['单选', ' [object Object] ', '甲', '乙', 'A'],
    ])
    if (!Array.isArray(rows)) throw new Error('expected rows')
    expect(checkBankRows(rows, new Set())).toEqual({
      ok: false,
      errors: [{ row: 2, reason: '题干不是文字' }],
    })
  })
})

describe('a roster row', () => {
  const ctx = { resolveOrg: () => ({ orgId: 'b1' }), existingPhones: new Set<string>() }
  const row = (name: string) => [name, '男', '13812345678', '第一党支部', '在职', '']

  it.each(STRINGIFIED)('refuses %j as a cell', (text) => {
    expect(checkRosterSheet([[...ROSTER_COLUMNS], row('张三')], ctx).ok).toBe(true)
    expect(checkRosterSheet([[...ROSTER_COLUMNS], row(text)], ctx)).toEqual({
      ok: false,
      errors: [{ row: 2, reason: expect.stringContaining('单元格内容不是文字或数字') }],
    })
  })
})
