import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { fetchAll, findById, insertOnce } from '../common/data'
import type { LecturerDoc, MemberDoc, OrgDoc, SessionDoc } from '../common/docs'
import type { LecturerReportView, LecturerView, studyInputs } from '../contract/study.contract'
import { childAncestors } from '../domain/org-tree'
import { inSubtree } from '../domain/roles'
import { SESSION_FORMATS, SESSION_TYPES, type SessionFormat, type SessionType } from '../domain/study.rules'
import { yearRange } from '../domain/time'
import { lecturers, members, sessions } from './study.store'
import { toLecturerView } from './study.views'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

/**
 * The pool a node can draw on: its own lecturers, those of the nodes above it, and those below it, and the
 * members who hold the 讲师 role on any of those nodes. A role holder not yet in 讲师队伍 is listed under their
 * member id and joins it (as 本单位) the first time a session names them (`assertLecturer`).
 */
export async function listLecturers(
  ctx: CallContext,
  input: Input<'lecturer/list'>,
): Promise<{ lecturers: LecturerView[] }> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  const orgs = await ctx.orgs()
  const nodes = [
    ...org.ancestors,
    ...[...orgs.values()].filter((o) => inSubtree(org._id, o)).map((o) => o._id),
  ]
  const [found, holders] = await Promise.all([
    fetchAll<LecturerDoc>(lecturers().where(_.or([{ orgPath: org._id }, { orgId: _.in(org.ancestors) }]))),
    lecturerRoleHolders(nodes),
  ])
  const listed = new Set(found.map((l) => l._id))
  const fromRoles = holders.filter((l) => !listed.has(l._id))
  return {
    lecturers: [...found, ...fromRoles]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
      .map((l) => toLecturerView(l, orgs)),
  }
}

/** Members holding the 讲师 role on one of `nodes`, as the lecturer record each becomes when first named. */
async function lecturerRoleHolders(nodes: readonly string[]): Promise<LecturerDoc[]> {
  const held = await fetchAll(members().where({ 'roles.orgId': _.in([...nodes]), 'roles.role': 'lecturer' }))
  return held.flatMap((m) => {
    const grant = m.roles.find((r) => r.role === 'lecturer' && nodes.includes(r.orgId))
    return grant ? [memberLecturer(m, grant.orgId, m.orgPath)] : []
  })
}

function memberLecturer(
  m: Pick<MemberDoc, '_id' | 'name' | 'createdAt'>,
  orgId: string,
  path: string[],
): LecturerDoc {
  const orgPath = path.includes(orgId) ? path.slice(0, path.indexOf(orgId) + 1) : [orgId]
  return {
    _id: m._id,
    name: m.name,
    isStaff: true,
    speciality: '',
    orgId,
    orgPath,
    createdAt: m.createdAt,
    updatedAt: m.createdAt,
  }
}

/**
 * The lecturer a session names, from the pool of its node or a node above it: a 讲师队伍 record, or a member
 * holding the 讲师 role there, who is added to 讲师队伍 (under their member id, once) as they are named.
 */
export async function assertLecturer(
  ctx: CallContext,
  lecturerId: string | null,
  org: OrgDoc,
): Promise<void> {
  if (lecturerId === null) return
  const pool = [...org.ancestors, org._id]
  const lecturer = await findById('lecturers', lecturerId)
  if (lecturer) {
    if (!pool.includes(lecturer.orgId)) throw new AppError('STUDY.LECTURER_NOT_FOUND')
    return
  }
  const member = await findById('members', lecturerId)
  const grant = member?.roles.find((r) => r.role === 'lecturer' && pool.includes(r.orgId))
  if (!member || !grant) throw new AppError('STUDY.LECTURER_NOT_FOUND')
  const orgs = await ctx.orgs()
  const node = orgs.get(grant.orgId)
  const doc = memberLecturer(
    { ...member, createdAt: ctx.now },
    grant.orgId,
    node ? childAncestors(node) : [grant.orgId],
  )
  // Two sessions naming the same new lecturer at once: one insert wins, the other finds it made.
  await insertOnce('lecturers', doc)
}

export async function saveLecturer(ctx: CallContext, input: Input<'lecturer/save'>): Promise<LecturerView> {
  const org = await authorizeOn(ctx, 'session.manage', input.orgId)
  const fields = {
    name: input.name,
    isStaff: input.isStaff,
    speciality: input.speciality,
    orgId: org._id,
    orgPath: childAncestors(org),
    updatedAt: ctx.now,
  }
  if (input.lecturerId) {
    const existing = await findById('lecturers', input.lecturerId)
    if (!existing) throw new AppError('STUDY.LECTURER_NOT_FOUND')
    await authorizeOn(ctx, 'session.manage', existing.orgId)
    await lecturers().doc(existing._id).update({ data: fields })
    return toLecturerView({ ...existing, ...fields }, await ctx.orgs())
  }
  const doc = { ...fields, createdAt: ctx.now }
  const added = await lecturers().add({ data: doc })
  return toLecturerView({ _id: String(added._id), ...doc }, await ctx.orgs())
}

/** Lectures given and the mix of session types and formats in a year, for a node's subtree. */
export async function lecturerReport(
  ctx: CallContext,
  input: Input<'lecturer/report'>,
): Promise<LecturerReportView> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  const [from, to] = yearRange(input.year)
  const held = await fetchAll<SessionDoc>(
    sessions().where({ orgPath: org._id, status: 'scheduled', startAt: _.gte(from).and(_.lt(to)) }),
  )
  const byType = Object.fromEntries(Object.keys(SESSION_TYPES).map((t) => [t, 0])) as Record<
    SessionType,
    number
  >
  const byFormat = Object.fromEntries(Object.keys(SESSION_FORMATS).map((f) => [f, 0])) as Record<
    SessionFormat,
    number
  >
  const byLecturer = new Map<string, number>()
  for (const s of held) {
    byType[s.type]++
    byFormat[s.format]++
    if (s.lecturerId) byLecturer.set(s.lecturerId, (byLecturer.get(s.lecturerId) ?? 0) + 1)
  }
  const pool = (await listLecturers(ctx, { orgId: org._id })).lecturers
  return {
    year: input.year,
    lecturers: pool
      .map((l) => ({ ...l, sessions: byLecturer.get(l.id) ?? 0 }))
      .sort((a, b) => b.sessions - a.sessions),
    byType,
    byFormat,
    total: held.length,
  }
}
