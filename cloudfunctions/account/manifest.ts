import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { accountInputs } from '../contract/account.contract'

export const manifest: FunctionManifest<'account'> = {
  name: 'account',
  routes: accountInputs,
  openapi: [],
  secrets: [],
  triggers: [],
  timeout: 5,
  reads: [COLLECTIONS.users, COLLECTIONS.members, COLLECTIONS.orgs, COLLECTIONS.invites],
  writes: [COLLECTIONS.users, COLLECTIONS.members, COLLECTIONS.invites],
}
