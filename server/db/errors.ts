/**
 * CloudBase-shaped database errors. The codes are the ones @cloudbase/database and wx-server-sdk know
 * (wx-server-sdk maps e.g. DATABASE_COLLECTION_NOT_EXIST to errCode -502005); the messages copy the
 * text CloudBase returns, so code that inspects `errMsg` (for "E11000", "Db or Table not exist", ...)
 * behaves the same locally.
 */

export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'DATABASE_REQUEST_FAILED'
  | 'DATABASE_INVALID_OPERRATOR' // sic: the spelling CloudBase and wx-server-sdk use
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_TRANSACTION_CONFLICT'

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'DbError'
  }
}

export interface ErrorResponse {
  code: DbErrorCode
  message: string
  requestId: string
}

export function isErrorResponse(value: unknown): value is ErrorResponse {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string'
}

export const invalidParam = (message: string): DbError => new DbError('INVALID_PARAM', message)

export const requestFailed = (message: string): DbError => new DbError('DATABASE_REQUEST_FAILED', message)

export const invalidOperator = (message: string): DbError =>
  new DbError('DATABASE_INVALID_OPERRATOR', message)

export const collectionNotExist = (name: string): DbError =>
  new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  )

export const collectionAlreadyExist = (name: string): DbError =>
  new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceUnavailable.ResourceExist] Table exist. ${name}`)

export const transactionConflict = (detail: string): DbError =>
  new DbError(
    'DATABASE_TRANSACTION_CONFLICT',
    `[ResourceUnavailable.TransactionConflict] Transaction is conflicting with another transaction: ${detail}`,
  )

/** MongoDB's E11000 text as CloudBase relays it inside a DATABASE_REQUEST_FAILED response. */
export const duplicateKey = (
  operation: 'Insert' | 'Update',
  collection: string,
  indexName: string,
  keyText: string,
): DbError =>
  requestFailed(
    `[FailedOperation.${operation}] bulk write error: [{E11000 duplicate key error collection: ` +
      `local.${collection} index: ${indexName} dup key: ${keyText}}]`,
  )

/** Normalises anything thrown while executing a request into a DbError. */
export function toDbError(error: unknown): DbError {
  if (error instanceof DbError) return error
  const message = error instanceof Error ? error.message : String(error)
  return requestFailed(message)
}
