/**
 * Tamper evidence for signed pledges: each signing is hashed (SHA-256) over a canonical encoding of what was signed
 * and by whom, and holds the hash of the signing before it, so the signings form one chain. Changing a byte of any
 * stored signing (its text, image hash, strokes, signer, time) changes its hash; deleting one breaks the next
 * one's link. Recomputing the chain from the first record shows either.
 *
 * This is evidence that records were not changed after the fact by someone without the whole chain, not an
 * electronic signature under 电子签名法 §13: the signing data is not under the signer's sole control (README).
 */
import { createHash } from 'node:crypto'

import type { Stroke } from './signature-pad.rules'

export const GENESIS_HASH = '0'.repeat(64)
const ENCODING = 'jiceng-pledge/1'

/** Everything a signing's hash covers, in a fixed order. */
export interface SignedContent {
  seq: number
  prevHash: string
  assignmentId: string
  campaignId: string
  templateVersionId: string
  version: number
  title: string
  text: string
  confirmation: string
  /** SHA-256 (hex) of the stored PNG's bytes. */
  imageSha256: string
  strokes: Stroke[]
  memberId: string
  openid: string
  signedAt: number
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The canonical encoding: a JSON array in a fixed field order (arrays keep their order; numbers print one way),
 * so the same content always gives the same bytes, whatever order a database returns an object's fields in.
 */
export function canonicalEncoding(c: SignedContent): string {
  return JSON.stringify([
    ENCODING,
    c.seq,
    c.prevHash,
    c.assignmentId,
    c.campaignId,
    c.templateVersionId,
    c.version,
    c.title,
    c.text,
    c.confirmation,
    c.imageSha256,
    c.strokes.map((s) => s.map((p) => [p[0], p[1], p[2]])),
    c.memberId,
    c.openid,
    c.signedAt,
  ])
}

export function signingHash(c: SignedContent): string {
  return sha256Hex(canonicalEncoding(c))
}

export type ChainRecord = SignedContent & { hash: string }

export type ChainBreak =
  { kind: 'altered'; seq: number } | { kind: 'missing'; seq: number } | { kind: 'relinked'; seq: number }

/**
 * Walks the chain from the first signing: every record's hash recomputed, every link to the previous hash, and
 * no sequence number skipped. Answers the first break, or null when the whole chain holds.
 */
export function verifyChain(records: readonly ChainRecord[]): ChainBreak | null {
  const last = records.reduce((m, r) => Math.max(m, r.seq), 0)
  return verifyLinks(records, { from: 1, to: last, head: null })
}

/** The chain's head as stored: the highest link and its hash. */
export interface ChainHead {
  seq: number
  hash: string
}

/**
 * Checks the links `from`..`to` among `records` (others are ignored): each present, each hash recomputed, each
 * holding its predecessor's hash. Link `from` is the anchor: when `from` > 1 its own hash is recomputed and its
 * `prevHash` is taken as given (the range before it is another range's business); from 1 it must hold the
 * genesis hash. When the range reaches the head, the head must name the last link's hash; a head past every
 * link stored means links were cut off the end. Answers the first break, or null.
 */
export function verifyLinks(
  records: readonly ChainRecord[],
  range: { from: number; to: number; head: ChainHead | null },
): ChainBreak | null {
  const bySeq = new Map(records.map((r) => [r.seq, r]))
  let prev: string | null = range.from <= 1 ? GENESIS_HASH : null
  for (let seq = Math.max(1, range.from); seq <= range.to; seq++) {
    const r = bySeq.get(seq)
    if (!r) return { kind: 'missing', seq }
    if (prev !== null && r.prevHash !== prev) return { kind: 'relinked', seq }
    if (signingHash(r) !== r.hash) return { kind: 'altered', seq }
    prev = r.hash
  }
  const head = range.head
  if (head && range.to >= head.seq && head.seq > 0 && bySeq.get(head.seq)?.hash !== head.hash) {
    return { kind: 'altered', seq: head.seq }
  }
  return null
}

/**
 * Every CHECKPOINT_EVERY-th link is a checkpoint. Verifying one signing reads only the links from the checkpoint
 * at or before it to the checkpoint after it, plus the link after that (at most CHECKPOINT_EVERY + 2 records,
 * whatever the chain's length): its own hash, its links both ways, its neighbours' hashes, and the next
 * checkpoint's hash, which an inspector can compare with the one the full verification printed. Changing a
 * signing and re-hashing everything after it up to the head is not caught by this bounded check; the full
 * verification (paged, `chain/verify`) against printed checkpoint hashes is what catches that (README).
 */
export const CHECKPOINT_EVERY = 20

/** Links per page of the full verification (a link with its strokes is at most a few tens of kilobytes). */
export const CHAIN_PAGE = 50

export function isCheckpoint(seq: number): boolean {
  return seq > 0 && seq % CHECKPOINT_EVERY === 0
}

/** The links one signing's verification reads: `from` (a checkpoint, or 1) to `to` (capped at the head). */
export function segmentOf(seq: number, headSeq: number): { from: number; to: number; checkpoint: number } {
  const before = Math.floor((seq - 1) / CHECKPOINT_EVERY) * CHECKPOINT_EVERY
  const checkpoint = before + CHECKPOINT_EVERY
  return { from: Math.max(1, before), to: Math.min(Math.max(headSeq, seq), checkpoint + 1), checkpoint }
}
