/**
 * Reading the fields of an SDK request (`params` of `send(api, params)`).
 */
import { invalidParam } from './errors'
import { decodeEjson, isPlainObject } from './values'

export type Params = Record<string, unknown>

export function str(params: Params, name: string): string {
  const value = params[name]
  if (typeof value !== 'string') throw invalidParam(`${name} must be a string`)
  return value
}

export function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name]
  if (value === undefined || value === null) return undefined
  if (!Number.isInteger(value)) throw invalidParam(`${name} must be an integer`)
  return value as number
}

/** An EJSON-encoded object field (query, data, order, projection); absent means `{}`. */
export function decodeObject(text: unknown, now: number, what: string): Record<string, unknown> {
  if (text === undefined || text === null || text === '') return {}
  if (typeof text !== 'string') throw invalidParam(`${what} must be an EJSON string`)
  const value = decodeEjson(text, now)
  if (!isPlainObject(value)) throw invalidParam(`${what} must be an object`)
  return value
}
