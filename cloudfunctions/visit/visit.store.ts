import { AppError } from '../common/app-error'
import type { CallContext, Caller } from '../common/caller'
import { cloud } from '../common/cloud'
import { collection, findById, readById } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type { VisitDoc } from '../common/visit.docs'
import type { VisitActions, VisitView } from '../contract/visit.contract'
import { can } from '../domain/roles'
import {
  canMove,
  contactAccess,
  DEFAULT_VISIT_LIMITS,
  maskAddress,
  maskPhone,
  preferredLabel,
  VISIT_STATUS_LABELS,
  VISIT_TYPES,
  type VisitActor,
  type VisitLimits,
  visitProgress,
} from '../domain/visit.rules'

export const visits = () => collection('visits')

/** The street (the tree's root) a community belongs to. */
export function streetOf(org: OrgDoc): string {
  return org.ancestors[0] ?? org._id
}

/** A street's limits: its stored settings, or the defaults. */
export async function loadLimits(streetId: string): Promise<VisitLimits> {
  const stored = await findById('visitSettings', streetId)
  if (!stored) return DEFAULT_VISIT_LIMITS
  const { dispatchHours, acceptHours, completeHours, confirmDays, escalateHours } = stored
  return { dispatchHours, acceptHours, completeHours, confirmDays, escalateHours }
}

/** How the caller stands to a request: the resident who asked, a secretary of its community, its assignee. */
export interface Standing {
  caller: Caller
  roles: Set<VisitActor>
  org: OrgDoc
}

export function standingOf(caller: Caller, visit: VisitDoc, org: OrgDoc): Standing {
  const roles = new Set<VisitActor>()
  if (visit.residentOpenid === caller.openid) roles.add('resident')
  if (caller.member && can(caller.roles, 'visit.dispatch', org)) roles.add('secretary')
  if (caller.member && visit.assigneeId === caller.member._id) roles.add('assignee')
  return { caller, roles, org }
}

/**
 * The request and the caller's standing to it. Anyone else (another resident, a member it was not sent to, a
 * secretary of another community) is told it does not exist: a request's existence is the resident's too.
 */
export async function loadVisit(
  ctx: CallContext,
  visitId: string,
  /** Keeps a caller with no standing (to answer their own earlier move); they are told nothing more. */
  standsAnyway: (visit: VisitDoc, caller: Caller) => boolean = () => false,
): Promise<{ visit: VisitDoc } & Standing> {
  const [visit, caller, orgs] = await Promise.all([
    readById('visits', visitId, 'VISIT.NOT_FOUND'),
    ctx.caller(),
    ctx.orgs(),
  ])
  const org = orgs.get(visit.orgId)
  if (!org) throw new AppError('VISIT.NOT_FOUND')
  const standing = standingOf(caller, visit, org)
  if (standing.roles.size === 0 && !standsAnyway(visit, caller)) throw new AppError('VISIT.NOT_FOUND')
  return { visit, ...standing }
}

/** Who reads a view: how they stand to the request, and their roster entry (null for a resident). */
export interface Viewer {
  roles: ReadonlySet<VisitActor>
  memberId: string | null
}

/** The resident who asked, reading their own request. */
export const RESIDENT: Viewer = { roles: new Set(['resident']), memberId: null }

/** The viewer a standing makes: its roles (or those given), and the caller's roster entry. */
export function viewerOf(standing: Standing, roles: ReadonlySet<VisitActor> = standing.roles): Viewer {
  return { roles, memberId: standing.caller.member?._id ?? null }
}

function actionsFor(visit: VisitDoc, { roles, memberId }: Viewer): VisitActions {
  const may = (move: Parameters<typeof canMove>[0]) =>
    [...roles].some((by) => canMove(move, by, visit.status))
  return {
    cancel: may('cancel'),
    confirm: may('confirm'),
    dispatch: may('dispatch'),
    reject: may('reject'),
    accept: may('accept'),
    decline: may('decline'),
    complete: may('complete'),
    contact: !roles.has('resident') && contactAccess(visit, roles, memberId).may,
  }
}

