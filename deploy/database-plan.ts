import type { IndexSpec } from '../cloudfunctions/common/collections'

/**
 * Collections and indexes, declared once in cloudfunctions/common/collections.ts (COLLECTIONS, INDEXES), brought
 * to an env idempotently: a pure plan from the declared and the current state, then applied with
 * @cloudbase/manager-node (deploy/apply.ts). Applying a plan and planning again gives nothing to do.
 */

/** An index as it stands in an env (the declared shape, without the collection). */
export interface IndexState {
  name: string
  fields: Record<string, 1 | -1>
  unique?: boolean
}

/** An env's collections and their indexes (the `_id_` index is implicit and never listed or dropped). */
export interface DatabaseState {
  collections: Record<string, IndexState[]>
}

export interface CollectionPlan {
  collection: string
  /** The collection does not exist yet. */
  create: boolean
  keep: string[]
  /** Declared and missing, or declared with other fields or uniqueness (then also dropped first). */
  createIndexes: IndexState[]
  /** Present and not declared, or present with other fields or uniqueness than declared. */
  dropIndexes: string[]
}

export interface DatabasePlan {
  collections: CollectionPlan[]
  /** Collections in the env that collections.ts does not declare: left as they are. */
  unmanaged: string[]
}

const sameIndex = (a: IndexState, b: IndexState) =>
  JSON.stringify(Object.entries(a.fields)) === JSON.stringify(Object.entries(b.fields)) &&
  (a.unique === true) === (b.unique === true)

export function planDatabase(
  collections: readonly string[],
  indexes: readonly IndexSpec[],
  current: DatabaseState,
): DatabasePlan {
  const plans = collections.map((collection): CollectionPlan => {
    const existing = current.collections[collection]
    const declared = indexes.filter((i) => i.collection === collection)
    const plan: CollectionPlan = {
      collection,
      create: !existing,
      keep: [],
      createIndexes: [],
      dropIndexes: [],
    }
    for (const index of declared) {
      const wanted: IndexState = {
        name: index.name,
        fields: { ...index.fields },
        unique: index.unique === true,
      }
      const present = existing?.find((i) => i.name === index.name)
      if (present && sameIndex(present, wanted)) plan.keep.push(index.name)
      else {
        if (present) plan.dropIndexes.push(index.name)
        plan.createIndexes.push(wanted)
      }
    }
    for (const index of existing ?? []) {
      if (index.name !== '_id_' && !declared.some((d) => d.name === index.name))
        plan.dropIndexes.push(index.name)
    }
    return plan
  })
  return {
    collections: plans,
    unmanaged: Object.keys(current.collections)
      .filter((name) => !collections.includes(name))
      .sort(),
  }
}

export const hasChanges = (plan: DatabasePlan) =>
  plan.collections.some((c) => c.create || c.createIndexes.length > 0 || c.dropIndexes.length > 0)

/** The state after a plan is applied (what the env holds once `applyDatabasePlan` has run). */
export function applyToState(plan: DatabasePlan, current: DatabaseState): DatabaseState {
  const next: DatabaseState = { collections: { ...current.collections } }
  for (const c of plan.collections) {
    const kept = (next.collections[c.collection] ?? []).filter((i) => !c.dropIndexes.includes(i.name))
    next.collections[c.collection] = [...kept, ...c.createIndexes]
  }
  return next
}

const describeIndex = (i: IndexState) =>
  `${i.name} (${Object.entries(i.fields)
    .map(([field, order]) => `${field} ${order}`)
    .join(', ')}${i.unique ? ', unique' : ''})`

/** The plan as `--dry-run` prints it: one line per change, kept indexes named. */
export function formatDatabasePlan(plan: DatabasePlan): string[] {
  const lines: string[] = []
  for (const c of plan.collections) {
    lines.push(`  ${c.create ? 'create' : 'keep'} collection ${c.collection}`)
    for (const name of c.dropIndexes) lines.push(`    drop index ${name}`)
    for (const index of c.createIndexes) lines.push(`    create index ${describeIndex(index)}`)
    for (const name of c.keep) lines.push(`    keep index ${name}`)
  }
  for (const name of plan.unmanaged) lines.push(`  leave collection ${name} (not declared in collections.ts)`)
  if (!hasChanges(plan)) lines.push('  nothing to change')
  return lines
}

/** What manager-node's describeCollection answers, turned into an IndexState list. */
export function indexesFromDescription(description: {
  Indexes?: { Name: string; Keys?: { Name?: string; Direction?: string | number }[]; Unique?: boolean }[]
}): IndexState[] {
  return (description.Indexes ?? []).map((index) => ({
    name: index.Name,
    fields: Object.fromEntries(
      (index.Keys ?? []).map((key) => [key.Name ?? '', Number(key.Direction) === -1 ? -1 : 1] as const),
    ),
    unique: index.Unique === true,
  }))
}

/** An index as manager-node's updateCollection takes it. */
export function createIndexRequest(index: IndexState) {
  return {
    IndexName: index.name,
    MgoKeySchema: {
      MgoIndexKeys: Object.entries(index.fields).map(([Name, Direction]) => ({
        Name,
        Direction: String(Direction),
      })),
      MgoIsUnique: index.unique === true,
    },
  }
}
