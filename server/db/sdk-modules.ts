/**
 * Locates the exact module instances the real wx-server-sdk uses, so that the local transport patches the
 * `Db` class the SDK actually instantiates (a second copy of @cloudbase/database elsewhere in node_modules
 * would be patched in vain) and decodes EJSON with the same `bson` build the SDK encodes with.
 */
import { dirname, join } from 'path'

/** The part of @cloudbase/database's `Db` class the transport touches. */
export interface CloudbaseDbClass {
  reqClass?: unknown
}

export interface CloudbaseDatabaseModule {
  Db: CloudbaseDbClass
}

export interface EjsonApi {
  parse(text: string, options?: { relaxed?: boolean }): unknown
  stringify(value: unknown, options?: { relaxed?: boolean }): string
}

interface BsonModule {
  EJSON: EjsonApi
}

interface NodeSdkUtils {
  E(error: { code: string; message: string; requestId?: string }): Error
}

function nodeSdkDir(): string {
  const wxSdkDir = dirname(require.resolve('wx-server-sdk'))
  return dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [wxSdkDir] }))
}

/** Path of the @cloudbase/database entry that @cloudbase/node-sdk (and so wx-server-sdk) resolves. */
export function cloudbaseDatabasePath(): string {
  return require.resolve('@cloudbase/database', { paths: [nodeSdkDir()] })
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

export function loadCloudbaseDatabase(): CloudbaseDatabaseModule {
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- resolved at run time on purpose
  const mod: unknown = require(cloudbaseDatabasePath())
  if (!isObject(mod) || typeof mod.Db !== 'function') {
    throw new Error('@cloudbase/database does not export a Db class: the pinned SDK layout changed')
  }
  return { Db: mod.Db as CloudbaseDbClass }
}

let bson: BsonModule | undefined

/** The `bson` package as resolved from @cloudbase/database, i.e. the EJSON the SDK serialises with. */
export function sdkEjson(): EjsonApi {
  if (!bson) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- the SDK's own bson, found at run time
    const mod: unknown = require(require.resolve('bson', { paths: [dirname(cloudbaseDatabasePath())] }))
    if (!isObject(mod) || !isObject(mod.EJSON))
      throw new Error('bson (dependency of @cloudbase/database) has no EJSON')
    bson = mod as unknown as BsonModule
  }
  return bson.EJSON
}

let nodeSdkUtils: NodeSdkUtils | null | undefined

/**
 * node-sdk's own error factory: the real DBRequest path throws `E(response)` when a response carries a
 * `code`, and wx-server-sdk maps that error's `code` to its errCode. Returns null if the layout changed.
 */
export function nodeSdkErrorFactory(): NodeSdkUtils | null {
  if (nodeSdkUtils === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-var-requires -- node-sdk internals, found at run time
      const mod: unknown = require(join(nodeSdkDir(), 'dist', 'utils', 'utils.js'))
      nodeSdkUtils = isObject(mod) && typeof mod.E === 'function' ? (mod as unknown as NodeSdkUtils) : null
    } catch {
      nodeSdkUtils = null
    }
  }
  return nodeSdkUtils
}
