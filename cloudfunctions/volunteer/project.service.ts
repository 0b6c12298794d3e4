/**
 * 为民办实事: a secretary's practical projects for residents, each carried out through volunteer activities of the
 * organising node's subtree. Status moves are guarded transitions (the status as read, settled by the database),
 * edits are guarded by the revision the form was read at. Anyone, bound or not, reads a community's and the
 * street's projects: the views carry no personal data.
 */
import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { chunks, collection, findById, insertFromForm, noDocs, readById, transition } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type { ProjectDoc } from '../common/project.docs'
import { recordChanged } from '../common/rollups'
import type { ActivityDoc } from '../common/volunteer.docs'
import type {
  ProjectActivityView,
  ProjectDetail,
  projectInputs,
  ProjectList,
  ProjectView,
} from '../contract/project.contract'
import { projectRollup } from '../domain/project.rollup'
import {
  distinctIds,
  EDITABLE_STATUSES,
  periodProblem,
  PROJECT_MOVES,
  PROJECT_STATUS_LABELS,
} from '../domain/project.rules'
import { can, type OrgPlacement } from '../domain/roles'
import { yearOf } from '../domain/time'
import { activities, orgNameOf } from './volunteer.store'

type Input<K extends keyof typeof projectInputs> = z.output<(typeof projectInputs)[K]>

const projects = () => collection('projects')

/** The most projects one list shows, of one year: a community runs a few dozen a year. */
const LIST_MAX = 100

/** Projects whose period overlaps the year (dates are `YYYY-MM-DD`, so they compare as strings). */
function runningIn(year: number) {
  return { startDate: _.lte(`${year}-12-31`), endDate: _.gte(`${year}-01-01`) }
}

function placementOf(p: Pick<ProjectDoc, 'orgId' | 'orgPath'>): OrgPlacement {
  return { _id: p.orgId, ancestors: p.orgPath.slice(0, -1) }
}

function checkPeriod(startDate: string, endDate: string): void {
  const problem = periodProblem(startDate, endDate)
  if (problem) throw new AppError('PROJECT.BAD_PERIOD', { detail: problem })
}

/** The activities of `ids`, one request per 500 ids. */
async function activitiesOf(ids: readonly string[]): Promise<Map<string, ActivityDoc>> {
  const found = await Promise.all(
    chunks(distinctIds(ids)).map((part) =>
      activities()
        .where({ _id: _.in(part) })
        .limit(1000)
        .get(),
    ),
  )
  return new Map(found.flatMap((r) => r.data).map((a) => [a._id, a]))
}

/**
 * The activities a project of `orgId` may link: each must exist and be organised by that node or one below it (a
 * community's project links its branches' activities, never another community's).
 */
async function linkable(orgId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const found = await activitiesOf(ids)
  const missing = ids.filter((id) => !found.has(id))
  if (missing.length > 0) throw new AppError('PROJECT.ACTIVITY_NOT_FOUND', { count: missing.length })
  const outside = ids.flatMap((id) => found.get(id) ?? []).find((a) => !a.orgPath.includes(orgId))
  if (outside) throw new AppError('PROJECT.ACTIVITY_OUTSIDE', { title: outside.title })
}

function toActivityView(a: ActivityDoc, orgs: ReadonlyMap<string, OrgDoc>): ProjectActivityView {
  return {
    id: a._id,
    title: a.title,
    serviceType: a.serviceType,
    orgName: orgNameOf(orgs, a.orgId),
    startAt: a.startAt,
    status: a.status,
    beneficiaries: a.beneficiaries,
  }
}

function toView(
  p: ProjectDoc,
  linked: ReadonlyMap<string, ActivityDoc>,
  orgs: ReadonlyMap<string, OrgDoc>,
): ProjectView {
  const acts = p.activityIds
    .map((id) => linked.get(id))
    .filter((a): a is ActivityDoc => a !== undefined)
    .sort((a, b) => a.startAt - b.startAt)
  return {
    id: p._id,
    title: p.title,
    description: p.description,
    orgId: p.orgId,
    orgName: orgNameOf(orgs, p.orgId),
    partner: p.partner,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    beneficiaries: p.beneficiaries,
    activities: acts.map((a) => toActivityView(a, orgs)),
    activityBeneficiaries: acts.reduce(
      (sum, a) => sum + (a.status === 'closed' ? (a.beneficiaries ?? 0) : 0),
      0,
    ),
    reason: p.reason,
    rev: p.rev,
    updatedAt: p.updatedAt,
  }
}

