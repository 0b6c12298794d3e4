/**
 * Boots the real wx-server-sdk against a LocalDatabase, the way the local host does.
 */
import { LocalDatabase } from '../../server/db/local-database'
import { installLocalTransport } from '../../server/db/transport'

/**
 * The SDK's fluent API is untyped here on purpose: these tests exercise the real SDK end to end, including
 * calls a narrower project typing would not allow.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Sdk = any

/** What wx-server-sdk reads from the environment; the secrets are dummies, no request leaves the process. */
export function prepareSdkEnv(openid = 'test-openid'): void {
  process.env.TCB_ENV = 'local'
  process.env.WX_CONTEXT_KEYS = 'OPENID,APPID,UNIONID,ENV,SOURCE'
  process.env.OPENID = openid
  process.env.APPID = 'wx-local'
  process.env.ENV = 'local'
  process.env.SOURCE = 'wx_devtools'
  process.env.TENCENTCLOUD_SECRETID = 'local-dummy-id'
  process.env.TENCENTCLOUD_SECRETKEY = 'local-dummy-key'
}

export function loadCloud(): Sdk {
  prepareSdkEnv()
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const cloud: Sdk = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud
}

export async function openSdkDatabase(collections: string[]): Promise<{ local: LocalDatabase; db: Sdk }> {
  const local = await LocalDatabase.open({ dir: null })
  for (const name of collections) await local.createCollection(name)
  installLocalTransport(local)
  return { local, db: loadCloud().database() }
}
