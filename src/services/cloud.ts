import { ERRORS } from '@contract/errors'
import type { ActionOf, ErrorCode, FunctionName, InputOf, OutputOf, Result } from '@contract/index'
import Taro from '@tarojs/taro'

import { clearSessionToken, getSessionToken } from './session'

/** A failure answered by a cloud function, or a network failure, with its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

async function transport(
  fn: FunctionName,
  event: { action: string; data: unknown },
): Promise<Result<unknown>> {
  if (process.env.TARO_ENV === 'h5') {
    // The local host runs the same bundled functions; the demo sign-in token stands in for WeChat.
    const token = getSessionToken()
    const res = await Taro.request<Result<unknown>>({
      url: `/fn/${fn}`,
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    return res.data
  }
  const res = await Taro.cloud.callFunction({ name: fn, data: event })
  return res.result as Result<unknown>
}

/**
 * The one way the app talks to its cloud functions. Resolves with the action's data or
 * rejects with an ApiError carrying the stable code and the message to show.
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  data: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  let result: Result<unknown>
  try {
    result = await transport(fn, { action, data })
  } catch {
    throw new ApiError('COMMON.NETWORK', ERRORS['COMMON.NETWORK'])
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiError('COMMON.INTERNAL', ERRORS['COMMON.INTERNAL'])
  }
  if (!result.ok) {
    if (result.code === 'COMMON.UNAUTHENTICATED') clearSessionToken()
    throw new ApiError(result.code, result.message, result.details)
  }
  return result.data as OutputOf<F, A>
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : ERRORS['COMMON.INTERNAL']
}
