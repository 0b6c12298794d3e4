import * as z from 'zod'

import { MANIFESTS } from '../../cloudfunctions/manifests'
import { type Backend, DEMO, failed, startBackend } from '../support/backend'

/**
 * Every action of every function, called by the most powerful person (the street admin) with
 * input no schema accepts, answers a stable code and a Chinese message and changes nothing.
 */
const ACTIONS = Object.values(MANIFESTS).flatMap((manifest) =>
  Object.entries(manifest.routes).map(
    ([action, schema]: [string, z.ZodType]) => [manifest.name, action, schema] as const,
  ),
)

/**
 * A union told apart by one field (bank/import by `format`) stops at that field when it is missing,
 * before looking at any other: the first branch's value of it lets a request reach the strict object behind.
 */
function unionTag(schema: z.ZodType): Record<string, unknown> {
  if (!(schema instanceof z.ZodDiscriminatedUnion)) return {}
  const key = schema.def.discriminator
  const branch = schema.options[0]
  const tag = branch instanceof z.ZodObject ? branch.shape[key] : undefined
  return tag instanceof z.ZodLiteral ? { [key]: tag.value } : {}
}

let backend: Backend
let before: Record<string, unknown[]>
beforeAll(async () => {
  backend = await startBackend()
  before = await backend.snapshot()
})
afterAll(() => backend.close())

const chinese = /[\u4e00-\u9fa5]/
/** What zod says when a schema names no message of its own: it must never reach a member. */
const english = /\b(Invalid|expected|received|Too (small|big)|Unrecognized)\b/

describe.each(ACTIONS)('%s %s', (fn, action, schema) => {
  it('refuses data of the wrong type', async () => {
    for (const data of ['text', 42, [1, 2], true]) {
      const result = failed(await backend.raw(DEMO.admin, fn, { action, data }))
      expect(result.code).toBe('COMMON.INVALID_INPUT')
      expect(result.message).toMatch(chinese)
      expect(result.message).not.toMatch(english)
    }
  })

  it('refuses unknown fields, such as one naming the caller', async () => {
    const result = failed(
      await backend.raw(DEMO.admin, fn, {
        action,
        data: { ...unionTag(schema), openid: DEMO.member1, role: 'street_admin' },
      }),
    )
    expect(result.code).toBe('COMMON.INVALID_INPUT')
    expect(result.message).toContain('不认识的字段')
  })

  it('refuses a request far larger than any action takes', async () => {
    const result = failed(await backend.raw(DEMO.admin, fn, { action, data: { x: '党'.repeat(2_000_000) } }))
    expect(result.code).toBe('COMMON.TOO_LARGE')
  })
})

describe('after all of that', () => {
  it('no collection changed', async () => {
    expect(await backend.snapshot()).toEqual(before)
  })

  it('an unknown function answers as the host does', async () => {
    await expect(backend.runtime.invoke('nosuch', { action: 'x' }, { openid: DEMO.admin })).rejects.toThrow()
  })
})
