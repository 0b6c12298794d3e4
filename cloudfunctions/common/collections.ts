/**
 * Every collection, named once. Indexes are declared beside them: the local host creates
 * them at start-up, and docs/DEPLOY.md lists them for the CloudBase console. Unique indexes
 * are what make concurrent writes (double bind, double check-in) safe, so code relies on them.
 */
export const COLLECTIONS = {
  orgs: 'orgs',
  members: 'members',
  users: 'users',
  invites: 'invites',
  audit: 'audit_log',
  /** Subscribe messages sent (locally the stand-in for WeChat's delivery: the UI can show them). */
  outbox: 'outbox',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]

export interface IndexSpec {
  collection: CollectionName
  name: string
  fields: Record<string, 1 | -1>
  unique?: boolean
}

export const INDEXES: readonly IndexSpec[] = [
  { collection: COLLECTIONS.orgs, name: 'parent_name', fields: { parentId: 1, name: 1 }, unique: true },
  { collection: COLLECTIONS.orgs, name: 'ancestors', fields: { ancestors: 1 } },
  { collection: COLLECTIONS.members, name: 'phone', fields: { phone: 1 }, unique: true },
  { collection: COLLECTIONS.members, name: 'openid', fields: { openid: 1 } },
  { collection: COLLECTIONS.members, name: 'org_path', fields: { orgPath: 1, name: 1 } },
  { collection: COLLECTIONS.members, name: 'roles_org', fields: { 'roles.orgId': 1 } },
  { collection: COLLECTIONS.invites, name: 'member', fields: { memberId: 1 } },
  { collection: COLLECTIONS.audit, name: 'org_time', fields: { orgId: 1, at: -1 } },
]
