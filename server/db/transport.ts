/**
 * Routes the real wx-server-sdk's database traffic to a LocalDatabase.
 *
 * Every SDK database call ends in `new Db.reqClass(config).send(api, data, opts)` on the @cloudbase/database
 * instance that @cloudbase/node-sdk resolves. node-sdk's `database()` assigns its HTTP `DBRequest` to
 * `Db.reqClass` on every call, so the class is installed as an accessor whose setter ignores that
 * assignment. Nothing else in the SDK is replaced: query building, serialisation and result handling are the
 * pinned SDK's own code (tests/server/sdk-contract.test.ts pins the wire format).
 */
import { currentCall } from '../call-context'
import { isErrorResponse } from './errors'
import type { LocalDatabase } from './local-database'
import { type CloudbaseDatabaseModule, loadCloudbaseDatabase, nodeSdkErrorFactory } from './sdk-modules'

export type RequestListener = (api: string, params: Record<string, unknown>) => void

interface RequestConfig {
  throwOnCode?: boolean
}

let target: LocalDatabase | null = null
let installedOn: { Db: object; previous: PropertyDescriptor | undefined } | null = null
const listeners = new Set<RequestListener>()

/** The @cloudbase/database module wx-server-sdk actually uses (resolved through @cloudbase/node-sdk). */
export function resolveCloudbaseDatabase(): CloudbaseDatabaseModule {
  return loadCloudbaseDatabase()
}

class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId: string,
  ) {
    super(message)
  }
}

/** What node-sdk's HTTP path does with a `{code, message}` body: throw its TcbError unless throwOnCode is false. */
function rejectLikeNodeSdk(response: { code: string; message: string; requestId: string }): Error {
  const factory = nodeSdkErrorFactory()
  return factory
    ? factory.E({ ...response })
    : new TransportError(response.code, response.message, response.requestId)
}

/** Stands in for node-sdk's DBRequest: same constructor and `send` contract, no network. */
class LocalDbRequest {
  constructor(readonly config: RequestConfig = {}) {}

  async send(api: string, data?: Record<string, unknown>): Promise<unknown> {
    const params = data ?? {}
    for (const listener of listeners) listener(api, params)
    const call = currentCall()
    if (call) call.requests += 1
    if (!target) throw new Error('local database transport is not installed')
    const response = await target.handle(api, params)
    if (isErrorResponse(response) && this.config?.throwOnCode !== false) throw rejectLikeNodeSdk(response)
    return response
  }
}

export function installLocalTransport(db: LocalDatabase): void {
  target = db
  if (installedOn) return
  const { Db } = resolveCloudbaseDatabase()
  installedOn = { Db, previous: Object.getOwnPropertyDescriptor(Db, 'reqClass') }
  Object.defineProperty(Db, 'reqClass', {
    get: () => LocalDbRequest,
    set: () => {
      // node-sdk re-assigns its HTTP DBRequest on every database() call; keep the local transport.
    },
    configurable: true,
  })
}

export function uninstallLocalTransport(): void {
  target = null
  if (!installedOn) return
  const { Db, previous } = installedOn
  if (previous) Object.defineProperty(Db, 'reqClass', previous)
  else delete (Db as { reqClass?: unknown }).reqClass
  installedOn = null
}

/** Observes every request the SDK sends (tests record the wire format with it). Returns an unsubscribe. */
export function onRequest(listener: RequestListener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
