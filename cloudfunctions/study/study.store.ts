import { _ } from '../common/cloud'
import { collection, fetchAll, readById } from '../common/data'
import type { MemberDoc, SessionDoc } from '../common/docs'
import { joinIds } from '../domain/ids'

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
