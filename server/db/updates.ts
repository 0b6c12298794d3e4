/**
 * What an update request does to one document, computed with mingo's update operators. Pure functions: the
 * caller decides where the result is written (directly, or into a transaction's pending writes).
 */
import { update as applyUpdate } from 'mingo'

import { invalidParam, requestFailed } from './errors'
import type { Doc, DocId } from './values'
import { assertStorableDoc, cloneValue, isPlainObject, sameValue } from './values'

export const MINGO_OPTIONS = { scriptEnabled: false }

export function hasOperators(data: Record<string, unknown>): boolean {
  return Object.keys(data).some((key) => key.startsWith('$'))
}

/** Puts `_id` first, as MongoDB stores it, and drops undefined fields. */
export function withId(id: DocId, fields: Record<string, unknown>): Doc {
  const doc: Doc = { _id: id }
  for (const [key, value] of Object.entries(fields)) {
    if (key !== '_id' && value !== undefined) doc[key] = value
  }
  return doc
}

/**
 * The document an update produces, or null if it changes nothing. `merge` means operator updates
 * (doc.update / where().update); otherwise `data` replaces the document (doc.set).
 */
export function nextDoc(
  doc: Doc,
  data: Record<string, unknown>,
  merge: boolean,
  query: Record<string, unknown>,
): Doc | null {
  let next: Doc
  if (merge) {
    if (!hasOperators(data)) throw invalidParam('an update document must use update operators')
    next = cloneValue(doc)
    // The query is passed so that positional `field.$` paths resolve against the matched element.
    applyUpdate(next, data, undefined, query, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS })
  } else {
    if (hasOperators(data)) throw invalidParam('a replacement document cannot contain update operators')
    next = withId(doc._id, data)
  }
  if (!sameValue(next._id, doc._id) || (!merge && data._id !== undefined && !sameValue(data._id, doc._id))) {
    throw requestFailed("Performing an update on the path '_id' would modify the immutable field '_id'.")
  }
  assertStorableDoc(next)
  return sameValue(doc, next) ? null : next
}

/** The document an upsert creates when nothing matched. */
export function upsertDoc(
  id: DocId,
  data: Record<string, unknown>,
  merge: boolean,
  query: Record<string, unknown>,
): Doc {
  if (!merge) {
    if (hasOperators(data)) throw invalidParam('a replacement document cannot contain update operators')
    const doc = withId(id, data)
    assertStorableDoc(doc)
    return doc
  }
  // Like MongoDB: seed the new document with the query's equality fields, then apply the operators.
  const seed: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue
    if (isPlainObject(value) && hasOperators(value)) continue
    seed[key] = value
  }
  const doc = withId(id, seed)
  applyUpdate(doc, data, undefined, undefined, { cloneMode: 'deep', queryOptions: MINGO_OPTIONS })
  assertStorableDoc(doc)
  return doc
}
