import { type ErrorCode, formatMessage } from '../contract/errors'

/** A failure the caller should see: it becomes `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(formatMessage(code, params))
    this.name = 'AppError'
  }
}

export function assertFound<T>(value: T | null | undefined, code: ErrorCode = 'COMMON.NOT_FOUND'): T {
  if (value === null || value === undefined) throw new AppError(code)
  return value
}
