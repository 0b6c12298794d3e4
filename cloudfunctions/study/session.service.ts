import { randomInt } from 'node:crypto'

import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _, cloud } from '../common/cloud'
import { insertFromForm, transition } from '../common/data'
import type { OrgDoc, SessionDoc } from '../common/docs'
import { qrPng } from '../common/qr-png'
import { checkinSecret } from '../common/secrets'
import type { QrView, SessionView, StaticCodeView, studyInputs } from '../contract/study.contract'
import { makeInviteCode } from '../domain/binding.rules'
import { periodEndsAt, periodOf, signToken } from '../domain/checkin-token'
import { belongedAt } from '../domain/org-history.rules'
import { childAncestors } from '../domain/org-tree'
import { readReach } from '../domain/roles'
import { qrPayload, sessionPhase, staticScene } from '../domain/study.rules'
import { monthOf } from '../domain/time'
import { assertLecturer } from './lecturer.service'
import { lecturerNames, loadSession, sessions } from './study.store'
import { toSessionView } from './study.views'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

const MAX_DURATION_MS = 24 * 60 * 60 * 1000
/** The page a static poster code opens; the scene carries the session's code. */
export const CHECKIN_PAGE = 'packages/study/pages/checkin/index'

async function view(ctx: CallContext, session: SessionDoc): Promise<SessionView> {
  return toSessionView(session, await ctx.orgs(), await lecturerNames([session.lecturerId]))
}

function assertTimes(startAt: number, endAt: number): void {
  if (endAt <= startAt) throw new AppError('STUDY.BAD_TIME', { detail: '结束时间应晚于开始时间' })
  if (endAt - startAt > MAX_DURATION_MS)
    throw new AppError('STUDY.BAD_TIME', { detail: '一次活动不能超过24小时' })
}

