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

/** 应到: the members of the session's node and everything below it. */
export function expectedMembers(orgId: string): Promise<Pick<MemberDoc, '_id' | 'name' | 'orgId'>[]> {
  return fetchAll(members().where({ orgPath: orgId }).field({ name: true, orgId: true }))
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
