/**
 * A stand-in cloud backend for page tests: answers `{ action, data }` calls with the envelope the real
 * functions return (`{ ok: true, data } | { ok: false, code, message }`), messages from the shared table.
 */
import type { Fail, Ok, Result } from '@contract/envelope'
import { type ErrorCode, formatMessage } from '@contract/errors'
import type { ActionOf, Api, FunctionName } from '@contract/index'

import type { CloudHandler } from './harness'

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })

export const fail = (code: ErrorCode, params: Record<string, string | number> = {}): Fail => ({
  ok: false,
  code,
  message: formatMessage(code, params),
})

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void
  ? I
  : never

/** Every action of every function, keyed by action name (action names carry their domain, e.g. 'account/me'). */
type ActionTable = UnionToIntersection<
  { [F in FunctionName]: { [A in ActionOf<F>]: Api[F][A] } }[FunctionName]
>

/** One action's answer, typed by the contract: gets the action's input, returns its envelope (maybe later). */
export type ActionHandlers = {
  [A in keyof ActionTable]?: ActionTable[A] extends { input: infer I; output: infer O }
    ? (input: I, fn: FunctionName) => Result<O> | Promise<Result<O>>
    : never
}

/**
 * A cloud handler from a table of actions, e.g. `backend({ 'account/me': () => ok(me) })`.
 * An action missing from the table answers COMMON.UNKNOWN_ACTION, as the real router does.
 */
export function backend(actions: ActionHandlers): CloudHandler {
  return async (fn, event) => {
    const { action, data } = (event ?? {}) as { action?: string; data?: unknown }
    const handler = actions[String(action) as keyof ActionHandlers] as
      ((input: unknown, fn: string) => Result<unknown> | Promise<Result<unknown>>) | undefined
    if (!handler) return fail('COMMON.UNKNOWN_ACTION')
    return handler(data, fn)
  }
}

/** A promise the test resolves when it wants, to look at the screen while a call is still under way. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
