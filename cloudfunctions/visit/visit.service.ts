/**
 * 上门服务: a resident's request from submission to rating. Every move is one guarded transition (`moveVisit`):
 * the database applies it only while the request is still in the state the move leaves, at the number of moves
 * read, and still the actor's (the resident's OPENID, the assignee's member id, the community's node), so of two
 * secretaries dispatching at once exactly one succeeds and the other is told who did.
 */
import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext, Caller } from '../common/caller'
import { _ } from '../common/cloud'
import { collection, findById, insertFromForm, insertOnce, readById, transition } from '../common/data'
import type { OrgDoc } from '../common/docs'
import { dropKeptFile, keepFile, readUpload } from '../common/files'
import { recordChanged } from '../common/rollups'
import { cloudPathOfFileID, isUploadOf } from '../common/storage-paths'
import type { VisitDoc } from '../common/visit.docs'
import type {
  AssigneeOption,
  VisitCommunities,
  VisitContact,
  visitInputs,
  VisitQueue,
  VisitSettingsView,
  VisitView,
} from '../contract/visit.contract'
import { can } from '../domain/roles'
import { UPLOAD_KINDS } from '../domain/upload.rules'
import { visitRollup } from '../domain/visit.rollup'
import {
  completeDeadline,
  contactAccess,
  maskAddress,
  preferredProblem,
  stepDeadline,
  VISIT_MOVES,
  VISIT_STATUS_LABELS,
  VISIT_TYPES,
  type VisitActor,
  type VisitMove,
} from '../domain/visit.rules'
import { addGrants, grantCounts, notify } from './notify'
import {
  loadLimits,
  loadVisit,
  photoUrls,
  RESIDENT,
  staffOf,
  type Standing,
  streetOf,
  toVisitView,
  viewerOf,
  visits,
} from './visit.store'

type Input<K extends keyof typeof visitInputs> = z.output<(typeof visitInputs)[K]>

const ACTIVE = ['dispatched', 'accepted', 'completed'] as const
const DONE = ['confirmed', 'cancelled', 'rejected'] as const
const FLAGGED = ['dispatch', 'accept', 'complete'] as const

/** The communities of the street, in the tree's order; the caller's own first choice when they are a member. */
export async function listCommunities(ctx: CallContext): Promise<VisitCommunities> {
  const [orgs, caller] = await Promise.all([ctx.orgs(), ctx.caller()])
  const communities = [...orgs.values()]
    .filter((o) => o.type === 'community')
    .sort((a, b) => a.order - b.order)
    .map((o) => ({ id: o._id, name: o.name }))
  const own = caller.member?.orgPath.find((id) => orgs.get(id)?.type === 'community') ?? null
  return { communities, mine: own }
}

/** Where a request's photos are kept once read and checked (readable only through temporary URLs). */
export const VISIT_PHOTO_FOLDER = 'visit-photos'
type PhotoKind = 'photo' | 'photoPng'

/**
 * Photos for a request: each must be the caller's own upload of one of `kinds` (account/upload/prepare), all
 * checked before any is read; each is then read once (size and first bytes checked, the upload removed) and kept
 * in VISIT_PHOTO_FOLDER. Answers the kept fileIDs. The resident's photo is a JPEG (the form takes one from the
 * camera); the assignee's completion photos a JPEG or a PNG.
 */
async function keepPhotos(
  ctx: CallContext,
  fileIDs: readonly string[],
  kinds: readonly PhotoKind[],
): Promise<string[]> {
  const found = fileIDs.map((fileID) => {
    const path = cloudPathOfFileID(fileID)
    const kind = kinds.find((k) => path !== null && isUploadOf(ctx.openid, path, k))
    if (!kind) throw new AppError('FILE.FORBIDDEN')
    return kind
  })
  const bytes = await Promise.all(fileIDs.map((fileID, i) => readUpload(ctx, fileID, found[i])))
  return Promise.all(bytes.map((b, i) => keepFile(VISIT_PHOTO_FOLDER, UPLOAD_KINDS[found[i]].ext, b)))
}

