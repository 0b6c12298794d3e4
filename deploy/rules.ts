import database from './rules/database.json'
import storage from './rules/storage.json'

/**
 * The security rules, kept as JSON in deploy/rules/ and applied by `npm run deploy` (deploy/apply.ts):
 * - database.json on every collection: the mini-program never reads or writes the database directly; every
 *   access goes through a cloud function (functions are not bound by these rules).
 * - storage.json on the bucket: no file is readable from the app (signature images, exports and uploaded
 *   rosters reach it only as temporary URLs from a function that checked the caller); a signed-in user may
 *   write only files that are their own, never overwrite or delete another's.
 */
export interface SecurityRules {
  database: { read: boolean | string; write: boolean | string }
  storage: { read: boolean | string; write: boolean | string }
}

export const RULES: SecurityRules = { database, storage }
