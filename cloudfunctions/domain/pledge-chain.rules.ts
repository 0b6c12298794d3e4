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
  const sorted = [...records].sort((a, b) => a.seq - b.seq)
  let prev = GENESIS_HASH
  let expected = 1
  for (const r of sorted) {
    if (r.seq !== expected) return { kind: 'missing', seq: expected }
    if (r.prevHash !== prev) return { kind: 'relinked', seq: r.seq }
    if (signingHash(r) !== r.hash) return { kind: 'altered', seq: r.seq }
    prev = r.hash
    expected++
  }
  return null
}
