import type * as z from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { fetchAll, findById } from '../common/data'
import type { LecturerDoc, SessionDoc } from '../common/docs'
import type { LecturerReportView, LecturerView, studyInputs } from '../contract/study.contract'
import { childAncestors } from '../domain/org-tree'
import { SESSION_FORMATS, SESSION_TYPES, type SessionFormat, type SessionType } from '../domain/study.rules'
import { yearRange } from '../domain/time'
import { lecturers, sessions } from './study.store'
import { toLecturerView } from './study.views'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

/** The pool a node can draw on: its own lecturers, those of the nodes above it, and those below it. */
export async function listLecturers(
  ctx: CallContext,
  input: Input<'lecturer/list'>,
): Promise<{ lecturers: LecturerView[] }> {
  const org = await authorizeOn(ctx, 'stats.read', input.orgId)
  const found = await fetchAll<LecturerDoc>(
    lecturers().where(_.or([{ orgPath: org._id }, { orgId: _.in(org.ancestors) }])),
  )
  const orgs = await ctx.orgs()
  return {
    lecturers: found.sort((a, b) => a.name.localeCompare(b.name, 'zh')).map((l) => toLecturerView(l, orgs)),
  }
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
