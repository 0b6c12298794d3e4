import cloud from 'wx-server-sdk'

// Initialised once per function instance, at load: `cloud.init` inside `main` would redo it on every call.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

export const db = cloud.database()
export const _ = db.command
export { cloud }

/** The WeChat identity of this call, as the platform (or the local host) set it. Never from the request. */
export function callerOpenid(): string | null {
  const { OPENID } = cloud.getWXContext() as { OPENID?: string }
  return typeof OPENID === 'string' && OPENID.length > 0 ? OPENID : null
}
