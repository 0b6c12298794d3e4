import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { volunteerInputs } from '../contract/volunteer.contract'

export const manifest: FunctionManifest<'volunteer'> = {
  name: 'volunteer',
  routes: volunteerInputs,
  openapi: [],
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
  ],
  writes: [
    COLLECTIONS.volActivities,
    COLLECTIONS.volSignups,
    COLLECTIONS.volEntries,
    COLLECTIONS.volCertificates,
    COLLECTIONS.rollups,
    COLLECTIONS.projects,
  ],
}
