import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

/** A bundled function's entry, as CloudBase calls it. */
type Main = (event: unknown, context: unknown) => Promise<unknown>

export interface Identity {
  /** Null when the caller is not signed in: the function then answers COMMON.UNAUTHENTICATED. */
  openid: string | null
}

/** The app id the local host reports in getWXContext(); production has the real one. */
export const LOCAL_APPID = 'wx-local-demo'

/**
 * Variables CloudBase sets for the whole process. The SDK reads them when it initialises,
 * so they are set before any function bundle is loaded. The secret pair is a placeholder:
 * the replaced transport never signs a request.
 */
export function prepareProcessEnv(): void {
  process.env.TCB_ENV ??= 'local'
  process.env.SCF_NAMESPACE ??= 'local'
  process.env.TENCENTCLOUD_SECRETID ??= 'local-placeholder'
  process.env.TENCENTCLOUD_SECRETKEY ??= 'local-placeholder'
}

const CONTEXT_KEYS = ['WX_OPENID', 'WX_APPID', 'WX_UNIONID']

/**
 * Runs the bundled cloud functions of dist/cloudfunctions in this process with the real
 * wx-server-sdk. The SDK reads the caller from process-wide environment variables, so calls
 * run one at a time: a call's identity is set, its whole `main` runs, and the variables are
 * cleared before the next call starts. The local database answers in-process in well under a
 * millisecond, so the queue costs little.
 */
export class FunctionRuntime {
  private readonly mains = new Map<string, Main>()
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly functionsDir: string) {
    prepareProcessEnv()
  }

  names(): string[] {
    if (!existsSync(this.functionsDir)) return []
    return readdirSync(this.functionsDir).filter((n) => existsSync(join(this.functionsDir, n, 'index.js')))
  }

  /** A function once loaded stays loaded, so a rebuild of the folder cannot make it vanish mid-run. */
  has(name: string): boolean {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(name)) return false
    return this.mains.has(name) || existsSync(join(this.functionsDir, name, 'index.js'))
  }

  private load(name: string): Main {
    let main = this.mains.get(name)
    if (!main) {
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- bundles are loaded by path at run time
      const mod = require(join(this.functionsDir, name, 'index.js')) as { main?: Main }
      if (typeof mod.main !== 'function') throw new Error(`cloud function ${name} has no main`)
      main = mod.main
      this.mains.set(name, main)
    }
    return main
  }

  invoke(name: string, event: unknown, identity: Identity): Promise<unknown> {
    const run = async () => {
      const main = this.load(name)
      process.env.WX_CONTEXT_KEYS = CONTEXT_KEYS.join(',')
      process.env.WX_APPID = LOCAL_APPID
      if (identity.openid) process.env.WX_OPENID = identity.openid
      else delete process.env.WX_OPENID
      try {
        return await main(event, {
          function_name: name,
          namespace: 'local',
          request_id: `local-${Date.now()}`,
        })
      } finally {
        for (const key of CONTEXT_KEYS) delete process.env[key]
        delete process.env.WX_CONTEXT_KEYS
      }
    }
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }
}
