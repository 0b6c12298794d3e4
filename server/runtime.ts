import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

import { installCallEnvironment, runInCall } from './call-context'

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

export interface RuntimeOptions {
  /**
   * Whether calls overlap (the default, as on CloudBase, where many instances run at once). `false` runs them
   * one at a time, in arrival order: only the benchmark uses it, to show what overlapping changes.
   */
  overlap?: boolean
}

/**
 * Runs the bundled cloud functions of dist/cloudfunctions in this process with the real wx-server-sdk. Each
 * call gets its own context variables (server/call-context.ts), so calls interleave at every `await` exactly as
 * concurrent instances do on CloudBase, and every race the functions guard against can happen here.
 */
export class FunctionRuntime {
  private readonly mains = new Map<string, Main>()
  private queue: Promise<unknown> = Promise.resolve()
  private readonly overlap: boolean

  constructor(
    private readonly functionsDir: string,
    options: RuntimeOptions = {},
  ) {
    prepareProcessEnv()
    installCallEnvironment()
    this.overlap = options.overlap ?? true
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

  /**
   * Runs a function's timer trigger as CloudBase's scheduler does: a `Timer` event with the trigger's name and
   * the time, and no caller. The local host's schedule (server/timers.ts) and tests call this.
   */
  fireTimer(name: string, trigger: string, at = new Date()): Promise<unknown> {
    return this.invoke(
      name,
      { Type: 'Timer', TriggerName: trigger, Time: at.toISOString() },
      { openid: null },
    )
  }

  async invoke(name: string, event: unknown, identity: Identity): Promise<unknown> {
    return (await this.measure(name, event, identity)).result
  }

  /** A call, with the number of database requests it made (the unit of cost on CloudBase). */
  measure(name: string, event: unknown, identity: Identity): Promise<{ result: unknown; requests: number }> {
    const run = async () => {
      const main = this.load(name)
      const env: Record<string, string> = {
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        WX_APPID: LOCAL_APPID,
      }
      if (identity.openid) env.WX_OPENID = identity.openid
      const requestId = `local-${Date.now().toString(36)}-${(calls += 1)}`
      const context = { function_name: name, namespace: 'local', request_id: requestId }
      const { action, TriggerName } = (event ?? {}) as { action?: unknown; TriggerName?: unknown }
      const what =
        typeof action === 'string' ? action : typeof TriggerName === 'string' ? `timer:${TriggerName}` : '?'
      const label = `${name} ${what}`
      const { result, scope } = await runInCall(env, () => main(event, context), label)
      return { result, requests: scope.requests }
    }
    if (this.overlap) return run()
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }
}

let calls = 0
