import { join } from 'node:path'

import { loadTool } from '../../deploy/tools'

/** The variables that point the staging suite at a real CloudBase env (see scripts/test-staging.mjs). */
export const STAGING_VARS = ['STAGING_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const

export interface CallResult {
  result?: unknown
}

/** A CloudBase app of Tencent's official Node SDK on the staging env. */
export function stagingApp() {
  const missing = STAGING_VARS.filter((name) => !process.env[name])
  if (missing.length) throw new Error(`staging variables missing: ${missing.join(', ')}`)
  const sdk = loadTool<{
    init(o: object): {
      callFunction(o: { name: string; data: unknown }): Promise<CallResult>
      database(): { collection(name: string): { limit(n: number): { get(): Promise<{ data: unknown[] }> } } }
    }
  }>(join(__dirname, '..', '..'), '@cloudbase/node-sdk')
  return sdk.init({
    env: process.env.STAGING_ENV_ID,
    secretId: process.env.TENCENTCLOUD_SECRETID,
    secretKey: process.env.TENCENTCLOUD_SECRETKEY,
  })
}
