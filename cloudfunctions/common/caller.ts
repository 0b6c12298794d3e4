import type { RoleGrant } from '../domain/roles'
import { AppError } from './app-error'
import { collection, insertOnce } from './data'
import type { MemberDoc, OrgDoc, UserDoc } from './docs'

/** Who is calling: the roster entry bound to this OPENID (null for a resident) and the roles it holds. */
export interface Caller {
  openid: string
  member: MemberDoc | null
  roles: RoleGrant[]
}

export type BoundCaller = Caller & { member: MemberDoc }

/** What a handler knows about its call. Everything is loaded on first use and kept for the call. */
export interface CallContext {
  readonly openid: string
  readonly now: number
  caller(): Promise<Caller>
  /** The caller's account record (bind failures), created on first use; only binding needs it. */
  user(): Promise<UserDoc>
  /** The caller, who must be bound to a roster entry (COMMON.NOT_BOUND otherwise). */
  member(): Promise<BoundCaller>
  orgs(): Promise<ReadonlyMap<string, OrgDoc>>
}

/**
 * The caller's account, created the first time it is needed. Creating it by inserting the OPENID as `_id`
 * means two first calls at once still leave one user.
 */
export async function loadUser(openid: string, now: number): Promise<UserDoc> {
  const users = collection('users')
  const found = await users.where({ _id: openid }).limit(1).get()
  if (found.data[0]) return found.data[0]
  const fresh: UserDoc = { _id: openid, memberId: null, bindFailures: null, createdAt: now }
  const created = await insertOnce('users', fresh)
  if (created.outcome === 'inserted') return fresh
  const winner = await users.where({ _id: openid }).limit(1).get()
  return winner.data[0] ?? fresh
}

/**
 * One request: the roster entry whose `openid` is the caller's. Binding claims the user first and writes the
 * member's `openid` last, so a caller counts as bound only once both claims hold; the member document alone
 * then says who is bound.
 */
export async function loadCaller(openid: string): Promise<Caller> {
  const found = await collection('members').where({ openid }).limit(1).get()
  const member = found.data[0] ?? null
  return { openid, member, roles: member?.roles ?? [] }
}

/** The whole organisation tree: a street has tens of nodes, so one bounded read serves every check. */
export async function loadOrgs(): Promise<Map<string, OrgDoc>> {
  const result = await collection('orgs').limit(1000).get()
  return new Map(result.data.map((o) => [o._id, o]))
}

export function createContext(openid: string, now = Date.now()): CallContext {
  let caller: Promise<Caller> | undefined
  let user: Promise<UserDoc> | undefined
  let orgs: Promise<Map<string, OrgDoc>> | undefined
  return {
    openid,
    now,
    caller: () => (caller ??= loadCaller(openid)),
    user: () => (user ??= loadUser(openid, now)),
    async member() {
      const c = await (caller ??= loadCaller(openid))
      if (!c.member) throw new AppError('COMMON.NOT_BOUND')
      return c as BoundCaller
    },
    orgs: () => (orgs ??= loadOrgs()),
  }
}
