import { AppError } from '../common/app-error'
import { db } from '../common/cloud'
import { COLLECTIONS } from '../common/collections'
import type { LecturerDoc, MemberDoc, SessionDoc } from '../common/docs'
import { fetchAll } from '../common/query'
import { joinIds } from '../domain/ids'

/** Reads the study function's handlers share. */
export const sessions = () => db.collection(COLLECTIONS.sessions)
export const checkins = () => db.collection(COLLECTIONS.checkins)
export const leaves = () => db.collection(COLLECTIONS.leaves)
export const lecturers = () => db.collection(COLLECTIONS.lecturers)
export const members = () => db.collection(COLLECTIONS.members)

/** One record per member and session: the id makes a second insert fail instead of duplicating. */
export function recordId(sessionId: string, memberId: string): string {
  return joinIds(sessionId, memberId)
}

export async function loadSession(sessionId: string): Promise<SessionDoc> {
  const found = await sessions().where({ _id: sessionId }).get()
  const session = found.data[0] as SessionDoc | undefined
  if (!session) throw new AppError('STUDY.SESSION_NOT_FOUND')
  return session
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
      .where({ _id: db.command.in(unique.slice(i, i + 500)) })
      .field({ name: true })
      .limit(1000)
      .get()
    for (const m of page.data as Pick<MemberDoc, '_id' | 'name'>[]) names.set(m._id, m.name)
  }
  return names
}

export async function lecturerNames(ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))]
  if (wanted.length === 0) return new Map()
  const found = await lecturers()
    .where({ _id: db.command.in(wanted) })
    .limit(1000)
    .get()
  return new Map((found.data as LecturerDoc[]).map((l) => [l._id, l.name]))
}
