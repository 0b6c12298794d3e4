import * as z from 'zod'

import type { Fail, Result } from '../contract/envelope'
import { formatMessage } from '../contract/errors'
import type { ActionOf, FunctionName, OutputOf, SchemaOf } from '../contract/index'
import { AppError } from './app-error'
import { type CallContext, createContext } from './caller'
import { callerOpenid } from './cloud'
import { describeIssue, localeError, measureInput } from './input-issues'

// Messages of checks that name none of their own (a number's range, an enum) come in Chinese too.
z.config({ localeError })

/**
 * Above this a request is refused before it is parsed, whatever the action: files travel through cloud storage
 * and a call carries only their fileID (common/files.ts).
 */
const MAX_REQUEST_CHARS = 64 * 1024

/**
 * Type-only key: gives every route a member in which its output type sits on both sides of a function,
 * so `Route<S, O>` is invariant in O. A plain `Promise<O>` return is covariant, and a handler returning
 * a stored document where the contract promises a view (its `openid`, its phone) would then still compile.
 */
declare const exactOutput: unique symbol

export interface Route<S extends z.ZodType, O> {
  input: S
  handle(input: z.output<S>, ctx: CallContext): Promise<O>
  readonly [exactOutput]?: (output: O) => O
}

export function route<S extends z.ZodType, O>(
  input: S,
  handle: (input: z.output<S>, ctx: CallContext) => Promise<O>,
): Route<S, O> {
  return { input, handle }
}

/**
 * A function's route table as its contract requires it: one route per action of `F`, no other, each
 * validating with that action's schema and resolving to exactly that action's output type. Written as
 * the type of `routes` in `<function>/index.ts`, so a forgotten or extra route fails `tsc`.
 */
export type RoutesOf<F extends FunctionName> = {
  [A in ActionOf<F>]: Route<SchemaOf<F, A>, OutputOf<F, A>>
}

/** What `createMain` dispatches over: any function's `RoutesOf`, seen by action name. */
export type RouteTable = Record<string, Pick<Route<z.ZodType, unknown>, 'input' | 'handle'>>

function fail(error: AppError): Fail {
  return error.details === undefined
    ? { ok: false, code: error.code, message: error.message }
    : { ok: false, code: error.code, message: error.message, details: error.details }
}

/** What a scheduled run knows: the moment it runs and which trigger fired it. No caller: nobody asked. */
export interface TimerContext {
  readonly now: number
  readonly trigger: string
}

/** A scheduled job. It must be safe when two runs overlap (CloudBase may start one before the last ends). */
export type TimerHandler = (ctx: TimerContext) => Promise<unknown>

export interface MainOptions {
  /** Handlers by trigger name: each name is one of the function's manifest `triggers`. */
  timers?: Readonly<Record<string, TimerHandler>>
}

/** CloudBase invokes a timer trigger with `{ Type: 'Timer', TriggerName, Time }` and no OPENID. */
function isTimerEvent(event: unknown): event is { Type: 'Timer'; TriggerName?: unknown } {
  return typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer'
}

async function runTimer(event: { TriggerName?: unknown }, timers: MainOptions['timers']): Promise<unknown> {
  // A call from the app always carries the caller's OPENID; only the platform's scheduler has none.
  if (callerOpenid() !== null) throw new AppError('COMMON.TIMER_ONLY')
  const name = typeof event.TriggerName === 'string' ? event.TriggerName : ''
  const handler = timers && Object.prototype.hasOwnProperty.call(timers, name) ? timers[name] : undefined
  if (!handler) throw new AppError('COMMON.UNKNOWN_ACTION')
  return handler({ now: Date.now(), trigger: name })
}

/**
 * The whole of a cloud function's `main`: checks the envelope, finds the route, validates
 * the input with its schema, runs it with the caller's context, and turns every outcome
 * into one result envelope. Unexpected errors are logged and answered with COMMON.INTERNAL.
 * A timer event goes to the handler of its trigger, and is refused from any caller.
 */
export function createMain(routes: RouteTable, options: MainOptions = {}) {
  return async function main(event: unknown): Promise<Result<unknown>> {
    try {
      if (isTimerEvent(event)) return { ok: true, data: await runTimer(event, options.timers) }
      if (typeof event !== 'object' || event === null) throw new AppError('COMMON.BAD_REQUEST')
      const { action, data } = event as { action?: unknown; data?: unknown }
      if (typeof action !== 'string' || action.length > 64) throw new AppError('COMMON.BAD_REQUEST')
      const target = Object.prototype.hasOwnProperty.call(routes, action) ? routes[action] : undefined
      if (!target) throw new AppError('COMMON.UNKNOWN_ACTION')
      const shape = measureInput(data ?? {}, MAX_REQUEST_CHARS)
      if (shape === 'too_large') throw new AppError('COMMON.TOO_LARGE')
      if (shape === 'too_deep') throw new AppError('COMMON.TOO_DEEP')
      // The input is reported so that a field of the wrong type is told apart from a missing one.
      const parsed = target.input.safeParse(data ?? {}, { reportInput: true })
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
