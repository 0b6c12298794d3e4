import type { ErrorCode } from '@contract/errors'

import { ApiError, messageOf } from '../services/cloud'

/** How a change sent by an admin screen ended: its data, or the message (and code) to show. */
export type Outcome<T> =
  { ok: true; data: T } | { ok: false; message: string; code: ErrorCode | null; details?: unknown }

/** Runs a change and turns a rejection into an Outcome, so screens never handle exceptions. */
export async function attempt<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, data: await run() }
  } catch (error) {
    return error instanceof ApiError
      ? { ok: false, message: error.message, code: error.code, details: error.details }
      : { ok: false, message: messageOf(error), code: null }
  }
}
