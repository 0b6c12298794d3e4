import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { studyInputs } from '../contract/study.contract'

export const manifest: FunctionManifest<'study'> = {
  name: 'study',
  routes: studyInputs,
  // The printed poster's static mini-program code (session/staticCode); reminders (study/remind).
  openapi: ['wxacode.getUnlimited', 'subscribeMessage.send'],
  // Signs the rotating check-in codes.
  secrets: ['CHECKIN_HMAC_SECRET'],
  triggers: [],
  timeout: 10,
  reads: [
    COLLECTIONS.users,
    COLLECTIONS.members,
    COLLECTIONS.orgs,
    COLLECTIONS.sessions,
    COLLECTIONS.checkins,
    COLLECTIONS.leaves,
    COLLECTIONS.lecturers,
    COLLECTIONS.reminders,
    COLLECTIONS.rollups,
    COLLECTIONS.studyMonths,
  ],
  writes: [
    COLLECTIONS.users,
    COLLECTIONS.sessions,
    COLLECTIONS.checkins,
    COLLECTIONS.leaves,
    COLLECTIONS.lecturers,
    COLLECTIONS.reminders,
    COLLECTIONS.rollups,
    COLLECTIONS.studyMonths,
  ],
}
