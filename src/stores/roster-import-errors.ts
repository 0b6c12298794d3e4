import type { RowError } from '../../cloudfunctions/domain/roster-import.rules'

/**
 * The bad rows a failed import reports in its ApiError `details` ({ errors: [{ row, reason }] }),
 * read defensively: `details` crosses the wire as unknown.
 */
export function rowErrorsOf(details: unknown): RowError[] {
  if (typeof details !== 'object' || details === null || !('errors' in details)) return []
  const { errors } = details as { errors: unknown }
  if (!Array.isArray(errors)) return []
  return errors.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return []
    const { row, reason } = e as { row?: unknown; reason?: unknown }
    return typeof row === 'number' && typeof reason === 'string' ? [{ row, reason }] : []
  })
}

/** "第3行：手机号应为11位数字" */
export function formatRowError(error: RowError): string {
  return `第${error.row}行：${error.reason}`
}
