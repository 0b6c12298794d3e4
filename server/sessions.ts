import { createHmac, timingSafeEqual } from 'node:crypto'

import { loadOrCreateSecret } from './secrets'

/**
 * The local host's stand-in for WeChat's login: a demo sign-in hands the browser a token
 * naming an OPENID, signed with a secret kept in the data folder (made on first start, never
 * in the repo). Tokens survive a host restart; a forged or edited token is refused.
 */
export class SessionSigner {
  private constructor(private readonly secret: Buffer) {}

  static forDataDir(dir: string | null): SessionSigner {
    return new SessionSigner(Buffer.from(loadOrCreateSecret(dir, 'host-secret'), 'hex'))
  }

  private mac(openid: string): string {
    return createHmac('sha256', this.secret).update(openid).digest('base64url')
  }

  issue(openid: string): string {
    return `${Buffer.from(openid).toString('base64url')}.${this.mac(openid)}`
  }

  /** The OPENID a token names, or null for a missing, malformed or forged token. */
  verify(token: string | undefined): string | null {
    if (!token) return null
    const [encoded, mac] = token.split('.')
    if (!encoded || !mac) return null
    const openid = Buffer.from(encoded, 'base64url').toString('utf8')
    const expected = Buffer.from(this.mac(openid))
    const given = Buffer.from(mac)
    return given.length === expected.length && timingSafeEqual(given, expected) ? openid : null
  }
}
