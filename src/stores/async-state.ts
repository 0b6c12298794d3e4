import type { ErrorCode } from '@contract/index'

import { ApiError, messageOf } from '../services/cloud'

/**
 * The state every screen shows: loading, an error with a retry, or data (possibly empty). An
 * error keeps the server's code when there is one, so a screen can tell "not there" (offer 返回)
 * from "try again" (offer 重试).
 */
export type Loadable<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string; code?: ErrorCode }
  | { status: 'ready'; data: T }

export const idle = { status: 'idle' } as const

/** Runs a load and reports each step through `set`. */
export async function track<T>(set: (state: Loadable<T>) => void, load: () => Promise<T>): Promise<T | null> {
  set({ status: 'loading' })
  try {
    const data = await load()
    set({ status: 'ready', data })
    return data
  } catch (error) {
    set({
      status: 'error',
      message: messageOf(error),
      code: error instanceof ApiError ? error.code : undefined,
    })
    return null
  }
}