/** Temporary URLs of a request's photos (detail views only: one storage call). */
export async function photoUrls(visit: VisitDoc): Promise<{ photo: string[]; completion: string[] }> {
  const ids = [...(visit.photo ? [visit.photo] : []), ...visit.completionPhotos]
  if (ids.length === 0) return { photo: [], completion: [] }
  try {
    const { fileList } = await cloud.getTempFileURL({
      fileList: ids.map((fileID) => ({ fileID, maxAge: 10 * 60 })),
    })
    const urls = fileList.map((f) => f.tempFileURL).filter((u): u is string => Boolean(u))
    return visit.photo
      ? { photo: urls.slice(0, 1), completion: urls.slice(1) }
      : { photo: [], completion: urls }
  } catch (error) {
    console.error('[visit] no temporary URL for a photo', visit._id, error)
    return { photo: [], completion: [] }
  }
}

/**
 * What a viewer sees. The phone and the address are masked for everyone but the resident themself; those who
 * must call or go there read them through visit/contact, which logs each reveal.
 */
export function toVisitView(
  visit: VisitDoc,
  viewer: Viewer,
  orgs: ReadonlyMap<string, OrgDoc>,
  now: number,
  urls: { photo: string[]; completion: string[] } = { photo: [], completion: [] },
): VisitView {
  const mine = viewer.roles.has('resident')
  return {
    id: visit._id,
    serviceType: visit.type,
    serviceLabel: VISIT_TYPES[visit.type],
    orgId: visit.orgId,
    orgName: orgs.get(visit.orgId)?.name ?? '',
    status: visit.status,
    statusLabel: VISIT_STATUS_LABELS[visit.status],
    progress: visitProgress(visit.status, visit.assigneeName, visit.autoConfirmed),
    description: visit.description,
    address: mine ? visit.address : maskAddress(visit.address),
    phone: mine ? visit.phone : maskPhone(visit.phone),
    preferredLabel: preferredLabel(visit.preferred),
    submittedAt: visit.submittedAt,
    dispatchedAt: visit.dispatchedAt,
    acceptedAt: visit.acceptedAt,
    completedAt: visit.completedAt,
    confirmedAt: visit.confirmedAt,
    endedAt: visit.cancelledAt ?? visit.rejectedAt,
    assigneeName: visit.assigneeName,
    dispatcherName: visit.dispatcherName,
    reason: visit.reason,
    declines: visit.declines.length,
    durationMinutes: visit.durationMinutes,
    notes: visit.notes,
    rating: visit.rating,
    comment: visit.comment,
    autoConfirmed: visit.autoConfirmed,
    dueStep: visit.dueStep,
    dueAt: visit.dueAt,
    overdue:
      visit.overdueAt !== null || (visit.dueStep !== 'confirm' && visit.dueAt !== null && visit.dueAt < now),
    escalated: visit.escalatedAt !== null,
    hasPhoto: visit.photo !== null,
    photoUrls: urls.photo,
    completionPhotos: visit.completionPhotos.length,
    completionPhotoUrls: urls.completion,
    mine,
    can: actionsFor(visit, viewer),
  }
}

/** The secretaries (社区书记) of a community, and the street admins: whom new and overdue requests reach. */
export async function staffOf(
  orgId: string,
  role: 'community_secretary' | 'street_admin',
): Promise<{ openid: string }[]> {
  const found = await collection('members')
    .where({ 'roles.orgId': orgId })
    .field({ roles: true, openid: true })
    .limit(100)
    .get()
  return found.data.flatMap((m) =>
    m.openid !== null && m.roles.some((r) => r.orgId === orgId && r.role === role)
      ? [{ openid: m.openid }]
      : [],
  )
}