async function communityOf(ctx: CallContext, orgId: string): Promise<OrgDoc> {
  const org = (await ctx.orgs()).get(orgId)
  if (!org || org.type !== 'community') throw new AppError('VISIT.NOT_COMMUNITY')
  return org
}

export async function submitVisit(ctx: CallContext, input: Input<'visit/submit'>): Promise<VisitView> {
  const org = await communityOf(ctx, input.orgId)
  if ((input.preferredDate === null) !== (input.preferredSlot === null)) {
    throw new AppError('VISIT.BAD_PREFERRED', { detail: '请同时选择期望的日期和时段，或选“尽快”' })
  }
  const preferred =
    input.preferredDate !== null && input.preferredSlot !== null
      ? { date: input.preferredDate, slot: input.preferredSlot }
      : null
  const problem = preferred ? preferredProblem(preferred, ctx.now) : null
  if (problem) throw new AppError('VISIT.BAD_PREFERRED', { detail: problem })
  const [caller, limits, kept] = await Promise.all([
    ctx.caller(),
    loadLimits(streetOf(org)),
    input.photo === null ? [] : keepPhotos(ctx, [input.photo], ['photo']),
  ])
  const photo = kept[0] ?? null
  const completeBy = completeDeadline(ctx.now, preferred, limits)
  const doc: Omit<VisitDoc, '_id'> = {
    residentOpenid: ctx.openid,
    residentMemberId: caller.member?._id ?? null,
    orgId: org._id,
    orgPath: [...org.ancestors, org._id],
    type: input.serviceType,
    address: input.address,
    phone: input.phone,
    preferred,
    description: input.description,
    photo,
    status: 'submitted',
    moves: 0,
    submittedAt: ctx.now,
    dispatchedAt: null,
    dispatchedBy: null,
    dispatcherName: null,
    assigneeId: null,
    assigneeName: null,
    assigneeOpenid: null,
    acceptedAt: null,
    completedAt: null,
    confirmedAt: null,
    cancelledAt: null,
    rejectedAt: null,
    reason: null,
    declines: [],
    durationMinutes: null,
    notes: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    autoConfirmed: false,
    completeBy,
    dueStep: 'dispatch',
    dueAt: stepDeadline('dispatch', ctx.now, completeBy, limits),
    overdueAt: null,
    escalatedAt: null,
    late: false,
  }
  // The same form sent again (its key) is the request already stored: answered as it is, counted once.
  const { doc: stored, fresh } = await insertFromForm('visits', doc, {
    openid: ctx.openid,
    submitKey: input.submitKey,
  }).catch(async (error: unknown) => {
    if (photo !== null) await dropKeptFile(photo)
    throw error
  })
  if (!fresh) {
    if (photo !== null) await dropKeptFile(photo)
    return toVisitView(stored, RESIDENT, await ctx.orgs(), ctx.now)
  }
  await recordChanged(visitRollup, null, stored)
  const secretaries = await staffOf(org._id, 'community_secretary')
  await notify(
    secretaries.map((s) => ({
      openid: s.openid,
      kind: 'visitTask',
      what: `${VISIT_TYPES[stored.type]}：${org.name}`,
      state: '待派单',
      note: stored.description,
    })),
    ctx.now,
  )
  return toVisitView(stored, RESIDENT, await ctx.orgs(), ctx.now)
}

export async function myVisits(ctx: CallContext): Promise<VisitView[]> {
  const [found, orgs] = await Promise.all([
    visits().where({ residentOpenid: ctx.openid }).orderBy('submittedAt', 'desc').limit(50).get(),
    ctx.orgs(),
  ])
  return found.data.map((v) => toVisitView(v, RESIDENT, orgs, ctx.now))
}

