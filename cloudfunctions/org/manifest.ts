import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { orgInputs } from '../contract/org.contract'

export const manifest: FunctionManifest<'org'> = {
  name: 'org',
  routes: orgInputs,
  openapi: [],
  secrets: [],
  triggers: [],
  // Reading and checking an .xlsx roster of a few thousand rows.
  timeout: 20,
  reads: [COLLECTIONS.users, COLLECTIONS.members, COLLECTIONS.orgs],
  writes: [COLLECTIONS.users, COLLECTIONS.members, COLLECTIONS.orgs, COLLECTIONS.audit],
}
