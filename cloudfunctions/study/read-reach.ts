import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { inSubtree, readReach } from '../domain/roles'

/** What of a node's study records the caller may read. */
export interface StudyReach {
  /** Whether a member placed on this node is within the caller's reading. */
  covers(orgId: string): boolean
  /** The nodes the reading is limited to (a 支部书记 at a community's session: their branch), or null for all. */
  limitedTo: string[] | null
}

/**
 * Readers of a node's study records: holders of stats.read on it (its secretaries, the street's 纪工委) read all
 * of them; holders of it on nodes below (a 支部书记 at a community's or the street's session, where their branch's
 * members are expected) read their own members' part only. COMMON.FORBIDDEN for anyone else.
 */
export async function studyReach(ctx: CallContext, orgId: string): Promise<StudyReach> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const org = orgs.get(orgId)
  const reach = org ? readReach(caller.roles, 'stats.read', org, orgs) : null
  if (reach === null) throw new AppError('COMMON.FORBIDDEN')
  if (reach === 'whole') return { covers: () => true, limitedTo: null }
  return {
    covers: (memberOrg) => {
      const placed = orgs.get(memberOrg)
      return placed !== undefined && reach.some((root) => inSubtree(root, placed))
    },
    limitedTo: reach.map((id) => orgs.get(id)?.name ?? '').filter((name) => name !== ''),
  }
}
