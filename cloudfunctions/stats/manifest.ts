import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { statsInputs } from '../contract/stats.contract'

export const manifest: FunctionManifest<'stats'> = {
  name: 'stats',
  routes: statsInputs,
  openapi: [],
  secrets: [],
  // Every night at 02:30 China time (the functions run in UTC+8 on CloudBase): a sample of the rollups against
  // the raw records (stats/rebuild.ts verifyRollups).
  triggers: [{ name: 'nightlyRollupCheck', type: 'timer', config: '0 30 2 * * * *' }],
  // Exporting a year of a street, and the rebuild (every record read once).
  timeout: 60,
  reads: [
    COLLECTIONS.users,
    COLLECTIONS.members,
    COLLECTIONS.orgs,
    COLLECTIONS.rollups,
    COLLECTIONS.sessions,
    COLLECTIONS.checkins,
    COLLECTIONS.leaves,
    COLLECTIONS.lecturers,
    COLLECTIONS.studyMonths,
    COLLECTIONS.quizExams,
    COLLECTIONS.quizExpected,
    COLLECTIONS.quizAttempts,
    // The other areas' records (common/rollup-sources.ts): their figures' records, the rebuild and the nightly check.
    COLLECTIONS.pledgeAssignments,
    COLLECTIONS.volActivities,
    COLLECTIONS.volSignups,
    COLLECTIONS.volEntries,
    COLLECTIONS.visits,
    COLLECTIONS.projects,
  ],
  writes: [COLLECTIONS.users, COLLECTIONS.rollups, COLLECTIONS.studyMonths, COLLECTIONS.quizExpected],
}
