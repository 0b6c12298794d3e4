import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { insertUnique, readById, transition } from '../common/data'
import type { LeaveDoc } from '../common/docs'
import { recordChanged } from '../common/rollups'
import type { LeaveView, studyInputs } from '../contract/study.contract'
import { belongedAt } from '../domain/org-history.rules'
import { leaveRollup } from '../domain/study.rollup'
import { loadSession, namesOf, recordId } from './study.store'
import { toLeaveView } from './study.views'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

/** 请假: before the start, by a member expected at the session, once. */
export async function requestLeave(ctx: CallContext, input: Input<'leave/request'>): Promise<LeaveView> {
  const caller = await ctx.member()
  const session = await loadSession(input.sessionId)
  if (session.status === 'cancelled') throw new AppError('STUDY.CANCELLED')
  if (ctx.now >= session.startAt) throw new AppError('STUDY.LEAVE_CLOSED')
  if (!belongedAt(caller.member, session.orgId, session.startAt)) throw new AppError('STUDY.NOT_IN_SCOPE')
  const doc: LeaveDoc = {
    _id: recordId(session._id, caller.member._id),
    sessionId: session._id,
    memberId: caller.member._id,
    reason: input.reason,
    orgPath: caller.member.orgPath,
    startAt: session.startAt,
    status: 'pending',
    requestedAt: ctx.now,
    decidedBy: null,
    decidedAt: null,
  }
  await insertUnique('leaves', doc, new AppError('STUDY.LEAVE_EXISTS'))
  return toLeaveView(doc, new Map([[caller.member._id, caller.member.name]]))
}

/** Approving or declining happens once: two secretaries deciding at once leave one decision. */
export async function decideLeave(ctx: CallContext, input: Input<'leave/decide'>): Promise<LeaveView> {
  const leave = await readById('leaves', input.leaveId, 'STUDY.LEAVE_NOT_FOUND')
  const session = await loadSession(leave.sessionId)
  await authorizeOn(ctx, 'session.manage', session.orgId)
  const decider = await ctx.member()
  const status = input.approve ? ('approved' as const) : ('declined' as const)
  await transition(
    'leaves',
    leave._id,
    { status: 'pending' },
    { status, decidedBy: decider.member._id, decidedAt: ctx.now },
    () => new AppError('STUDY.LEAVE_DECIDED'),
  )
  await recordChanged(leaveRollup, leave, { ...leave, status })
  return toLeaveView({ ...leave, status }, await namesOf([leave.memberId]))
}
