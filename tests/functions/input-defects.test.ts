import { DEMO, failed } from '../support/backend'
import { refusalBackend } from '../support/refusals'

/**
 * Bad input found by testing from outside: nesting that overflowed the size check, wrong types
 * reported as missing, messages that echoed the caller's input in full. Each is refused with a
 * stable code and a Chinese message, and changes nothing.
 */
const env = refusalBackend([DEMO.admin])
const raw = (openid: string, fn: string, event: unknown) => env.backend.raw(openid, fn, event)
afterEach(async () => {
  expect(await env.backend.snapshot()).toEqual(env.before)
})

/** `{ a: { a: … } }` or `[[[ … ]]]`, `depth` levels, built without recursion. */
function nested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = '党'
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value]
  return value
}

describe('input nested far deeper than any action takes', () => {
  it.each([
    ['account', 'account/me', (deep: unknown) => ({ x: deep })],
    ['org', 'member/update', (deep: unknown) => ({ memberId: 'm016', patch: deep })],
    ['quiz', 'bank/import', (deep: unknown) => ({ format: 'json', questions: [deep] })],
    ['study', 'session/update', (deep: unknown) => ({ sessionId: 's1', patch: { title: deep } })],
  ])(
    '%s %s is refused as too deep, objects or lists, ten thousand levels or seventeen',
    async (fn, action, data) => {
      for (const depth of [10_000, 17]) {
        for (const kind of ['object', 'array'] as const) {
          const result = failed(await raw(DEMO.admin, fn, { action, data: data(nested(depth, kind)) }))
          expect(result).toMatchObject({
            code: 'COMMON.TOO_DEEP',
            message: '提交的内容层级过深，请更新小程序后重试',
          })
        }
      }
    },
  )

  it('a cycle (no JSON can carry one, but a caller in the same process can) is refused, not followed', async () => {
    const loop: Record<string, unknown> = { title: '循环' }
    loop.self = loop
    const result = failed(await raw(DEMO.admin, 'account', { action: 'account/me', data: loop }))
    expect(result.code).toBe('COMMON.TOO_DEEP')
  })

  it('input as deep as a bank import row still reaches the import rules', async () => {
    const questions = [{ type: '单选', stem: '', options: [['甲']], answer: 'A' }]
    const result = failed(
      await raw(DEMO.admin, 'quiz', { action: 'bank/import', data: { format: 'json', questions } }),
    )
    expect(result.code).toBe('QUIZ.IMPORT_INVALID')
  })
})

describe('a field present with the wrong type is told so, not reported missing', () => {
  it.each([
    ['study', 'leave/decide', { leaveId: 'x_y', approve: 'yes' }, '是否批准应为“是”或“否”'],
    ['account', 'account/bindByInvite', { code: 12345678 }, '邀请码应为文字'],
    ['org', 'member/list', { orgId: 'org-c1', limit: '20' }, '每页条数应为数字'],
    ['org', 'member/update', { memberId: 'm016', patch: { orgId: 7 } }, '修改内容的组织应为文字'],
    ['study', 'lecturer/report', { orgId: 'org-c1', year: 2025.5 }, '年份应为整数'],
    [
      'study',
      'session/update',
      { sessionId: 's1', patch: { rotateSeconds: '20' } },
      '二维码刷新间隔应为数字',
    ],
    [
      'org',
      'member/setRoles',
      { memberId: 'm016', roles: [{ orgId: 7, role: 'lecturer' }] },
      '角色第1项的组织应为文字',
    ],
  ])('%s %s', async (fn, action, data, says) => {
    const result = failed(await raw(DEMO.admin, fn, { action, data }))
    expect(result.code).toBe('COMMON.INVALID_INPUT')
    expect(result.message).toContain(says)
  })

  it('a missing field is still called missing, by its Chinese name', async () => {
    const result = failed(
      await raw(DEMO.resident2, 'account', { action: 'account/bindByPhone', data: { name: '张三' } }),
    )
    expect(result.message).toBe('填写的内容有误：缺少必填项：手机号后四位')
    const noGender = {
      name: '张三',
      phone: '13900000000',
      orgId: 'org-c1-b1',
      category: '在职',
      cadreLevel: null,
    }
    const refused = failed(await raw(DEMO.admin, 'org', { action: 'member/create', data: noGender }))
    expect(refused.message).toBe('填写的内容有误：缺少必填项：性别')
  })
})

describe('a message quotes at most a short excerpt of what the caller sent', () => {
  it('a field name of sixty thousand characters comes back as twenty (a megabyte is refused as too large)', async () => {
    const name = 'k'.repeat(60_000)
    const result = failed(
      await raw(DEMO.admin, 'org', {
        action: 'org/create',
        data: { parentId: 'org-c1', name: '新支部', [name]: 1 },
      }),
    )
    expect(result.code).toBe('COMMON.INVALID_INPUT')
    expect(result.message).toBe(`填写的内容有误：有不认识的字段“${'k'.repeat(20)}…”`)
    const huge = failed(
      await raw(DEMO.admin, 'org', { action: 'org/create', data: { ['k'.repeat(1_000_000)]: 1 } }),
    )
    expect(huge).toMatchObject({ code: 'COMMON.TOO_LARGE', message: '提交的内容过大，请精简后再试' })
  })

  it('many unknown fields are counted, not listed', async () => {
    const data = Object.fromEntries(['甲', '乙', '丙', '丁', '戊'].map((k) => [k, 1]))
    const result = failed(await raw(DEMO.admin, 'account', { action: 'account/me', data }))
    expect(result.message).toBe('填写的内容有误：有不认识的字段“甲”、“乙”、“丙”等5个')
  })

  it('a question id the caller made up, as the key of an answer, is cut short too', async () => {
    const key = `${'题'.repeat(30)}`
    const result = failed(
      await raw(DEMO.member1, 'quiz', {
        action: 'attempt/save',
        data: { attemptId: 'a', answers: { [key]: 'A' } },
      }),
    )
    expect(result.code).toBe('COMMON.INVALID_INPUT')
    expect(result.message).toContain(`答案的“${'题'.repeat(20)}…”`)
    expect(result.message).not.toContain('题'.repeat(21))
  })

  it('messages name fields in Chinese, never by their code names or zod’s English', async () => {
    const result = failed(
      await raw(DEMO.admin, 'org', { action: 'member/list', data: { orgId: 'org-c1', limit: 500 } }),
    )
    expect(result.message).toBe('填写的内容有误：每页条数不能大于50')
  })
})

describe('question bank text that is an object’s "[object Object]" with spaces around it', () => {
  it('is refused by the import and by saving one question, and nothing is stored', async () => {
    const stem = { type: '单选', stem: ' [object Object] ', options: ['甲', '乙'], answer: 'A' }
    const imported = failed(
      await raw(DEMO.admin, 'quiz', { action: 'bank/import', data: { format: 'json', questions: [stem] } }),
    )
    expect(imported).toMatchObject({
      code: 'QUIZ.IMPORT_INVALID',
      details: { errors: [{ row: 1, reason: '题干不是文字' }] },
    })
    const question = { type: 'fill', stem: '中国共产党成立于____年。', answer: ['[object Object]\n'] }
    const saved = failed(await raw(DEMO.admin, 'quiz', { action: 'bank/save', data: { question } }))
    expect(saved).toMatchObject({ code: 'QUIZ.QUESTION_INVALID', message: '题目有误：答案不是文字' })
  })
})
