/**
 * The scheduled run (a CloudBase timer trigger; the local host runs it on the same cron): confirms requests the
 * resident left unconfirmed past the limit, flags steps that ran past their time limit to the community's
 * secretaries, and escalates to the street those still overdue after a while. Two runs may overlap: every change
 * is a guarded transition at the number of moves read (and, for a flag, while unflagged), so each request is
 * confirmed, flagged and escalated once, and only the run whose write applied sends the message.
 */
import { AppError } from '../common/app-error'
import { loadOrgs } from '../common/caller'
import { _ } from '../common/cloud'
import { transition } from '../common/data'
import type { OrgDoc } from '../common/docs'
import { recordChanged } from '../common/rollups'
import type { VisitDoc } from '../common/visit.docs'
import { visitRollup } from '../domain/visit.rollup'
import { FLAGGED_STEPS, HOUR_MS, VISIT_STEP_LABELS, VISIT_TYPES } from '../domain/visit.rules'
import { notify, type VisitMessage } from './notify'
import { loadLimits, staffOf, visits } from './visit.store'

/** Requests handled per kind and run; the next run (minutes later) takes the rest. */
export const TIMER_BATCH = 100

export interface VisitTimerReport {
  autoConfirmed: number
  flagged: number
  escalated: number
  messages: number
}

/** Runs a guarded write; false when another run (or a person) changed the request first. */
async function claim(
  visit: VisitDoc,
  guard: Record<string, unknown>,
  set: Record<string, unknown>,
): Promise<boolean> {
  const lost = new AppError('VISIT.STATE_CHANGED')
  try {
    await transition('visits', visit._id, { ...guard, moves: visit.moves }, set, () => lost)
    return true
  } catch (error) {
    if (error === lost) return false
    throw error
  }
}

async function autoConfirm(now: number): Promise<number> {
  const due = await visits()
    .where({ dueStep: 'confirm', dueAt: _.lte(now) })
    .limit(TIMER_BATCH)
    .get()
  let done = 0
  for (const visit of due.data) {
    const set = {
      status: 'confirmed' as const,
      confirmedAt: now,
      autoConfirmed: true,
      dueStep: null,
      dueAt: null,
    }
    const won = await claim(
      visit,
      { status: 'completed', dueStep: 'confirm' },
      { ...set, moves: visit.moves + 1 },
    )
    if (!won) continue
    await recordChanged(visitRollup, visit, { ...visit, ...set, moves: visit.moves + 1 })
    done++
  }
  return done
}

async function secretariesMessages(
  cache: Map<string, { openid: string }[]>,
  orgId: string,
): Promise<{ openid: string }[]> {
  const known = cache.get(orgId)
  if (known) return known
  const found = await staffOf(orgId, 'community_secretary')
  cache.set(orgId, found)
  return found
}

async function flagOverdue(
  now: number,
  orgs: ReadonlyMap<string, OrgDoc>,
): Promise<[number, VisitMessage[]]> {
  const late = await visits()
    .where({ dueStep: _.in([...FLAGGED_STEPS]), dueAt: _.lte(now), overdueAt: null })
    .limit(TIMER_BATCH)
    .get()
  const cache = new Map<string, { openid: string }[]>()
  const messages: VisitMessage[] = []
  let flagged = 0
  for (const visit of late.data) {
    const won = await claim(
      visit,
      { overdueAt: null, dueStep: visit.dueStep },
      { overdueAt: now, late: true },
    )
    if (!won || visit.dueStep === null) continue
    flagged++
    for (const s of await secretariesMessages(cache, visit.orgId)) {
      messages.push({
        openid: s.openid,
        kind: 'visitTask',
        what: `${VISIT_TYPES[visit.type]}：${orgs.get(visit.orgId)?.name ?? ''}`,
        state: '已超时',
        note: `${VISIT_STEP_LABELS[visit.dueStep]}已超过时限`,
      })
    }
  }
  return [flagged, messages]
}

async function escalate(now: number, orgs: ReadonlyMap<string, OrgDoc>): Promise<[number, VisitMessage[]]> {
  const streets = [...orgs.values()].filter((o) => o.parentId === null)
  const messages: VisitMessage[] = []
  let escalated = 0
  for (const street of streets) {
    const limits = await loadLimits(street._id)
    const stale = await visits()
      .where({
        orgPath: street._id,
        dueStep: _.in([...FLAGGED_STEPS]),
        overdueAt: _.lte(now - limits.escalateHours * HOUR_MS),
        escalatedAt: null,
      })
      .limit(TIMER_BATCH)
      .get()
    let admins: { openid: string }[] | null = null
    for (const visit of stale.data) {
      const won = await claim(visit, { escalatedAt: null, overdueAt: _.neq(null) }, { escalatedAt: now })
      if (!won) continue
      escalated++
      admins ??= await staffOf(street._id, 'street_admin')
      for (const a of admins) {
        messages.push({
          openid: a.openid,
          kind: 'visitTask',
          what: `${VISIT_TYPES[visit.type]}：${orgs.get(visit.orgId)?.name ?? ''}`,
          state: '超时上报',
          note: `${VISIT_STEP_LABELS[visit.dueStep ?? 'dispatch']}超时未处理`,
        })
      }
    }
  }
  return [escalated, messages]
}

export async function runVisitTimer(now: number): Promise<VisitTimerReport> {
  const orgs = await loadOrgs()
  const autoConfirmed = await autoConfirm(now)
  const [flagged, flags] = await flagOverdue(now, orgs)
  const [escalated, escalations] = await escalate(now, orgs)
  const messages = await notify([...flags, ...escalations], now)
  return { autoConfirmed, flagged, escalated, messages }
}