export async function createSession(
  ctx: CallContext,
  { submitKey, ...input }: Input<'session/create'>,
): Promise<SessionView> {
  const org = await authorizeOn(ctx, 'session.manage', input.orgId)
  assertTimes(input.startAt, input.endAt)
  await assertLecturer(ctx, input.lecturerId, org)
  const caller = await ctx.member()
  const doc: Omit<SessionDoc, '_id'> = {
    ...input,
    orgPath: childAncestors(org),
    month: monthOf(input.startAt),
    staticCode: null,
    status: 'scheduled',
    hasCheckins: false,
    cancelReason: null,
    createdBy: caller.member._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
  const { doc: stored } = await insertFromForm('sessions', doc, { openid: ctx.openid, submitKey })
  return view(ctx, stored)
}

async function managedSession(
  ctx: CallContext,
  sessionId: string,
): Promise<{ session: SessionDoc; org: OrgDoc }> {
  const session = await loadSession(sessionId)
  const org = await authorizeOn(ctx, 'session.manage', session.orgId)
  return { session, org }
}

/** Why a guarded write to a session did not apply, read after the fact. */
async function whySessionRefused(sessionId: string, otherwise: AppError): Promise<AppError> {
  const now = await loadSession(sessionId)
  return now.status === 'cancelled' ? new AppError('STUDY.CANCELLED') : otherwise
}

export async function updateSession(ctx: CallContext, input: Input<'session/update'>): Promise<SessionView> {
  const { session, org } = await managedSession(ctx, input.sessionId)
  if (session.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  const patch = input.patch
  const next = { ...session, ...patch }
  assertTimes(next.startAt, next.endAt)
  if (patch.lecturerId !== undefined) await assertLecturer(ctx, patch.lecturerId, org)
  const changesRecords = (['type', 'format', 'startAt', 'endAt'] as const).some(
    (k) => patch[k] !== undefined && patch[k] !== session[k],
  )
  // Check-ins carry the session's month and format: once there are any, those stay fixed. The database checks
  // the mark in the same request as the write, so a first check-in arriving meanwhile cannot be moved.
  const guard = changesRecords ? { status: 'scheduled', hasCheckins: _.neq(true) } : { status: 'scheduled' }
  const data = { ...patch, month: monthOf(next.startAt), updatedAt: ctx.now }
  await transition('sessions', session._id, guard, data, () =>
    whySessionRefused(session._id, new AppError('STUDY.FIXED_BY_CHECKINS')),
  )
  return view(ctx, { ...next, ...data })
}

export async function cancelSession(ctx: CallContext, input: Input<'session/cancel'>): Promise<SessionView> {
  const { session } = await managedSession(ctx, input.sessionId)
  if (session.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  const data = {
    status: 'cancelled' as const,
    cancelReason: input.reason,
    staticCode: null,
    updatedAt: ctx.now,
  }
  // Only a session no check-in has reached: the first check-in sets `hasCheckins` before storing its record.
  await transition('sessions', session._id, { status: 'scheduled', hasCheckins: _.neq(true) }, data, () =>
    whySessionRefused(session._id, new AppError('STUDY.HAS_CHECKINS')),
  )
  return view(ctx, { ...session, ...data })
}

/**
 * Readers of the node's study records read any session (secretaries of it and above, the street's 纪工委, and
 * secretaries of a node below, whose members are expected there); members read the sessions they are expected at.
 */
export async function getSession(ctx: CallContext, input: Input<'session/get'>): Promise<SessionView> {
  const session = await loadSession(input.sessionId)
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const org = orgs.get(session.orgId)
  const expected =
    belongedAt(caller.member, session.orgId, session.startAt) || caller.member.orgPath.includes(session.orgId)
  if (!expected && !(org && readReach(caller.roles, 'stats.read', org, orgs)))
    throw new AppError('COMMON.FORBIDDEN')
  return view(ctx, session)
}

export async function listSessions(
  ctx: CallContext,
  input: Input<'session/list'>,
): Promise<{ sessions: SessionView[] }> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  // The node's own sessions and those below, and those of the nodes above, where its members are expected too.
  const found = await sessions()
    .where(
      _.and([
        { month: input.month },
        _.or([{ orgPath: org._id }, { orgId: _.in(org.ancestors.length > 0 ? org.ancestors : ['-']) }]),
      ]),
    )
    .orderBy('startAt', 'asc')
    .limit(1000)
    .get()
  const docs = found.data
  const [orgs, names] = await Promise.all([ctx.orgs(), lecturerNames(docs.map((s) => s.lecturerId))])
  return { sessions: docs.map((s) => toSessionView(s, orgs, names)) }
}

async function pngBase64(text: string): Promise<string> {
  return (await qrPng(text, { width: 360 })).toString('base64')
}

/**
 * The code on the secretary's phone: a fresh signed token for the current period, as a QR image. Not once the
 * session has ended: a code nobody can use any more is not shown.
 */
export async function sessionQr(ctx: CallContext, input: Input<'session/qr'>): Promise<QrView> {
  const { session } = await managedSession(ctx, input.sessionId)
  if (session.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  if (sessionPhase(session, ctx.now) === 'ended') throw new AppError('STUDY.ENDED')
  const token = signToken(checkinSecret(), session._id, periodOf(ctx.now, session.rotateSeconds))
  const payload = qrPayload(token, input.linkBase)
  return {
    token,
    payload,
    imageBase64: await pngBase64(payload),
    rotateSeconds: session.rotateSeconds,
    serverNow: ctx.now,
    periodEndsAt: periodEndsAt(ctx.now, session.rotateSeconds),
  }
}

/**
 * The printed poster code, when the secretary allows it for this session: a mini-program code
 * whose scene names the session's random 8-character code. Disabling it forgets the code, so a
 * poster stops working; enabling again makes a new one.
 */
export async function staticCode(
  ctx: CallContext,
  input: Input<'session/staticCode'>,
): Promise<StaticCodeView> {
  const { session } = await managedSession(ctx, input.sessionId)
  if (!input.enable) {
    await sessions()
      .doc(session._id)
      .update({ data: { staticCode: null, updatedAt: ctx.now } })
    return { enabled: false, scene: null, imageBase64: null }
  }
  if (session.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  if (sessionPhase(session, ctx.now) === 'ended') throw new AppError('STUDY.ENDED')
  let code = session.staticCode
  while (code === null) {
    const candidate = makeInviteCode(randomInt)
    if ((await sessions().where({ staticCode: candidate }).count()).total === 0) code = candidate
  }
  if (code !== session.staticCode) {
    await sessions()
      .doc(session._id)
      .update({ data: { staticCode: code, updatedAt: ctx.now } })
  }
  const scene = staticScene(code)
  const image = await cloud.openapi.wxacode.getUnlimited({
    scene,
    page: CHECKIN_PAGE,
    checkPath: false,
    width: 430,
  })
  return { enabled: true, scene, imageBase64: Buffer.from(image.buffer).toString('base64') }
}
