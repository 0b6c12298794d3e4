import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { createMain, route, type RoutesOf } from '../common/router'
import { statsInputs } from '../contract/stats.contract'
import { exportStats } from './export.service'
import { rebuildRollups, verifyRollups } from './rebuild'
import { monthStats, records, todo, yearReport } from './stats.service'

/** Rebuilding touches every node's figures: the street's admin only (org.manage is held on the street alone). */
async function rebuild(ctx: CallContext) {
  const street = [...(await ctx.orgs()).values()].find((o) => o.parentId === null)
  await authorizeOn(ctx, 'org.manage', street?._id ?? '')
  return rebuildRollups()
}

export const routes: RoutesOf<'stats'> = {
  'stats/month': route(statsInputs['stats/month'], (input, ctx) => monthStats(ctx, input)),
  'stats/records': route(statsInputs['stats/records'], (input, ctx) => records(ctx, input)),
  'stats/todo': route(statsInputs['stats/todo'], (input, ctx) => todo(ctx, input)),
  'stats/export': route(statsInputs['stats/export'], (input, ctx) => exportStats(ctx, input)),
  'stats/year': route(statsInputs['stats/year'], (input, ctx) => yearReport(ctx, input)),
  'rollups/rebuild': route(statsInputs['rollups/rebuild'], (_input, ctx) => rebuild(ctx)),
}

export const NIGHTLY_CHECK = 'nightlyRollupCheck'

export const main = createMain(routes, {
  timers: { [NIGHTLY_CHECK]: ({ now }) => verifyRollups(now) },
})