export async function getVisit(ctx: CallContext, input: Input<'visit/get'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit } = standing
  return toVisitView(visit, viewerOf(standing), await ctx.orgs(), ctx.now, await photoUrls(visit))
}

/**
 * The phone and the address, to those `contactAccess` names (the secretaries while a request waits for dispatch,
 * then only its dispatcher; the assignee once accepted): each staff reveal is written to the audit log (who, which
 * request, when). The resident reads their own in every view.
 */
export async function revealContact(ctx: CallContext, input: Input<'visit/contact'>): Promise<VisitContact> {
  const { visit, roles, caller } = await loadVisit(ctx, input.visitId)
  const contact = { phone: visit.phone, address: visit.address }
  const access = contactAccess(visit, roles, caller.member?._id ?? null)
  if (!access.may) throw new AppError(access.refused, { name: visit.dispatcherName ?? '其他书记' })
  if (access.as === 'resident' || !caller.member) return contact
  await collection('audit').add({
    data: {
      orgId: visit.orgId,
      actor: caller.member._id,
      action: 'visit.contact',
      targetId: visit._id,
      summary: `查看上门服务请求的电话和地址（${access.as === 'dispatcher' ? '书记' : '服务人员'}）`,
      at: ctx.now,
    },
  })
  return contact
}

/** Why a move was refused: the state it found (a dispatch names who dispatched first) or the actor changed. */
async function refusal(visitId: string, move: VisitMove): Promise<AppError> {
  const now = await findById('visits', visitId)
  if (!now) return new AppError('VISIT.NOT_FOUND')
  if (!VISIT_MOVES[move].from.includes(now.status)) {
    if (move === 'dispatch' && now.dispatcherName !== null) {
      return new AppError('VISIT.ALREADY_DISPATCHED', { name: now.dispatcherName })
    }
    return new AppError('VISIT.STATE_CHANGED', { status: VISIT_STATUS_LABELS[now.status] })
  }
  if (VISIT_MOVES[move].by === 'assignee') return new AppError('VISIT.NOT_ASSIGNEE')
  return new AppError('VISIT.STATE_CHANGED', { status: VISIT_STATUS_LABELS[now.status] })
}

/**
 * One move, guarded in the database: the state it leaves, the moves counted when it was read, and the actor's
 * own condition (`actor`). Updates the rollups from the request as read to the request as written.
 */
async function moveVisit(
  visit: VisitDoc,
  move: VisitMove,
  actor: Partial<Record<'residentOpenid' | 'assigneeId' | 'orgId', string>>,
  set: Partial<Omit<VisitDoc, '_id'>>,
): Promise<VisitDoc> {
  const { from, to } = VISIT_MOVES[move]
  await transition(
    'visits',
    visit._id,
    { status: from.length === 1 ? from[0] : _.in([...from]), moves: visit.moves, ...actor },
    { ...set, status: to, moves: visit.moves + 1 },
    () => refusal(visit._id, move),
  )
  const after: VisitDoc = { ...visit, ...set, status: to, moves: visit.moves + 1 }
  await recordChanged(visitRollup, visit, after)
  return after
}

/** The move's actor must be among the caller's standings; the state is checked before any write, and again in it. */
async function expect(visit: VisitDoc, roles: ReadonlySet<VisitActor>, move: VisitMove): Promise<void> {
  const { by, from } = VISIT_MOVES[move]
  if (!roles.has(by)) {
    if (by === 'resident') throw new AppError('VISIT.NOT_RESIDENT')
    if (by === 'assignee') throw new AppError('VISIT.NOT_ASSIGNEE')
    throw new AppError('COMMON.FORBIDDEN')
  }
  if (!from.includes(visit.status)) throw await refusal(visit._id, move)
}

const cleared = { overdueAt: null, escalatedAt: null } as const

