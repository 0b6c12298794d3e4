import type { Query } from 'wx-server-sdk'

/** CloudBase returns at most 1000 documents per get(); this reads a bounded query page by page. */
const PAGE = 1000
/** A guard against unbounded reads: a street has hundreds of members and thousands of records a year. */
const MAX_DOCS = 50_000

export async function fetchAll<T>(query: Query): Promise<T[]> {
  const all: T[] = []
  for (let offset = 0; offset < MAX_DOCS; offset += PAGE) {
    const page = await query.skip(offset).limit(PAGE).get()
    all.push(...(page.data as T[]))
    if (page.data.length < PAGE) return all
  }
  throw new Error(`query exceeded ${MAX_DOCS} documents`)
}

/** The SDK's error for a unique-key violation (CloudBase errCode -502001, "E11000 duplicate key"). */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { errCode, message, errMsg } = error as { errCode?: unknown; message?: unknown; errMsg?: unknown }
  return (
    errCode === -502001 || /E11000|duplicate key/i.test(`${String(message ?? '')} ${String(errMsg ?? '')}`)
  )
}