async function viewsOf(ctx: CallContext, list: readonly ProjectDoc[]): Promise<ProjectView[]> {
  const [linked, orgs] = await Promise.all([activitiesOf(list.flatMap((p) => p.activityIds)), ctx.orgs()])
  return list.map((p) => toView(p, linked, orgs))
}

async function detailOf(ctx: CallContext, p: ProjectDoc, canManage: boolean): Promise<ProjectDetail> {
  const [view] = await viewsOf(ctx, [p])
  return { ...view, canManage }
}

function loadProject(projectId: string): Promise<ProjectDoc> {
  return readById('projects', projectId, 'PROJECT.NOT_FOUND')
}

/** The project, when the caller may manage it: a secretary of its organising node or above. */
async function managedProject(ctx: CallContext, projectId: string): Promise<ProjectDoc> {
  const [project, caller] = await Promise.all([loadProject(projectId), ctx.member()])
  if (!can(caller.roles, 'volunteer.manage', placementOf(project))) throw new AppError('COMMON.FORBIDDEN')
  return project
}

export async function createProject(
  ctx: CallContext,
  { submitKey, ...input }: Input<'project/create'>,
): Promise<ProjectDetail> {
  const org = await authorizeOn(ctx, 'volunteer.manage', input.orgId)
  checkPeriod(input.startDate, input.endDate)
  const activityIds = distinctIds(input.activityIds)
  await linkable(org._id, activityIds)
  const caller = await ctx.member()
  const doc: Omit<ProjectDoc, '_id'> = {
    title: input.title,
    description: input.description,
    orgId: org._id,
    orgPath: [...org.ancestors, org._id],
    partner: input.partner,
    startDate: input.startDate,
    endDate: input.endDate,
    status: 'planned',
    beneficiaries: null,
    activityIds,
    rev: 0,
    createdBy: caller.member._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    reason: null,
  }
  const { doc: stored } = await insertFromForm('projects', doc, { openid: ctx.openid, submitKey })
  return detailOf(ctx, stored, true)
}

/** Why an edit was refused after it was checked: cancelled meanwhile, or edited (or moved) by someone else. */
async function whyEditRefused(projectId: string): Promise<AppError> {
  const now = await findById('projects', projectId)
  if (!now) return new AppError('PROJECT.NOT_FOUND')
  if (now.status === 'cancelled') return new AppError('PROJECT.CANCELLED')
  return new AppError('PROJECT.CHANGED')
}

export async function updateProject(
  ctx: CallContext,
  input: Input<'project/update'>,
): Promise<ProjectDetail> {
  const project = await managedProject(ctx, input.projectId)
  if (project.status === 'cancelled') throw new AppError('PROJECT.CANCELLED')
  if (project.rev !== input.rev) throw new AppError('PROJECT.CHANGED')
  checkPeriod(input.startDate, input.endDate)
  const activityIds = distinctIds(input.activityIds)
  await linkable(project.orgId, activityIds)
  const set = {
    title: input.title,
    description: input.description,
    partner: input.partner,
    startDate: input.startDate,
    endDate: input.endDate,
    activityIds,
    beneficiaries: input.beneficiaries,
    rev: input.rev + 1,
    updatedAt: ctx.now,
  }
  await transition(
    'projects',
    project._id,
    { rev: input.rev, status: _.in([...EDITABLE_STATUSES]) },
    set,
    () => whyEditRefused(project._id),
  )
  return detailOf(ctx, { ...project, ...set }, true)
}

/** Why a move was refused: the project is no longer in a state the move leaves (someone moved it first). */
async function whyMoveRefused(projectId: string): Promise<AppError> {
  const now = await findById('projects', projectId)
  if (!now) return new AppError('PROJECT.NOT_FOUND')
  return new AppError('PROJECT.STATE_CHANGED', { status: PROJECT_STATUS_LABELS[now.status] })
}

/**
 * 开始实施, 标记完成 or 取消: one write, applied only while the project is still in the state it was read in (the
 * database decides), so of two secretaries completing it at once exactly one does and the rollup counts it once.
 * A move raises the revision, so an edit made from a form read before it is refused.
 */