/**
 * The same move sent again by the one who made it, with what they sent (its answer lost on the way back, or a
 * second tap): the request is already where that move took it, by them, so it is answered as done — the request
 * as it is, nothing written again, nothing counted twice — not refused as a move from the wrong state.
 */
async function doneBefore(
  ctx: CallContext,
  standing: Standing & { visit: VisitDoc },
  move: VisitMove,
  sameAsSent: (visit: VisitDoc, memberId: string) => boolean,
): Promise<VisitView | null> {
  const { visit, roles, caller } = standing
  const { by, to } = VISIT_MOVES[move]
  const memberId = caller.member?._id ?? ''
  if (visit.status !== to || !roles.has(by) || !sameAsSent(visit, memberId)) return null
  return toVisitView(visit, viewerOf(standing), await ctx.orgs(), ctx.now)
}

export async function cancelVisit(ctx: CallContext, input: Input<'visit/cancel'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit, roles } = standing
  const again = await doneBefore(ctx, standing, 'cancel', (v) => v.residentOpenid === ctx.openid)
  if (again) return again
  await expect(visit, roles, 'cancel')
  const after = await moveVisit(
    visit,
    'cancel',
    { residentOpenid: ctx.openid },
    { cancelledAt: ctx.now, reason: input.reason || '居民取消', dueStep: null, dueAt: null, ...cleared },
  )
  if (visit.assigneeOpenid !== null) {
    await notify(
      [
        {
          openid: visit.assigneeOpenid,
          kind: 'visitTask',
          what: VISIT_TYPES[visit.type],
          state: '已取消',
          note: '居民已取消这次请求',
          page: 'tasks',
        },
      ],
      ctx.now,
    )
  }
  return toVisitView(after, viewerOf(standing), await ctx.orgs(), ctx.now)
}

export async function dispatchVisit(ctx: CallContext, input: Input<'visit/dispatch'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit, roles, caller, org } = standing
  const again = await doneBefore(
    ctx,
    standing,
    'dispatch',
    (v, me) => v.dispatchedBy === me && v.assigneeId === input.assigneeId,
  )
  if (again) return again
  await expect(visit, roles, 'dispatch')
  const assignee = await readById('members', input.assigneeId, 'MEMBER.NOT_FOUND')
  if (!assignee.orgPath.includes(visit.orgId)) throw new AppError('VISIT.ASSIGNEE_OUTSIDE')
  if (assignee.openid === null) throw new AppError('VISIT.ASSIGNEE_UNBOUND', { name: assignee.name })
  if (!caller.member) throw new AppError('COMMON.NOT_BOUND')
  const limits = await loadLimits(streetOf(org))
  const after = await moveVisit(
    visit,
    'dispatch',
    { orgId: visit.orgId },
    {
      dispatchedAt: ctx.now,
      dispatchedBy: caller.member._id,
      dispatcherName: caller.member.name,
      assigneeId: assignee._id,
      assigneeName: assignee.name,
      assigneeOpenid: assignee.openid,
      dueStep: 'accept',
      dueAt: stepDeadline('accept', ctx.now, visit.completeBy, limits),
      ...cleared,
    },
  )
  await notify(
    [
      {
        openid: assignee.openid,
        kind: 'visitTask',
        what: `${VISIT_TYPES[visit.type]}：${maskAddress(visit.address)}`,
        state: '待接单',
        note: visit.description,
        page: 'tasks',
      },
    ],
    ctx.now,
  )
  return toVisitView(after, viewerOf(standing), await ctx.orgs(), ctx.now)
}

export async function rejectVisit(ctx: CallContext, input: Input<'visit/reject'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit, roles } = standing
  await expect(visit, roles, 'reject')
  const after = await moveVisit(
    visit,
    'reject',
    { orgId: visit.orgId },
    { rejectedAt: ctx.now, reason: input.reason, dueStep: null, dueAt: null, ...cleared },
  )
  await notify(
    [
      {
        openid: visit.residentOpenid,
        kind: 'visitProgress',
        what: VISIT_TYPES[visit.type],
        state: '未受理',
        note: input.reason,
      },
    ],
    ctx.now,
  )
  return toVisitView(after, viewerOf(standing), await ctx.orgs(), ctx.now)
}

