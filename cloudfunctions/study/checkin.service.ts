import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { BoundCaller, CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { findById, insertOnce, readById } from '../common/data'
import type { CheckinDoc, MemberDoc, SessionDoc } from '../common/docs'
import { recordChanged } from '../common/rollups'
import { checkinSecret } from '../common/secrets'
import type { AttendanceRow, CheckinResult, studyInputs } from '../contract/study.contract'
import { parseToken, verifyToken } from '../domain/checkin-token'
import { belongedAt } from '../domain/org-history.rules'
import { sessionRollup } from '../domain/study.rollup'
import { type CheckinMethod, checkinWindow, codeFromScene, isLate } from '../domain/study.rules'
import { expectedByOrgAt, loadSession, recordId, sessions } from './study.store'
import { countCheckin } from './study-tally'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

/** The record of one member at one session; the month and format are the session's, for the monthly figures. */
function checkinRecord(
  session: SessionDoc,
  member: Pick<MemberDoc, '_id' | 'orgPath'>,
  at: number,
  how: Pick<CheckinDoc, 'late' | 'visitor' | 'method' | 'reason' | 'recordedBy'>,
): CheckinDoc {
  return {
    _id: recordId(session._id, member._id),
    sessionId: session._id,
    memberId: member._id,
    orgPath: member.orgPath,
    month: session.month,
    format: session.format,
    at,
    ...how,
  }
}

function already(existing: CheckinDoc, session: SessionDoc): CheckinResult {
  return {
    outcome: 'already',
    late: existing.late,
    visitor: existing.visitor,
    at: existing.at,
    sessionTitle: session.title,
  }
}

async function existingRecord(sessionId: string, memberId: string): Promise<CheckinDoc | null> {
  return findById('checkins', recordId(sessionId, memberId))
}

/**
 * Marks the session as holding records before the first one is stored, on the condition that it is still
 * scheduled: a cancellation and a first check-in that overlap cannot both succeed (cancelling requires the mark
 * to be unset). Once the mark is set it stays, so a session read with it set needs no further request.
 */
async function holdSession(session: SessionDoc): Promise<void> {
  if (session.hasCheckins === true) return
  const expectedByOrg = await expectedByOrgAt(session)
  const held = await sessions()
    .where({ _id: session._id, status: 'scheduled', hasCheckins: _.neq(true) })
    .update({ data: { hasCheckins: true, expectedByOrg: _.set(expectedByOrg) } })
  if (held.stats.updated === 1) {
    // Held now, exactly once (the mark is never cleared): the session's counts and its 应到 go to the rollups.
    await recordChanged(sessionRollup, session, { ...session, hasCheckins: true, expectedByOrg })
    return
  }
  const now = await loadSession(session._id)
  if (now.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  // Otherwise another first check-in set the mark in between: the session is held either way.
}

/**
 * Records the caller's attendance once: caller, session, insert — three database requests for all but the
 * session's first check-in. The record's id is `<session>_<member>`, so of many simultaneous scans by one member
 * exactly one insert succeeds; the others read it back and answer 已签到, changing nothing. A member already
 * checked in who scans outside the window is told 已签到 too (read only on that refusal path).
 */
async function attend(
  ctx: CallContext,
  caller: BoundCaller,
  session: SessionDoc,
  method: CheckinMethod,
): Promise<CheckinResult> {
  const member = caller.member
  // Expected: in the session's node at its start (its 应到). Someone who joined the node since may still come,
  // counted as 列席 beside the fixed 应到.
  const expected = belongedAt(member, session.orgId, session.startAt)
  const inScope = expected || member.orgPath.includes(session.orgId) || session.allowVisitors
  const refusal =
    session.status === 'cancelled'
      ? new AppError('STUDY.CANCELLED')
      : checkinWindow(session, ctx.now) !== 'open'
        ? new AppError('STUDY.NOT_IN_WINDOW')
        : !inScope
          ? new AppError('STUDY.NOT_IN_SCOPE')
          : null
  if (refusal) {
    const previous = await existingRecord(session._id, member._id)
    if (previous) return already(previous, session)
    throw refusal
  }
  await holdSession(session)
  const doc = checkinRecord(session, member, ctx.now, {
    late: isLate(session, ctx.now),
    visitor: !expected,
    method,
    reason: null,
    recordedBy: null,
  })
  const stored = await insertOnce('checkins', doc)
  if (stored.outcome === 'inserted') await countCheckin(doc)
  if (stored.outcome === 'exists') {
    const winner = await existingRecord(session._id, member._id)
    if (winner) return already(winner, session)
    throw new AppError('COMMON.RETRY')
  }
  return {
    outcome: 'checked_in',
    late: doc.late,
    visitor: doc.visitor,
    at: doc.at,
    sessionTitle: session.title,
  }
}

/** The rotating code: authentic, for an existing session, and from the current or the previous period. */
export async function scan(ctx: CallContext, input: Input<'checkin/scan'>): Promise<CheckinResult> {
  const caller = await ctx.member()
  const token = parseToken(input.token)
  if (!token) throw new AppError('STUDY.QR_INVALID')
  const session = await readById('sessions', token.sessionId, 'STUDY.QR_INVALID')
  const check = verifyToken(checkinSecret(), token, ctx.now, session.rotateSeconds)
  if (!check.ok) {
    if (check.reason === 'expired') {
      // A member who already checked in and scans a stale code again is told so, not refused.
      const previous = await existingRecord(session._id, caller.member._id)
      if (previous) return already(previous, session)
      throw new AppError('STUDY.QR_EXPIRED')
    }
    throw new AppError('STUDY.QR_INVALID')
  }
  return attend(ctx, caller, session, 'qr')
}

/** The static poster code, while the secretary allows it for the session. */
export async function scene(ctx: CallContext, input: Input<'checkin/scene'>): Promise<CheckinResult> {
  const caller = await ctx.member()
  const code = codeFromScene(input.scene)
  if (!code) throw new AppError('STUDY.QR_INVALID')
  const found = await sessions().where({ staticCode: code }).limit(1).get()
  const session = found.data[0]
  if (!session) throw new AppError('STUDY.STATIC_DISABLED')
  return attend(ctx, caller, session, 'static')
}

/** 补签 / 补学 by a secretary, after the start, for a member expected at the session (in its 应到); shown as such. */
export async function makeup(ctx: CallContext, input: Input<'checkin/makeup'>): Promise<AttendanceRow> {
  const session = await loadSession(input.sessionId)
  await authorizeOn(ctx, 'session.manage', session.orgId)
  if (session.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  if (ctx.now < session.startAt) throw new AppError('STUDY.MAKEUP_TOO_EARLY')
  const member = await readById('members', input.memberId, 'MEMBER.NOT_FOUND')
  if (!belongedAt(member, session.orgId, session.startAt)) throw new AppError('STUDY.NOT_IN_SCOPE')
  const recorder = await ctx.member()
  await holdSession(session)
  const doc = checkinRecord(session, member, ctx.now, {
    late: false,
    visitor: false,
    method: input.kind,
    reason: input.reason,
    recordedBy: recorder.member._id,
  })
  const stored = await insertOnce('checkins', doc)
  if (stored.outcome === 'exists') throw new AppError('STUDY.ALREADY_RECORDED')
  await countCheckin(doc)
  const orgs = await ctx.orgs()
  return {
    memberId: member._id,
    name: member.name,
    orgName: orgs.get(member.orgId)?.name ?? '',
    status: 'present',
    method: input.kind,
    at: doc.at,
    reason: doc.reason,
    recordedByName: recorder.member.name,
  }
}