export async function moveProject(ctx: CallContext, input: Input<'project/move'>): Promise<ProjectDetail> {
  const project = await managedProject(ctx, input.projectId)
  const rule = PROJECT_MOVES[input.move]
  if (!rule.from.includes(project.status)) {
    throw new AppError('PROJECT.STATE_CHANGED', { status: PROJECT_STATUS_LABELS[project.status] })
  }
  if (input.move === 'complete' && input.beneficiaries === null) {
    throw new AppError('PROJECT.BENEFICIARIES_NEEDED')
  }
  if (input.move === 'cancel' && input.reason === null) throw new AppError('PROJECT.REASON_NEEDED')
  const stamp =
    input.move === 'start'
      ? { startedAt: ctx.now }
      : input.move === 'complete'
        ? { completedAt: ctx.now, beneficiaries: input.beneficiaries }
        : { cancelledAt: ctx.now, reason: input.reason }
  const set = { status: rule.to, updatedAt: ctx.now, ...stamp }
  await transition('projects', project._id, { status: project.status }, { ...set, rev: _.inc(1) }, () =>
    whyMoveRefused(project._id),
  )
  const after: ProjectDoc = { ...project, ...set, rev: project.rev + 1 }
  await recordChanged(projectRollup, project, after)
  return detailOf(ctx, after, true)
}

function byStartDesc(a: ProjectDoc, b: ProjectDoc): number {
  return a.startDate === b.startDate ? b.createdAt - a.createdAt : a.startDate < b.startDate ? 1 : -1
}

/**
 * Anyone's list: the street's own projects and those of one community (its branches' included). The community
 * is the one asked for, or the caller's own when they are a member; a resident who names none sees the street's.
 */
export async function listProjects(ctx: CallContext, input: Input<'project/list'>): Promise<ProjectList> {
  const [caller, orgs] = await Promise.all([ctx.caller(), ctx.orgs()])
  const communities = [...orgs.values()]
    .filter((o) => o.type === 'community')
    .sort((a, b) => a.order - b.order)
  if (input.communityId !== null && orgs.get(input.communityId)?.type !== 'community') {
    throw new AppError('PROJECT.NOT_COMMUNITY')
  }
  const communityId =
    input.communityId ?? caller.member?.orgPath.find((id) => orgs.get(id)?.type === 'community') ?? null
  const year = input.year ?? yearOf(ctx.now)
  const streets = [...orgs.values()].filter((o) => o.type === 'street').map((o) => o._id)
  const [ofStreet, ofCommunity] = await Promise.all([
    streets.length > 0
      ? projects()
          .where({ orgId: _.in(streets), ...runningIn(year) })
          .orderBy('startDate', 'desc')
          .limit(LIST_MAX)
          .get()
      : Promise.resolve(noDocs('projects')),
    communityId !== null
      ? projects()
          .where({ orgPath: communityId, ...runningIn(year) })
          .orderBy('startDate', 'desc')
          .limit(LIST_MAX)
          .get()
      : Promise.resolve(noDocs('projects')),
  ])
  const list = [...ofCommunity.data, ...ofStreet.data].sort(byStartDesc)
  return {
    year,
    communities: communities.map((o) => ({ id: o._id, name: o.name })),
    communityId,
    projects: await viewsOf(ctx, list),
  }
}

/** A secretary's list: every project of a node's subtree, cancelled ones included. */
export async function manageProjects(
  ctx: CallContext,
  input: Input<'project/manage'>,
): Promise<{ year: number; projects: ProjectView[] }> {
  await authorizeOn(ctx, 'volunteer.manage', input.orgId)
  const year = input.year ?? yearOf(ctx.now)
  const found = await projects()
    .where({ orgPath: input.orgId, ...runningIn(year) })
    .orderBy('startDate', 'desc')
    .limit(LIST_MAX)
    .get()
  return { year, projects: await viewsOf(ctx, found.data.sort(byStartDesc)) }
}

/** Anyone reads one project; `canManage` tells its secretaries they may edit and move it. */
export async function getProject(ctx: CallContext, input: Input<'project/get'>): Promise<ProjectDetail> {
  const [project, caller] = await Promise.all([loadProject(input.projectId), ctx.caller()])
  return detailOf(ctx, project, can(caller.roles, 'volunteer.manage', placementOf(project)))
}