export async function acceptVisit(ctx: CallContext, input: Input<'visit/accept'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit, roles, caller } = standing
  const again = await doneBefore(ctx, standing, 'accept', (v, me) => v.assigneeId === me)
  if (again) return again
  await expect(visit, roles, 'accept')
  const me = caller.member?._id ?? ''
  const after = await moveVisit(
    visit,
    'accept',
    { assigneeId: me },
    { acceptedAt: ctx.now, dueStep: 'complete', dueAt: visit.completeBy, ...cleared },
  )
  await notify(
    [
      {
        openid: visit.residentOpenid,
        kind: 'visitProgress',
        what: VISIT_TYPES[visit.type],
        state: '已接单',
        note: `${visit.assigneeName ?? '党员'}将按约定时间上门`,
      },
    ],
    ctx.now,
  )
  return toVisitView(after, viewerOf(standing), await ctx.orgs(), ctx.now)
}

/** The assignee cannot go: the request goes back to the community for another dispatch. */
export async function declineVisit(ctx: CallContext, input: Input<'visit/decline'>): Promise<VisitView> {
  // The decliner no longer stands to the request, but their own decline sent again while it still waits for
  // another dispatch is answered as done: the request as handed back, with no contact and no move for them.
  const declinedBefore = (visit: VisitDoc, { member }: Caller) => {
    const last = visit.declines.at(-1)
    return (
      visit.status === 'submitted' &&
      member !== null &&
      last?.memberId === member._id &&
      last.reason === input.reason
    )
  }
  const standing = await loadVisit(ctx, input.visitId, declinedBefore)
  const { visit, roles, caller, org } = standing
  if (roles.size === 0) return toVisitView(visit, viewerOf(standing), await ctx.orgs(), ctx.now)
  await expect(visit, roles, 'decline')
  const member = caller.member
  if (!member) throw new AppError('VISIT.NOT_ASSIGNEE')
  const limits = await loadLimits(streetOf(org))
  const decline = { memberId: member._id, name: member.name, reason: input.reason, at: ctx.now }
  const after = await moveVisit(
    visit,
    'decline',
    { assigneeId: member._id },
    {
      dispatchedAt: null,
      dispatchedBy: null,
      dispatcherName: null,
      assigneeId: null,
      assigneeName: null,
      assigneeOpenid: null,
      acceptedAt: null,
      dueStep: 'dispatch',
      dueAt: stepDeadline('dispatch', ctx.now, visit.completeBy, limits),
      declines: [...visit.declines, decline],
      ...cleared,
    },
  )
  const secretaries = await staffOf(visit.orgId, 'community_secretary')
  await notify(
    secretaries.map((s) => ({
      openid: s.openid,
      kind: 'visitTask' as const,
      what: `${VISIT_TYPES[visit.type]}：${org.name}`,
      state: '请改派',
      note: `${member.name}无法前往：${input.reason}`,
    })),
    ctx.now,
  )
  // The decliner no longer stands as the assignee: they see it as it was handed back.
  const left = new Set(roles)
  left.delete('assignee')
  return toVisitView(after, viewerOf(standing, left.size > 0 ? left : roles), await ctx.orgs(), ctx.now)
}

