import * as z from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

import type { Fail, Result } from '../contract/envelope'
import { formatMessage } from '../contract/errors'
import { AppError } from './app-error'
import { type CallContext, createContext } from './caller'
import { callerOpenid } from './cloud'

// Messages of checks that name none of their own (a number's range, an enum) come in Chinese too.
z.config(zhCN())

/**
 * Above this a request is refused before it is parsed, whatever the action: files travel through cloud storage
 * and a call carries only their fileID (common/files.ts).
 */
const MAX_REQUEST_CHARS = 64 * 1024

export interface Route<S extends z.ZodType, O> {
  input: S
  handle(input: z.output<S>, ctx: CallContext): Promise<O>
}

export function route<S extends z.ZodType, O>(
  input: S,
  handle: (input: z.output<S>, ctx: CallContext) => Promise<O>,
): Route<S, O> {
  return { input, handle }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RouteTable = Record<string, Route<any, unknown>>

function fail(error: AppError): Fail {
  return error.details === undefined
    ? { ok: false, code: error.code, message: error.message }
    : { ok: false, code: error.code, message: error.message, details: error.details }
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : ''
  if (issue.code === 'unrecognized_keys') return `不认识的字段 ${issue.keys.join('、')}`
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where}缺少必填项`
  return `${where}${issue.message}`
}

/**
 * The whole of a cloud function's `main`: checks the envelope, finds the route, validates
 * the input with its schema, runs it with the caller's context, and turns every outcome
 * into one result envelope. Unexpected errors are logged and answered with COMMON.INTERNAL.
 */
export function createMain(routes: RouteTable) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    try {
      if (typeof event !== 'object' || event === null) throw new AppError('COMMON.BAD_REQUEST')
      const { action, data } = event as { action?: unknown; data?: unknown }
      if (typeof action !== 'string' || action.length > 64) throw new AppError('COMMON.BAD_REQUEST')
      const target = Object.prototype.hasOwnProperty.call(routes, action) ? routes[action] : undefined
      if (!target) throw new AppError('COMMON.UNKNOWN_ACTION')
      const size = JSON.stringify(data ?? {}).length
      if (size > MAX_REQUEST_CHARS) throw new AppError('COMMON.TOO_LARGE')
      const parsed = target.input.safeParse(data ?? {})
      if (!parsed.success) {
        // Unknown fields first: a request naming something it may not (a caller, a role) is told so plainly.
        const issues = [...parsed.error.issues].sort(
          (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
        )
        const detail = issues.slice(0, 3).map(describeIssue).join('；')
        throw new AppError('COMMON.INVALID_INPUT', { detail })
      }
      const openid = callerOpenid()
      if (!openid) throw new AppError('COMMON.UNAUTHENTICATED')
      return { ok: true, data: await target.handle(parsed.data, createContext(openid)) }
    } catch (error) {
      if (error instanceof AppError) return fail(error)
      console.error('[unhandled]', error)
      return { ok: false, code: 'COMMON.INTERNAL', message: formatMessage('COMMON.INTERNAL') }
    }
  }
}
