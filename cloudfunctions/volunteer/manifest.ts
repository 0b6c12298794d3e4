import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { volunteerInputs } from '../contract/volunteer.contract'

export const manifest: FunctionManifest<'volunteer'> = {
  name: 'volunteer',
  routes: volunteerInputs,
  // A cancellation's notice to the members signed up.
  openapi: ['subscribeMessage.send'],
  // Signs the rotating sign-in/out codes (the study sessions' scheme, under its own scope).
  secrets: ['CHECKIN_HMAC_SECRET'],
  triggers: [],
  timeout: 10,
  reads: [
    COLLECTIONS.users,
    COLLECTIONS.members,
    COLLECTIONS.orgs,
    COLLECTIONS.volActivities,
    COLLECTIONS.volSignups,
    COLLECTIONS.volEntries,
    COLLECTIONS.volCertificates,
    COLLECTIONS.rollups,
    COLLECTIONS.projects,
    COLLECTIONS.volMemberDays,
    COLLECTIONS.reminders,
  ],
  writes: [
    COLLECTIONS.volActivities,
    COLLECTIONS.volSignups,
    COLLECTIONS.volEntries,
    COLLECTIONS.volCertificates,
    COLLECTIONS.rollups,
    COLLECTIONS.projects,
    COLLECTIONS.volMemberDays,
    COLLECTIONS.reminders,
  ],
}