export async function completeVisit(ctx: CallContext, input: Input<'visit/complete'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit, roles, caller, org } = standing
  const again = await doneBefore(
    ctx,
    standing,
    'complete',
    (v, me) => v.assigneeId === me && v.durationMinutes === input.durationMinutes && v.notes === input.notes,
  )
  if (again) return again
  await expect(visit, roles, 'complete')
  const [photos, limits] = await Promise.all([
    keepPhotos(ctx, input.photos, ['photo', 'photoPng']),
    loadLimits(streetOf(org)),
  ])
  let after: VisitDoc
  try {
    after = await moveVisit(
      visit,
      'complete',
      { assigneeId: caller.member?._id ?? '' },
      {
        completedAt: ctx.now,
        durationMinutes: input.durationMinutes,
        notes: input.notes,
        completionPhotos: photos,
        dueStep: 'confirm',
        dueAt: stepDeadline('confirm', ctx.now, visit.completeBy, limits),
        ...cleared,
      },
    )
  } catch (error) {
    // Refused (the request moved meanwhile): the photos kept for it are not needed. Any other failure may have
    // come after the write, which then refers to them: they stay.
    if (error instanceof AppError) await Promise.all(photos.map(dropKeptFile))
    throw error
  }
  await notify(
    [
      {
        openid: visit.residentOpenid,
        kind: 'visitProgress',
        what: VISIT_TYPES[visit.type],
        state: '待确认',
        note: '服务已完成，请确认并评价',
      },
    ],
    ctx.now,
  )
  return toVisitView(after, viewerOf(standing), await ctx.orgs(), ctx.now)
}

export async function confirmVisit(ctx: CallContext, input: Input<'visit/confirm'>): Promise<VisitView> {
  const standing = await loadVisit(ctx, input.visitId)
  const { visit, roles } = standing
  const again = await doneBefore(
    ctx,
    standing,
    'confirm',
    (v) => v.residentOpenid === ctx.openid && !v.autoConfirmed && v.rating === input.rating,
  )
  if (again) return again
  await expect(visit, roles, 'confirm')
  const after = await moveVisit(
    visit,
    'confirm',
    { residentOpenid: ctx.openid },
    {
      confirmedAt: ctx.now,
      rating: input.rating,
      comment: input.comment === '' ? null : input.comment,
      autoConfirmed: false,
      dueStep: null,
      dueAt: null,
      ...cleared,
    },
  )
  return toVisitView(after, viewerOf(standing), await ctx.orgs(), ctx.now)
}

/** The secretary's lists: waiting for dispatch, overdue, under way, done; the most urgent first. */
export async function visitQueue(ctx: CallContext, input: Input<'visit/queue'>): Promise<VisitQueue> {
  const org = await authorizeOn(ctx, 'visit.dispatch', input.orgId)
  const [caller, orgs] = await Promise.all([ctx.caller(), ctx.orgs()])
  const base = { orgPath: org._id }
  const waiting = { ...base, status: 'submitted' }
  const overdue = { ...base, dueStep: _.in([...FLAGGED]), dueAt: _.lt(ctx.now) }
  const where =
    input.view === 'waiting'
      ? waiting
      : input.view === 'overdue'
        ? overdue
        : { ...base, status: _.in(input.view === 'active' ? [...ACTIVE] : [...DONE]) }
  const query = visits().where(where)
  const ordered = input.view === 'done' ? query.orderBy('submittedAt', 'desc') : query.orderBy('dueAt', 'asc')
  const [page, total, waitingCount, overdueCount] = await Promise.all([
    ordered
      .skip(input.offset ?? 0)
      .limit(input.limit ?? 20)
      .get(),
    visits().where(where).count(),
    visits().where(waiting).count(),
    visits().where(overdue).count(),
  ])
  return {
    items: page.data.map((v) => {
      const roles = new Set<VisitActor>(['secretary'])
      if (caller.member && v.assigneeId === caller.member._id) roles.add('assignee')
      return toVisitView(v, { roles, memberId: caller.member?._id ?? null }, orgs, ctx.now)
    }),
    total: total.total,
    waiting: waitingCount.total,
    overdue: overdueCount.total,
  }
}

