import type { CallbackSummary, Ratings } from '../domain/callback.rules'

/**
 * One window-service item of the ledger (事项, 经办人, 服务对象, 联系电话, 办结日期, 所在社区), imported from the
 * service hall's .xlsx export or entered by hand. `_id` is `led` + a hash of the item's fields, so the same row
 * imported twice (or entered again by hand) is refused, not stored twice. `phone` never leaves the function
 * except through callback/contact, to the 纪工委, which logs each reveal.
 */
export interface CallbackItemDoc {
  _id: string
  matter: string
  staffName: string
  servedName: string
  phone: string
  /** "YYYY-MM-DD", China date, and its midnight in ms (the draw picks a quarter's items by it). */
  completedOn: string
  completedAt: number
  quarter: string
  /** The community (or a node below it) and its path, street first. */
  orgId: string
  orgPath: string[]
  source: 'import' | 'manual'
  importBatch: string | null
  createdBy: string
  createdAt: number
}

/** One drawn item: a snapshot of what the caller needs, taken at the draw (the item may not change it later). */
export interface CallbackSampleEntry {
  /** `L-<ledger item id>` or `V-<visit id>`: the key of its call in `calls`. */
  key: string
  kind: 'ledger' | 'visit'
  sourceId: string
  matter: string
  staffName: string
  servedName: string
  phone: string
  completedAt: number
  /** The community the item is counted in (the draw's proportional group) and its path. */
  communityId: string
  orgPath: string[]
}

/** A recorded call. Editable until the quarter is published: each change raises `revision`. */
export interface CallbackCall {
  reached: boolean
  /** "YYYY-MM-DD" and its China midnight in ms (the month the call counts in). */
  calledOn: string
  calledAt: number
  /** The four ratings when reached; null when nobody answered. */
  ratings: Ratings | null
  remark: string
  /** A problem found (empty when none). */
  problem: string
  by: string
  byName: string
  at: number
  revision: number
}

/**
 * One quarter's 回访核查, `_id` the quarter ("2026-Q4"), so a quarter is drawn once: the seed, the pool the draw
 * chose from (`[key, communityId]`, so anyone can draw again and compare), the sample, and the calls keyed by the
 * sample entry's key. Every change is a guarded update of this one document: a call is stored only while
 * `status` is `drawn` (and only where none is, or at the revision the editor read); publication moves `drawn` →
 * `published` only at the `revision` its summary was computed from, so the published summary is exactly the
 * calls stored, and nothing changes afterwards.
 */
export interface CallbackQuarterDoc {
  _id: string
  quarter: string
  seed: string
  /** The size asked for (the sample is smaller when the pool is). */
  size: number
  pool: [string, string][]
  sample: CallbackSampleEntry[]
  calls: Record<string, CallbackCall>
  revision: number
  status: 'drawn' | 'published'
  drawnBy: string
  drawnByName: string
  drawnAt: number
  publishedAt: number | null
  publishedByName: string | null
  /** The node whose members read the published summary, and its path. */
  scopeOrgId: string | null
  scopePath: string[]
  summary: CallbackSummary | null
  /** The problems found, as published: what, where, which problem (no names served, no phones). */
  problems: { matter: string; orgName: string; problem: string }[]
}
