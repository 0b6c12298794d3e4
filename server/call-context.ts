import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * Per-call environment for the bundled functions, so calls overlap as they do on CloudBase.
 *
 * wx-server-sdk 3.0.4 (`getWXContext`) and @cloudbase/node-sdk (`getCloudbaseContext`) read the caller from
 * `process.env` on every call: `WX_CONTEXT_KEYS`, then each key it names (`WX_OPENID`, ...). On CloudBase each
 * instance serves one call at a time, so a process-wide variable is per call there. Locally many calls share one
 * process, so `process.env` is replaced, once, by a proxy that answers the per-call keys from the calling
 * call's AsyncLocalStorage store and passes every other key to the real environment. Each call therefore sees
 * its own caller across every `await`, whatever else runs in between. `tests/server/sdk-contract.test.ts` pins
 * that the SDK reads these keys on every `getWXContext()`: an upgrade that caches them fails there.
 *
 * Considered and not taken: a worker pool (one call per worker) also isolates the environment but costs about
 * 54 MB per worker and a message per database request, and hides nothing the proxy does not.
 */

/** What one call carries: its context variables, and a count of the database requests it made. */
export interface CallScope {
  readonly env: Readonly<Record<string, string>>
  /** What the call is, for tests and logs: `<function> <action>`. */
  readonly label: string
  /** Database requests made by this call so far (the transport counts them). */
  requests: number
}

/** The variables that belong to a call, never to the process. */
export const CALL_ENV_KEYS: ReadonlySet<string> = new Set([
  'WX_CONTEXT_KEYS',
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_API_TOKEN',
  'TCB_CONTEXT_KEYS',
  'TCB_SOURCE',
  'TCB_SESSIONTOKEN',
])

const calls = new AsyncLocalStorage<CallScope>()

function scopedKey(key: string | symbol): key is string {
  return typeof key === 'string' && CALL_ENV_KEYS.has(key)
}

let installedOn: NodeJS.ProcessEnv | null = null

/** Replaces `process.env` by the per-call proxy; idempotent. */
export function installCallEnvironment(): void {
  if (installedOn !== null && process.env === installedOn) return
  const real = process.env
  const proxy = new Proxy(real, {
    get(target, key) {
      const scope = calls.getStore()
      if (scope && scopedKey(key)) return scope.env[key]
      return Reflect.get(target, key)
    },
    has(target, key) {
      const scope = calls.getStore()
      if (scope && scopedKey(key)) return key in scope.env
      return Reflect.has(target, key)
    },
    set(target, key, value) {
      // Inside a call a per-call key belongs to the call: writing it must not leak to other calls.
      if (calls.getStore() && scopedKey(key)) return false
      return Reflect.set(target, key, String(value))
    },
    deleteProperty(target, key) {
      if (calls.getStore() && scopedKey(key)) return false
      return Reflect.deleteProperty(target, key)
    },
    ownKeys(target) {
      const scope = calls.getStore()
      if (!scope) return Reflect.ownKeys(target)
      const own = Reflect.ownKeys(target).filter((k) => !scopedKey(k))
      return [...own, ...Object.keys(scope.env)]
    },
    getOwnPropertyDescriptor(target, key) {
      const scope = calls.getStore()
      if (scope && scopedKey(key)) {
        const value = scope.env[key]
        return value === undefined
          ? undefined
          : { value, writable: false, enumerable: true, configurable: true }
      }
      return Reflect.getOwnPropertyDescriptor(target, key)
    },
  })
  process.env = proxy
  installedOn = proxy
}

/** Runs `task` as one call with its own context variables; `scope` is what the call counted. */
export async function runInCall<T>(
  env: Record<string, string>,
  task: () => Promise<T>,
  label = '',
): Promise<{ result: T; scope: CallScope }> {
  installCallEnvironment()
  const scope: CallScope = { env: Object.freeze({ ...env }), label, requests: 0 }
  const result = await calls.run(scope, task)
  return { result, scope }
}

/** The call running here, if any: the database transport counts its requests on it. */
export function currentCall(): CallScope | undefined {
  return calls.getStore()
}