/** The bound members of the request's community, with how many open tasks each has, fewest first. */
export async function listAssignees(
  ctx: CallContext,
  input: Input<'visit/assignees'>,
): Promise<AssigneeOption[]> {
  const { visit, roles } = await loadVisit(ctx, input.visitId)
  if (!roles.has('secretary')) throw new AppError('COMMON.FORBIDDEN')
  const [members, open, orgs] = await Promise.all([
    collection('members')
      .where({ orgPath: visit.orgId, openid: _.neq(null) })
      .field({ name: true, orgId: true })
      .limit(500)
      .get(),
    visits()
      .where({ orgPath: visit.orgId, status: _.in(['dispatched', 'accepted']) })
      .field({ assigneeId: true })
      .limit(1000)
      .get(),
    ctx.orgs(),
  ])
  const tasks = new Map<string, number>()
  for (const v of open.data) if (v.assigneeId) tasks.set(v.assigneeId, (tasks.get(v.assigneeId) ?? 0) + 1)
  return members.data
    .map((m) => ({
      id: m._id,
      name: m.name,
      orgName: orgs.get(m.orgId)?.name ?? '',
      openTasks: tasks.get(m._id) ?? 0,
    }))
    .sort((a, b) => a.openTasks - b.openTasks || a.name.localeCompare(b.name, 'zh-CN'))
}

/** 我的任务: requests sent to the caller, open ones first, then the latest done. */
export async function myTasks(ctx: CallContext): Promise<VisitView[]> {
  const caller = await ctx.member()
  const [found, orgs] = await Promise.all([
    visits().where({ assigneeId: caller.member._id }).orderBy('submittedAt', 'desc').limit(50).get(),
    ctx.orgs(),
  ])
  const rank = (s: string) => (s === 'dispatched' ? 0 : s === 'accepted' ? 1 : 2)
  return found.data
    .map((v) => {
      const org = orgs.get(v.orgId)
      const roles = new Set<VisitActor>(['assignee'])
      if (org && can(caller.roles, 'visit.dispatch', org)) roles.add('secretary')
      return toVisitView(v, { roles, memberId: caller.member?._id ?? null }, orgs, ctx.now)
    })
    .sort((a, b) => rank(a.status) - rank(b.status))
}

export async function subscribe(
  ctx: CallContext,
  input: Input<'visit/subscribe'>,
): Promise<{ granted: Record<string, number> }> {
  await addGrants(ctx.openid, input.kinds, ctx.now)
  return { granted: await grantCounts(ctx.openid) }
}

async function streetOfCaller(ctx: CallContext): Promise<OrgDoc> {
  const orgs = await ctx.orgs()
  const street = [...orgs.values()].find((o) => o.parentId === null)
  if (!street) throw new AppError('ORG.NOT_FOUND')
  return street
}

export async function getSettings(ctx: CallContext): Promise<VisitSettingsView> {
  const [street, caller] = await Promise.all([streetOfCaller(ctx), ctx.member()])
  const limits = await loadLimits(street._id)
  return { ...limits, streetId: street._id, editable: can(caller.roles, 'org.manage', street) }
}

/** The street admin sets the street's time limits; requests already under way keep the deadlines they have. */
export async function saveSettings(
  ctx: CallContext,
  input: Input<'visit/saveSettings'>,
): Promise<VisitSettingsView> {
  const street = await streetOfCaller(ctx)
  await authorizeOn(ctx, 'org.manage', street._id)
  const caller = await ctx.member()
  const data = { ...input, updatedBy: caller.member._id, updatedAt: ctx.now }
  const settings = collection('visitSettings')
  const updated = await settings.where({ _id: street._id }).update({ data })
  if (updated.stats.updated !== 1) {
    const added = await insertOnce('visitSettings', { _id: street._id, ...data })
    if (added.outcome === 'exists') await settings.where({ _id: street._id }).update({ data })
  }
  return { ...input, streetId: street._id, editable: true }
}
