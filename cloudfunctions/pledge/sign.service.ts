import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { findById, insertOnce, readById, transition } from '../common/data'
import { dropKeptFile, keepFile, keptFileUrl, readKeptFile, readUpload } from '../common/files'
import type { PledgeAssignmentDoc, PledgeSigningDoc } from '../common/pledge.docs'
import { recordChanged } from '../common/rollups'
import type {
  ChainVerificationPage,
  MyPledge,
  pledgeInputs,
  PledgeVerification,
  PledgeView,
} from '../contract/pledge.contract'
import { pledgeRollup } from '../domain/pledge.rollup'
import { isOverdue, PLEDGE_CONFIRMATION, pngSize } from '../domain/pledge.rules'
import {
  CHAIN_PAGE,
  type ChainRecord,
  GENESIS_HASH,
  isCheckpoint,
  segmentOf,
  sha256Hex,
  signingHash,
  verifyLinks,
} from '../domain/pledge-chain.rules'
import { CANVAS_MAX_PX, SIGNATURE_PROBLEM_TEXT, signatureProblem } from '../domain/signature-pad.rules'
import { assignments, chain, KEEP, signings, streetOf, visibleAssignment } from './pledge.store'

type Input<K extends keyof typeof pledgeInputs> = z.output<(typeof pledgeInputs)[K]>

/** Where signature images are kept (readable only through this function). */
const SIGNATURE_FOLDER = 'signatures'
const CHAIN_HEAD = 'head'
/** Appending to the chain retries when another signing took the next link; a street signs far fewer at once. */
const APPEND_TRIES = 40

export function chainId(seq: number): string {
  return `chain_${String(seq).padStart(9, '0')}`
}

function toMyPledge(a: PledgeAssignmentDoc, now: number): MyPledge {
  return {
    assignmentId: a._id,
    kind: a.kind,
    title: a.title,
    year: a.year,
    deadline: a.deadline,
    status: a.status,
    overdue: isOverdue(a.status, a.deadline, now),
    signedAt: a.signedAt,
  }
}

/** 待签承诺书 and the signed ones: the caller's assignments, newest first (one read). */
export async function myPledges(ctx: CallContext): Promise<MyPledge[]> {
  const caller = await ctx.member()
  const found = await assignments()
    .where({ memberId: caller.member._id })
    .orderBy('assignedAt', 'desc')
    .limit(200)
    .get()
  return found.data.map((a) => toMyPledge(a, ctx.now))
}

async function viewOf(
  ctx: CallContext,
  a: PledgeAssignmentDoc,
  mine: boolean,
  signing: PledgeSigningDoc | null,
): Promise<PledgeView> {
  const text = signing
    ? { body: signing.text, version: signing.version, confirmation: signing.confirmation }
    : await readById('pledgeTemplates', a.templateVersionId, 'PLEDGE.TEMPLATE_NOT_FOUND').then((t) => ({
        body: t.body,
        version: t.version,
        confirmation: PLEDGE_CONFIRMATION,
      }))
  return {
    ...toMyPledge(a, ctx.now),
    name: a.name,
    ...text,
    mine,
    signature: signing && {
      seq: signing.seq,
      hash: signing.hash,
      prevHash: signing.prevHash,
      signedAt: signing.signedAt,
      imageUrl: await keptFileUrl(signing.imageFileID),
      imageWidth: signing.imageWidth,
      imageHeight: signing.imageHeight,
    },
  }
}

async function signingOf(a: PledgeAssignmentDoc): Promise<PledgeSigningDoc | null> {
  if (a.signingId !== null) return findById('pledgeSignings', a.signingId)
  const found = await signings().where({ assignmentId: a._id }).limit(1).get()
  return found.data[0] ?? null
}

/** A pledge with the exact text to sign (the version the campaign assigned) or signed, and its signature. */
export async function getPledge(ctx: CallContext, input: Input<'pledge/get'>): Promise<PledgeView> {
  const { assignment, mine } = await visibleAssignment(ctx, input.assignmentId)
  const signing = assignment.status === 'signed' ? await signingOf(assignment) : null
  return viewOf(ctx, assignment, mine, signing)
}

/** Marks the assignment signed (once: from pending) and counts it; a repeat after a lost call changes nothing. */
async function markSigned(a: PledgeAssignmentDoc, signing: PledgeSigningDoc): Promise<PledgeAssignmentDoc> {
  const after: PledgeAssignmentDoc = {
    ...a,
    status: 'signed',
    signedAt: signing.signedAt,
    signingId: signing._id,
  }
  try {
    await transition(
      'pledgeAssignments',
      a._id,
      { status: 'pending' },
      { status: 'signed', signedAt: signing.signedAt, signingId: signing._id },
      () => new AppError('PLEDGE.ALREADY_SIGNED'),
    )
  } catch (error) {
    if (error instanceof AppError) return after
    throw error
  }
  await recordChanged(pledgeRollup, a, after)
  return after
}

