/**
 * The shape of every query the functions send (collection, filter fields, sort fields), recorded when
 * `RECORD_QUERY_SHAPES=<folder>` is set: each process appends JSON lines to `<folder>/<pid>.jsonl`.
 * `npm run test:indexes` runs the function suites with it and checks each shape against the declared
 * indexes (deploy/index-coverage.ts), so a query over a collection that grows with the street and no
 * index to serve it fails before it reaches CloudBase.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

import { currentCall } from '../call-context'
import type { Params } from './params'
import { onRequest } from './transport'
import { decodeEjson, isPlainObject } from './values'

export interface QueryShape {
  /** The call's label: `<function> <action>`. */
  call: string
  api: string
  collection: string
  /** Fields the filter constrains (dotted paths; `$and` flattened). */
  filter: string[]
  /** Sort fields in order, with their direction. */
  sort: [string, 1 | -1][]
}

const QUERYING = new Set([
  'database.getDocument',
  'database.calculateDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.aggregateDocuments',
])

const decode = (text: unknown): Record<string, unknown> => {
  if (typeof text !== 'string' || text === '') return {}
  const value = decodeEjson(text, Date.now())
  return isPlainObject(value) ? value : {}
}

/** The fields a filter constrains; an `$or` yields one filter per branch. */
function filterFields(query: Record<string, unknown>, prefix = ''): string[][] {
  let alternatives: string[][] = [[]]
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) {
        const inner = isPlainObject(part) ? filterFields(part, prefix) : [[]]
        alternatives = alternatives.flatMap((a) => inner.map((b) => [...a, ...b]))
      }
    } else if (key === '$or' && Array.isArray(value)) {
      const branches = value.flatMap((part) => (isPlainObject(part) ? filterFields(part, prefix) : [[]]))
      alternatives = alternatives.flatMap((a) => branches.map((b) => [...a, ...b]))
    } else if (key.startsWith('$')) {
      continue
    } else if (isPlainObject(value) && isPlainObject(value.$elemMatch)) {
      const nested = filterFields(value.$elemMatch, `${prefix}${key}.`)
      alternatives = alternatives.flatMap((a) => nested.map((b) => [...a, ...b]))
    } else if (isPlainObject(value) && !Object.keys(value).some((k) => k.startsWith('$'))) {
      const nested = filterFields(value, `${prefix}${key}.`)
      alternatives = alternatives.flatMap((a) => nested.map((b) => [...a, ...b]))
    } else {
      alternatives = alternatives.map((a) => [...a, `${prefix}${key}`])
    }
  }
  return alternatives.map((a) => [...new Set(a)])
}

const sortOf = (order: Record<string, unknown>): [string, 1 | -1][] =>
  Object.entries(order).map(([field, dir]) => [field, Number(dir) === -1 ? -1 : 1])

/** The shapes of one SDK request (none for inserts and requests that query nothing). */
export function shapesOf(api: string, params: Params, call: string): QueryShape[] {
  const collection = params.collectionName
  if (!QUERYING.has(api) || typeof collection !== 'string') return []
  let query: Record<string, unknown> = {}
  let sort: [string, 1 | -1][] = []
  if (api === 'database.aggregateDocuments') {
    const stages =
      typeof params.stages === 'string' ? (decodeEjson(params.stages, Date.now()) as unknown[]) : []
    const list = Array.isArray(stages) ? stages : []
    const first = list[0]
    const match = isPlainObject(first) && isPlainObject(first.$match) ? first.$match : {}
    query = match
    const second = list[isPlainObject(first) && first.$match ? 1 : 0]
    if (isPlainObject(second) && isPlainObject(second.$sort)) sort = sortOf(second.$sort)
  } else {
    query = decode(params.query)
    sort = sortOf(decode(params.order))
  }
  return filterFields(query).map((filter) => ({ call, api, collection, filter: filter.sort(), sort }))
}

let stop: (() => void) | null = null

/** Starts recording into `dir` (idempotent per process). */
export function recordQueryShapes(dir: string): void {
  if (stop) return
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${process.pid}.jsonl`)
  stop = onRequest((api, params) => {
    const shapes = shapesOf(api, params, currentCall()?.label ?? '(outside a call)')
    if (shapes.length) appendFileSync(file, shapes.map((s) => JSON.stringify(s)).join('\n') + '\n')
  })
}
