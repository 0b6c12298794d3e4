import type { ErrorCode } from './errors'

/** What every action answers: data on success, or a stable code and a Chinese message. */
export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: ErrorCode; message: string; details?: unknown }
export type Result<T> = Ok<T> | Fail

/** The request body of every cloud function call; identity is never part of it. */
export interface ActionEvent {
  action: string
  data?: unknown
}
