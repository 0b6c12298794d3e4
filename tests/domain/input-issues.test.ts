import { measureInput } from '../../cloudfunctions/common/input-issues'
import { excerpt, formatMessage } from '../../cloudfunctions/contract/errors'

describe('measuring a request before it is parsed', () => {
  const deep = (depth: number) => {
    let value: unknown = 1
    for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value }
    return value
  }

  it('accepts what actions take, as JSON would count it', () => {
    const data = { questions: [{ type: '单选', options: ['甲', '乙'], answer: 'A' }] }
    expect(measureInput(data, JSON.stringify(data).length + 10)).toBe('ok')
    expect(measureInput(data, JSON.stringify(data).length - 10)).toBe('too_large')
  })

  it('refuses a hundred thousand levels of nesting without recursing, and a cycle without following it', () => {
    expect(measureInput(deep(100_000), 10_000_000)).toBe('too_deep')
    expect(measureInput(deep(16), 1000)).toBe('ok')
    expect(measureInput(deep(17), 1000)).toBe('too_deep')
    const loop: Record<string, unknown> = {}
    loop.self = loop
    expect(measureInput(loop, 1000)).toBe('too_deep')
  })

  it('stops at the size bound: a long list or a long key costs no more than the bound to refuse', () => {
    expect(measureInput(new Array(5_000_000).fill(0), 65_536)).toBe('too_large')
    expect(measureInput({ ['k'.repeat(100_000)]: 1 }, 65_536)).toBe('too_large')
  })
})

describe('quoting what a caller sent', () => {
  it('keeps short text, cuts long text to twenty characters with …, on one line', () => {
    expect(excerpt('和平社区')).toBe('和平社区')
    expect(excerpt('党'.repeat(21))).toBe(`${'党'.repeat(20)}…`)
    expect(excerpt('a\nb\t\u0000c')).toBe('a b c')
    expect(excerpt('k'.repeat(1_000_000))).toBe(`${'k'.repeat(20)}…`)
    expect(excerpt('😀'.repeat(25))).toBe(`${'😀'.repeat(20)}…`)
  })

  it('cuts every value a message repeats, except a detail our own code wrote', () => {
    expect(formatMessage('ORG.NAME_TAKEN', { name: '名'.repeat(40) })).toBe(
      `同一上级下已有名为“${'名'.repeat(20)}…”的组织`,
    )
    const detail = '开始时间应早于结束时间，且活动时长不能超过一整天，请重新选择'
    expect(formatMessage('STUDY.BAD_TIME', { detail })).toBe(detail)
  })
})