/**
 * Signs a pledge: the member's own, unsigned, with a PNG they uploaded and the strokes it was drawn from. The
 * server keeps the image, hashes what was signed (the assigned version's exact text, the image's bytes, the
 * strokes, the signer's roster id and OPENID, the server's time) and appends the signing to the street's chain.
 *
 * Two guards settle overlapping calls in the database: the link's `_id` is `chain_<seq>`, so of two signings that
 * read the same last link one appends and the other reads again and appends after it; and `assignmentId` is
 * unique, so of two signings of one pledge exactly one is stored (the other answers PLEDGE.ALREADY_SIGNED).
 */
export async function signPledge(ctx: CallContext, input: Input<'pledge/sign'>): Promise<PledgeView> {
  const { assignment, mine } = await visibleAssignment(ctx, input.assignmentId)
  if (!mine) throw new AppError('PLEDGE.NOT_FOUND')
  if (assignment.status === 'signed') throw new AppError('PLEDGE.ALREADY_SIGNED')
  const problem = signatureProblem(input.strokes)
  if (problem) throw new AppError('PLEDGE.SIGNATURE_INVALID', { detail: SIGNATURE_PROBLEM_TEXT[problem] })
  const [template, bytes, caller] = await Promise.all([
    readById('pledgeTemplates', assignment.templateVersionId, 'PLEDGE.TEMPLATE_NOT_FOUND'),
    readUpload(ctx, input.fileID, 'png'),
    ctx.member(),
  ])
  const size = pngSize(bytes)
  if (!size) throw new AppError('FILE.WRONG_TYPE', { type: 'PNG 图片' })
  if (size.width < 16 || size.height < 16 || size.width > CANVAS_MAX_PX || size.height > CANVAS_MAX_PX) {
    throw new AppError('PLEDGE.IMAGE_INVALID', { detail: `尺寸应在16到${CANVAS_MAX_PX}像素之间` })
  }
  const content = {
    assignmentId: assignment._id,
    campaignId: assignment.campaignId,
    templateVersionId: template._id,
    version: template.version,
    title: template.title,
    text: template.body,
    confirmation: PLEDGE_CONFIRMATION,
    imageSha256: sha256Hex(bytes),
    strokes: input.strokes,
    memberId: caller.member._id,
    openid: ctx.openid,
    signedAt: ctx.now,
  }
  // The image is kept once, between reading the chain's last link and appending: on CloudBase other signings
  // append meanwhile as often as not, and the append below is what settles it.
  let imageFileID: string | null = null
  for (let attempt = 0; attempt < APPEND_TRIES; attempt++) {
    const last = await signings().orderBy('seq', 'desc').limit(1).field({ seq: true, hash: true }).get()
    imageFileID ??= await keepFile(SIGNATURE_FOLDER, 'png', bytes)
    const seq = (last.data[0]?.seq ?? 0) + 1
    const prevHash = last.data[0]?.hash ?? GENESIS_HASH
    const record: ChainRecord = { ...content, seq, prevHash, hash: '' }
    record.hash = signingHash(record)
    const doc: PledgeSigningDoc = {
      ...record,
      _id: chainId(seq),
      imageFileID,
      imageWidth: size.width,
      imageHeight: size.height,
      orgPath: assignment.orgPath,
    }
    const stored = await insertOnce('pledgeSignings', doc)
    if (stored.outcome === 'inserted') {
      await advanceHead(seq, doc.hash, ctx.now)
      const after = await markSigned(assignment, doc)
      return viewOf(ctx, after, true, doc)
    }
    // Either this pledge was signed meanwhile (unique assignmentId) or another signing took link `seq`.
    const winner = await signings().where({ assignmentId: assignment._id }).limit(1).get()
    if (winner.data[0]) {
      await dropKeptFile(imageFileID)
      await markSigned(assignment, winner.data[0])
      throw new AppError('PLEDGE.ALREADY_SIGNED')
    }
  }
  if (imageFileID !== null) await dropKeptFile(imageFileID)
  throw new AppError('COMMON.RETRY')
}

/**
 * Moves the head forward to `seq` (never back: an overlapping later link may have moved it further). The first
 * link makes the head and every later one moves it, so a signing costs one request here whatever its place.
 */
async function advanceHead(seq: number, hash: string, now: number): Promise<void> {
  const move = () =>
    chain()
      .where({ _id: CHAIN_HEAD, seq: _.lt(seq) })
      .update({ data: { seq, hash, at: now } })
  if (seq > 1 && (await move()).stats.updated === 1) return
  const created = await insertOnce('pledgeChain', { _id: CHAIN_HEAD, seq, hash, at: now })
  if (created.outcome === 'inserted') return
  await move()
}

/** A link's sequence number from its `_id` (`chain_<seq>`), or null. */
function seqOfId(id: string | null): number | null {
  const m = id === null ? null : /^chain_(\d+)$/.exec(id)
  return m ? Number(m[1]) : null
}

