import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { visitInputs } from '../contract/visit.contract'

export const manifest: FunctionManifest<'visit'> = {
  name: 'visit',
  routes: visitInputs,
  // Each step notifies the next person (subscribe messages the person granted).
  openapi: ['subscribeMessage.send'],
  secrets: [],
  // Every 10 minutes: unconfirmed requests confirmed after the limit, overdue steps flagged and escalated.
  triggers: [{ name: 'visitLimits', type: 'timer', config: '0 */10 * * * * *' }],
  timeout: 10,
  reads: [
    COLLECTIONS.users,
    COLLECTIONS.members,
    COLLECTIONS.orgs,
    COLLECTIONS.visits,
    COLLECTIONS.visitSettings,
    COLLECTIONS.visitGrants,
  ],
  writes: [
    COLLECTIONS.visits,
    COLLECTIONS.visitSettings,
    COLLECTIONS.visitGrants,
    COLLECTIONS.audit,
    COLLECTIONS.rollups,
  ],
}
