import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { SecretName } from '../cloudfunctions/common/manifest'

/**
 * A secret the local host keeps in its data folder, made on first start (readable only by its
 * owner), so it survives restarts and never enters the repository. Without a data folder
 * (tests) each start gets a fresh one.
 */
export function loadOrCreateSecret(dir: string | null, name: string): string {
  if (!dir) return randomBytes(32).toString('hex')
  const file = join(dir, name)
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true })
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  }
  return readFileSync(file, 'utf8').trim()
}

/** The file in the data folder of each secret a manifest may declare: a new SecretName fails tsc until it has one. */
const SECRET_FILES: Record<SecretName, string> = { CHECKIN_HMAC_SECRET: 'checkin-secret' }

/**
 * The secrets the cloud functions read from their environment, as CloudBase would set them
 * from the console. A value already in the environment wins, so an operator can pin one.
 */
export function provideFunctionSecrets(dir: string | null): void {
  for (const [name, file] of Object.entries(SECRET_FILES)) process.env[name] ||= loadOrCreateSecret(dir, file)
}