/** Links `from`..`to` as the hash covers them (no image file id, no organisation path): one request. */
async function linksBetween(from: number, to: number): Promise<ChainRecord[]> {
  const found = await signings()
    .where({ seq: _.and(_.gte(from), _.lte(to)) })
    .orderBy('seq', 'asc')
    .limit(to - from + 1)
    .field({ orgPath: false })
    .get()
  return found.data
}

/**
 * Verifies a signed pledge in a bounded number of reads, whatever the chain's length: recomputes its hash from
 * its stored fields and its image's stored bytes, and checks the links from the checkpoint at or before it to
 * the checkpoint after it and one past (at most CHECKPOINT_EVERY + 2), against the head when they reach it. So
 * an altered, re-hashed or deleted signing near it shows, and the next checkpoint's hash can be compared with
 * the one the full verification (`chain/verify`, paged) printed. README "Design notes" says what each catches.
 */
export async function verifyPledge(
  ctx: CallContext,
  input: Input<'pledge/verify'>,
): Promise<PledgeVerification> {
  const { assignment } = await visibleAssignment(ctx, input.assignmentId)
  if (assignment.status !== 'signed') throw new AppError('PLEDGE.NOT_SIGNED')
  // The mark names the link; without it (a mark from before it was kept) the unique assignmentId finds it.
  const seq = seqOfId(assignment.signingId) ?? (await signingOf(assignment))?.seq
  if (seq === undefined || seq === null) throw new AppError('PLEDGE.NOT_SIGNED')
  const window = segmentOf(seq, Number.MAX_SAFE_INTEGER)
  const [links, head] = await Promise.all([
    linksBetween(window.from, window.to),
    findById('pledgeChain', CHAIN_HEAD),
  ])
  const signing = links.find((r) => r.seq === seq) as (ChainRecord & { imageFileID: string }) | undefined
  const image = signing ? await readKeptFile(signing.imageFileID) : null
  const top = links.reduce((m, r) => Math.max(m, r.seq), 0)
  const headSeq = head?.seq ?? top
  const { from, to } = segmentOf(seq, headSeq)
  // The first signing makes the head in the same call: links without a head mean it was removed (with the end cut?).
  const chainBreak =
    verifyLinks(links, { from, to, head: head && { seq: head.seq, hash: head.hash } }) ??
    (head === null && to === top ? { kind: 'missing' as const, seq: top + 1 } : null)
  const recordIntact = signing !== undefined && signingHash(signing) === signing.hash
  const imageIntact = signing !== undefined && image !== null && sha256Hex(image) === signing.imageSha256
  const checkpoint = links.find((r) => r.seq === window.checkpoint && r.seq <= to)
  return {
    intact: recordIntact && imageIntact && chainBreak === null,
    recordIntact,
    imageIntact,
    chainIntact: chainBreak === null,
    chainBreak,
    checkedFrom: from,
    checkedTo: to,
    headSeq,
    checkpoint: checkpoint ? { seq: checkpoint.seq, hash: checkpoint.hash } : null,
    seq,
    hash: signing?.hash ?? '',
    checkedAt: ctx.now,
  }
}

/**
 * One page of the full chain's verification, for the inspector's 全链核验 and a script: links `from`..`from +
 * CHAIN_PAGE - 1`, each recomputed and linked to the one before (the page reads the link before it too), and the
 * head on the last page. Pages are independent, so a caller walks them with `next` and every page costs the same.
 */
export async function verifyChainPage(
  ctx: CallContext,
  input: Input<'chain/verify'>,
): Promise<ChainVerificationPage> {
  await authorizeOn(ctx, KEEP, (await streetOf(ctx))._id)
  const start = input.from ?? 1
  const anchor = Math.max(1, start - 1)
  const [links, head] = await Promise.all([
    linksBetween(anchor, start + CHAIN_PAGE - 1),
    findById('pledgeChain', CHAIN_HEAD),
  ])
  const top = Math.max(
    head?.seq ?? 0,
    links.reduce((m, r) => Math.max(m, r.seq), 0),
  )
  const to = Math.min(start + CHAIN_PAGE - 1, top)
  const chainBreak =
    start > top && start > 1
      ? null
      : (verifyLinks(links, { from: anchor, to, head: head && { seq: head.seq, hash: head.hash } }) ??
        (head === null && top > 0 && to === top ? { kind: 'missing' as const, seq: top + 1 } : null))
  return {
    from: start,
    to: Math.max(to, start - 1),
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? GENESIS_HASH,
    chainBreak,
    checkpoints: links
      .filter((r) => r.seq >= start && r.seq <= to && isCheckpoint(r.seq))
      .map((r) => ({ seq: r.seq, hash: r.hash })),
    next: to < top ? to + 1 : null,
    checkedAt: ctx.now,
  }
}
