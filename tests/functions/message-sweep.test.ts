import { EXCERPT_MAX } from '../../cloudfunctions/contract/errors'
import { DEMO, failed } from '../support/backend'
import { refusalBackend } from '../support/refusals'
import { fieldPaths, inputAt, INPUTS } from '../support/schema-fields'

/**
 * Every action of every function, called by the street admin with a battery of bad input: each
 * field of its schema (nested ones too) given each wrong value, the data itself of a wrong kind,
 * unknown fields with long names. Every answer must be a refusal with a stable code and a
 * Chinese message: no English word (zod's "number", "record", "key", a field's code name), no
 * more of the caller's text than a short quoted excerpt, and no longer than a screen's few lines.
 */
const MESSAGE_MAX = 200
/**
 * ASCII words a message may hold: the names of the file formats the 导入 screens themselves show, and the letters
 * a 志愿服务记录证明's serial is printed with (ZYFW-2026-…), as its 查验 screen shows them.
 */
const ALLOWED_WORDS = new Set(['xlsx', 'JSON', 'ZYFW'])
const REFUSALS = ['COMMON.INVALID_INPUT', 'COMMON.TOO_LARGE', 'COMMON.TOO_DEEP']

const WRONG_VALUES: unknown[] = [
  42,
  -1,
  1.5,
  1e308,
  'text',
  '',
  '   ',
  'number record key string expected received',
  'x'.repeat(5_000),
  true,
  null,
  [],
  [1, 'two'],
  {},
  { nested: { deeper: 'value' } },
]
const WRONG_DATA: unknown[] = ['text', 42, true, [], [{}], null]
const LONG_NAME = 'unknownFieldName'.repeat(600)

/**
 * Every probe for one action that its own schema refuses (as the router reads it: no data is an
 * empty object), so nothing a probe sends is ever acted on.
 */
function probes(schema: (typeof INPUTS)[string][string]): unknown[] {
  const all: unknown[] = [
    ...WRONG_DATA,
    {},
    { [LONG_NAME]: 1 },
    { openid: DEMO.member1, role: 'street_admin', collection: 'members', [`${LONG_NAME}2`]: 2 },
    ...fieldPaths(schema).flatMap((path) => WRONG_VALUES.map((value) => inputAt(path, value))),
  ]
  return all.filter((data) => !schema.safeParse(data ?? {}).success)
}

const ACTIONS = Object.entries(INPUTS).flatMap(([fn, inputs]) =>
  Object.entries(inputs).map(([action, schema]) => ({ fn, action, schema })),
)

const env = refusalBackend([DEMO.admin])

/** What a message says once the caller's own quoted text is taken out, and the quotes themselves. */
function split(message: string): { ours: string; quoted: string[] } {
  const quoted: string[] = []
  const ours = message.replace(/“([^”]*)”/g, (_, q: string) => {
    quoted.push(q)
    return '“”'
  })
  return { ours, quoted }
}

describe.each(ACTIONS)('$fn $action', ({ fn, action, schema }) => {
  it('refuses every bad input in short Chinese, quoting only excerpts', async () => {
    const list = probes(schema)
    expect(list.length).toBeGreaterThan(5)
    for (const data of list) {
      const result = failed(await env.backend.raw(DEMO.admin, fn, { action, data }))
      const context = `${fn} ${action} ${JSON.stringify(data).slice(0, 120)} → ${result.message}`
      expect([context, REFUSALS.includes(result.code)]).toEqual([context, true])
      const { ours, quoted } = split(result.message)
      const english = (ours.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w))
      expect([context, english]).toEqual([context, []])
      expect([context, ours]).toEqual([context, expect.stringMatching(/[\u4e00-\u9fa5]/)])
      expect([context, result.message.length <= MESSAGE_MAX]).toEqual([context, true])
      for (const q of quoted) expect([context, [...q].length <= EXCERPT_MAX + 1]).toEqual([context, true])
    }
  })
})

it('after all of that, nothing changed', async () => {
  expect(await env.backend.snapshot()).toEqual(env.before)
})
