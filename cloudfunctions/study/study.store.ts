import { _ } from '../common/cloud'
import { collection, fetchAll, readById } from '../common/data'
import type { MemberDoc, SessionDoc } from '../common/docs'
import { joinIds } from '../domain/ids'
import { spanAt } from '../domain/org-history.rules'

/** Reads the study function's handlers share. */
export const sessions = () => collection('sessions')
export const checkins = () => collection('checkins')
export const leaves = () => collection('leaves')
export const lecturers = () => collection('lecturers')
export const members = () => collection('members')

/** One record per member and session: the id makes a second insert fail instead of duplicating. */
export function recordId(sessionId: string, memberId: string): string {
  return joinIds(sessionId, memberId)
}

export function loadSession(sessionId: string): Promise<SessionDoc> {
  return readById('sessions', sessionId, 'STUDY.SESSION_NOT_FOUND')
}

export type HistoryMember = Pick<MemberDoc, '_id' | 'name' | 'orgId' | 'orgPath' | 'createdAt' | 'orgHistory'>

/**
 * The members who belonged to `orgId` or a node below it at the moment `at`, read from their organisation history
 * (domain/org-history.rules.ts) in one query: a session's 应到 is `membersAt(session.orgId, session.startAt)`, so
 * it is fixed when the session starts and never moves with the roster afterwards. Members stored before histories
 * existed count from when they were added, in the node they are in.
 */
export function membersAt(orgId: string, at: number): Promise<HistoryMember[]> {
  return fetchAll(
    members()
      .where(
        _.or([
          { orgHistory: _.elemMatch({ orgPath: orgId, from: _.lte(at), to: _.gt(at) }) },
          { orgHistory: _.exists(false), orgPath: orgId, createdAt: _.lte(at) },
        ]),
      )
      .field({ name: true, orgId: true, orgPath: true, createdAt: true, orgHistory: true }),
  )
}

/** A session's 应到 per node: who belonged to its node at its start, counted by the node each was in then. */
export async function expectedByOrgAt(
  session: Pick<SessionDoc, 'orgId' | 'startAt'>,
): Promise<{ orgPath: string[]; count: number }[]> {
  const byOrg = new Map<string, { orgPath: string[]; count: number }>()
  for (const m of await membersAt(session.orgId, session.startAt)) {
    const orgPath = spanAt(m, session.startAt)?.orgPath ?? m.orgPath
    const key = orgPath.join('/')
    const entry = byOrg.get(key) ?? { orgPath, count: 0 }
    entry.count++
    byOrg.set(key, entry)
  }
  return [...byOrg.values()]
}

export async function namesOf(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  const names = new Map<string, string>()
  for (let i = 0; i < unique.length; i += 500) {
    const page = await members()
      .where({ _id: _.in(unique.slice(i, i + 500)) })
      .field({ name: true })
      .limit(1000)
      .get()
    for (const m of page.data) names.set(m._id, m.name)
  }
  return names
}

export async function lecturerNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))]
  if (wanted.length === 0) return new Map()
  const found = await lecturers()
    .where({ _id: _.in(wanted) })
    .limit(1000)
    .get()
  return new Map(found.data.map((l) => [l._id, l.name]))
}
