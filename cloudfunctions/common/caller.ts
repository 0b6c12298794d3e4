import type { RoleGrant } from '../domain/roles'
import { AppError } from './app-error'
import { db } from './cloud'
import { COLLECTIONS } from './collections'
import type { MemberDoc, OrgDoc, UserDoc } from './docs'

export interface Caller {
  openid: string
  user: UserDoc
  member: MemberDoc | null
  roles: RoleGrant[]
}

export type BoundCaller = Caller & { member: MemberDoc }

/** What a handler knows about its call. Everything is loaded on first use and kept for the call. */
export interface CallContext {
  readonly openid: string
  readonly now: number
  caller(): Promise<Caller>
  /** The caller, who must be bound to a roster entry (COMMON.NOT_BOUND otherwise). */
  member(): Promise<BoundCaller>
  orgs(): Promise<ReadonlyMap<string, OrgDoc>>
}

async function loadUser(openid: string, now: number): Promise<UserDoc> {
  const users = db.collection(COLLECTIONS.users)
  const found = await users.where({ _id: openid }).get()
  if (found.data.length > 0) return found.data[0] as UserDoc
  const fresh: UserDoc = { _id: openid, memberId: null, bindFailures: null, createdAt: now }
  // `set` on the OPENID as _id is an upsert, so two first calls at once still leave one user.
  const { _id, ...fields } = fresh
  await users.doc(_id).set({ data: fields })
  return fresh
}

export async function loadCaller(openid: string, now: number): Promise<Caller> {
  const user = await loadUser(openid, now)
  let member: MemberDoc | null = null
  if (user.memberId) {
    const found = await db.collection(COLLECTIONS.members).where({ _id: user.memberId, openid }).get()
    member = (found.data[0] as MemberDoc | undefined) ?? null
  }
  return { openid, user, member, roles: member?.roles ?? [] }
}

/** The whole organisation tree: a street has tens of nodes, so one bounded read serves every check. */
export async function loadOrgs(): Promise<Map<string, OrgDoc>> {
  const result = await db.collection(COLLECTIONS.orgs).limit(1000).get()
  return new Map((result.data as OrgDoc[]).map((o) => [o._id, o]))
}

export function createContext(openid: string, now = Date.now()): CallContext {
  let caller: Promise<Caller> | undefined
  let orgs: Promise<Map<string, OrgDoc>> | undefined
  return {
    openid,
    now,
    caller: () => (caller ??= loadCaller(openid, now)),
    async member() {
      const c = await (caller ??= loadCaller(openid, now))
      if (!c.member) throw new AppError('COMMON.NOT_BOUND')
      return c as BoundCaller
    },
    orgs: () => (orgs ??= loadOrgs()),
  }
}
