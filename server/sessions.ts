import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The local host's stand-in for WeChat's login: a demo sign-in hands the browser a token
 * naming an OPENID, signed with a secret kept in the data folder (made on first start, never
 * in the repo). Tokens survive a host restart; a forged or edited token is refused.
 */
export class SessionSigner {
  private constructor(private readonly secret: Buffer) {}

  static forDataDir(dir: string | null): SessionSigner {
    if (!dir) return new SessionSigner(randomBytes(32))
    const file = join(dir, 'host-secret')
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true })
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
    }
    return new SessionSigner(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'))
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
