import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import {
  BOUNDED_COLLECTIONS,
  COLLECTIONS,
  GROWING_COLLECTIONS,
  type IndexSpec,
} from '../../cloudfunctions/common/collections'
import { INDEXES } from '../../cloudfunctions/common/collections'
import { MANIFESTS } from '../../cloudfunctions/manifests'
import { servingIndex, unservedQueries } from '../../deploy/index-coverage'
import type { QueryShape } from '../../server/db/query-shapes'

const root = join(__dirname, '..', '..')
const shape = (filter: string[], sort: [string, 1 | -1][] = [], collection = 'c'): QueryShape => ({
  call: 'study session/list',
  api: 'database.getDocument',
  collection,
  filter,
  sort,
})
const index = (name: string, fields: Record<string, 1 | -1>): IndexSpec =>
  ({ collection: 'c', name, fields }) as unknown as IndexSpec

describe('the prefix rule', () => {
  const indexes = [
    index('org_start', { orgPath: 1, startAt: 1 }),
    index('month_org', { month: 1, orgPath: 1 }),
  ]

  it('serves a filter on the leading fields, with more fields filtered after the index', () => {
    expect(servingIndex(shape(['orgPath']), indexes)).toBe('org_start')
    expect(servingIndex(shape(['orgPath', 'status']), indexes)).toBe('org_start')
    expect(servingIndex(shape(['month', 'orgPath', 'format']), indexes)).toBe('month_org')
    expect(servingIndex(shape(['_id', 'status']), indexes)).toBe('_id_')
  })

  it('does not serve a filter that misses the leading field, or a whole-collection read', () => {
    expect(servingIndex(shape(['startAt']), indexes)).toBeNull()
    expect(servingIndex(shape(['status']), indexes)).toBeNull()
    expect(servingIndex(shape([]), indexes)).toBeNull()
  })

  it('serves a sort only on the fields that follow the filtered prefix, in the index order or reversed', () => {
    expect(servingIndex(shape(['orgPath'], [['startAt', -1]]), indexes)).toBe('org_start')
    expect(
      servingIndex(
        shape(
          [],
          [
            ['orgPath', 1],
            ['startAt', 1],
          ],
        ),
        indexes,
      ),
    ).toBe('org_start')
    expect(servingIndex(shape(['orgPath'], [['createdAt', -1]]), indexes)).toBeNull()
    expect(servingIndex(shape(['month'], [['startAt', 1]]), indexes)).toBeNull()
    expect(servingIndex(shape(['month', 'orgPath'], [['orgPath', 1]]), indexes)).toBe('month_org')
  })

  it('reports each unserved shape over a growing collection once, with the calls that made it', () => {
    const shapes = [
      shape(['status']),
      { ...shape(['status']), call: 'study session/get' },
      shape(['orgPath']),
    ]
    expect(unservedQueries(shapes, indexes, ['c'], { study: ['c'] })).toEqual([
      'c filter [status] (study session/get; study session/list)',
    ])
    expect(unservedQueries(shapes, indexes, [], { study: ['c'] })).toEqual([])
    expect(unservedQueries(shapes, indexes, ['c'], { quiz: ['c'] })).toEqual([])
    expect(unservedQueries(shapes, indexes, ['c'], { study: ['d'] })).toEqual([])
  })
})

describe('the declared collections', () => {
  it('are each either growing or bounded, once', () => {
    const listed = [...GROWING_COLLECTIONS, ...BOUNDED_COLLECTIONS]
    expect([...listed].sort()).toEqual(Object.values(COLLECTIONS).sort())
    expect(new Set(listed).size).toBe(listed.length)
  })
})

/**
 * The shapes the functions' queries take, as the local database records them (server/db/query-shapes.ts) while
 * the function suites run. `npm test` records them during its jest run and points QUERY_SHAPES_DIR here; run
 * alone, this test runs the function suites itself.
 */
function recordedShapes(): QueryShape[] {
  let dir = process.env.QUERY_SHAPES_DIR
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'query-shapes-'))
    execFileSync('npx', ['jest', '--selectProjects', 'functions'], {
      cwd: root,
      env: { ...process.env, RECORD_QUERY_SHAPES: dir },
      stdio: 'ignore',
    })
  }
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(join(dir as string, file), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as QueryShape)
}

describe('every query the functions make over a growing collection', () => {
  let shapes: QueryShape[]
  beforeAll(() => {
    shapes = recordedShapes()
  }, 1_800_000)

  it('was recorded from every function', () => {
    const functions = new Set(shapes.map((s) => s.call.split(' ')[0]))
    for (const name of Object.keys(MANIFESTS)) expect(functions).toContain(name)
  })

  it('is served by a declared index (its filter and sort fields, prefix rule)', () => {
    expect(
      unservedQueries(
        shapes,
        INDEXES,
        GROWING_COLLECTIONS.map((c) => c as string),
        Object.fromEntries(
          Object.values(MANIFESTS).map((m) => [m.name, [...m.reads, ...m.writes] as string[]]),
        ),
      ),
    ).toEqual([])
  })
})
