import { _ } from '../common/cloud'
import { collection, fetchAll } from '../common/data'
import type { MemberDoc, OrgDoc } from '../common/docs'
import { belongedAt } from '../domain/org-history.rules'
import { monthRange, shiftMonth, yearRange } from '../domain/time'

export type SubtreeMember = Pick<MemberDoc, '_id' | 'name' | 'orgId' | 'orgPath' | 'createdAt' | 'orgHistory'>

/** A period ("2026-11" or "2026"): its months and its [start, end) in ms, China time. */
export function periodOf(period: string): { months: string[]; range: [number, number]; year: boolean } {
  if (/^\d{4}$/.test(period)) {
    const months = Array.from({ length: 12 }, (_, i) => shiftMonth(`${period}-01`, i))
    return { months, range: yearRange(Number(period)), year: true }
  }
  return { months: [period], range: monthRange(period), year: false }
}

/**
 * Everyone who ever belonged to the subtree (by organisation history, or now): one bounded read, by the
 * organisation's size, whatever the history's length. Membership at any moment is then worked out here.
 */
export function subtreeMembers(orgId: string): Promise<SubtreeMember[]> {
  return fetchAll(
    collection('members')
      .where(_.or([{ orgPath: orgId }, { 'orgHistory.orgPath': orgId }]))
      .field({ name: true, orgId: true, orgPath: true, createdAt: true, orgHistory: true }),
  )
}

/** The moment a period's membership is read at: its last millisecond, or now while it is under way. */
export function endOf(range: [number, number], now: number): number {
  return Math.min(range[1] - 1, now)
}

export function membersIn(members: readonly SubtreeMember[], orgId: string, at: number): SubtreeMember[] {
  return members.filter((m) => belongedAt(m, orgId, at))
}

/** Names of members by id, read in pages of 500 (a page of records names at most a page of people). */
export async function memberNames(ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  const names = new Map<string, string>()
  for (let i = 0; i < unique.length; i += 500) {
    const found = await collection('members')
      .where({ _id: _.in(unique.slice(i, i + 500)) })
      .field({ name: true })
      .limit(1000)
      .get()
    for (const m of found.data) names.set(m._id, m.name)
  }
  return names
}

export const orgName = (orgs: ReadonlyMap<string, OrgDoc>, id: string | undefined): string =>
  (id && orgs.get(id)?.name) || ''
