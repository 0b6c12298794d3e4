import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { pledgeInputs } from '../contract/pledge.contract'

export const manifest: FunctionManifest<'pledge'> = {
  name: 'pledge',
  routes: pledgeInputs,
  // Reminders to members who have not signed (campaign/remind).
  openapi: ['subscribeMessage.send'],
  secrets: [],
  triggers: [],
  // Creating a campaign writes a street's assignments; verifying reads a bounded window or page of the chain.
  timeout: 20,
  reads: [
    COLLECTIONS.users,
    COLLECTIONS.members,
    COLLECTIONS.orgs,
    COLLECTIONS.reminders,
    COLLECTIONS.rollups,
    COLLECTIONS.pledgeTemplates,
    COLLECTIONS.pledgeCampaigns,
    COLLECTIONS.pledgeAssignments,
    COLLECTIONS.pledgeSignings,
    COLLECTIONS.pledgeChain,
  ],
  writes: [
    COLLECTIONS.reminders,
    COLLECTIONS.rollups,
    COLLECTIONS.pledgeTemplates,
    COLLECTIONS.pledgeCampaigns,
    COLLECTIONS.pledgeAssignments,
    COLLECTIONS.pledgeSignings,
    COLLECTIONS.pledgeChain,
  ],
}
