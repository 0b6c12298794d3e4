/**
 * The write side of the monthly rollups (domain/rollup.rules.ts explains the model). A service that creates or
 * changes a counted record calls `recordChanged(rule, before, after)` in the same call, after its own guarded
 * write has succeeded: the difference is applied to each touched node-month document with atomic increments,
 * one request per document (two the first time a node-month is counted).
 *
 * What this does not give: a transaction between the record and its rollup. A call killed between the two
 * leaves the rollup short by that record; the nightly verification (stats) finds such drift and the rebuild
 * command repairs it from raw records. Increments commute, so overlapping calls never lose one.
 */
import {
  type Bucket,
  bucketId,
  type Counts,
  diffContributions,
  nestCounts,
  type RollupRule,
} from '../domain/rollup.rules'
import { _ } from './cloud'
import { collection, isDuplicateKey } from './data'

/** `{ 'c.study.sessions.lecture': _.inc(1) }`: increments on dotted paths, which create missing fields. */
function increments(counts: Counts): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [key, n] of Object.entries(counts)) data[`c.${key}`] = _.inc(n)
  return data
}

/** Applies one node-month's change: update, or create when the month is new (a concurrent creator wins). */
export async function applyBucket(bucket: Bucket): Promise<void> {
  const id = bucketId(bucket.orgId, bucket.month)
  const rollups = collection('rollups')
  const updated = await rollups.where({ _id: id }).update({ data: increments(bucket.counts) })
  if (updated.stats.updated === 1) return
  try {
    await rollups.add({
      data: {
        _id: id,
        orgId: bucket.orgId,
        orgPath: bucket.orgPath,
        month: bucket.month,
        c: nestCounts(bucket.counts),
      },
    })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    // Created by an overlapping call between our update and our insert: increment what it made.
    const again = await rollups.where({ _id: id }).update({ data: increments(bucket.counts) })
    if (again.stats.updated !== 1) throw new Error(`rollup ${id} vanished`)
  }
}

/** Applies what a record's change (created: before null; deleted: after null) contributes to the rollups. */
export async function recordChanged<T>(
  rule: RollupRule<T>,
  before: T | null,
  after: T | null,
): Promise<void> {
  const buckets = diffContributions(before ? rule(before) : [], after ? rule(after) : [])
  for (const bucket of buckets) await applyBucket(bucket)
}

/**
 * `recordChanged` for many records changed by one call (an exam's 应考 records at publication): their differences
 * are summed per node-month first, so the requests are bounded by the nodes touched, not by the records.
 */
export async function recordsChanged<T>(
  rule: RollupRule<T>,
  changes: readonly { before: T | null; after: T | null }[],
): Promise<void> {
  const before = changes.flatMap((c) => (c.before ? rule(c.before) : []))
  const after = changes.flatMap((c) => (c.after ? rule(c.after) : []))
  for (const bucket of diffContributions(before, after)) await applyBucket(bucket)
}
