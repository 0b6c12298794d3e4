/**
 * Locates the module instances the real wx-server-sdk uses for what CloudBase provides besides the database:
 * the `CloudBase` class of the @cloudbase/node-sdk that wx-server-sdk resolves (its instance methods
 * `callCompatibleWxOpenApi`, `uploadFile`, `getTempFileURL`, ... are where the SDK leaves the process), and the
 * protobuf codecs the SDK encodes openapi requests with.
 */
import { dirname, join } from 'path'

/** The instance methods of node-sdk's CloudBase class this layer replaces. */
export type CloudBasePrototype = Record<string, unknown> & { config?: unknown }

export interface ProtoMessageType {
  decode(reader: Uint8Array): unknown
  encode(message: Record<string, unknown>): { finish(): Uint8Array }
}

/** The generated codecs of wx-server-sdk's src/protobuf/openapi.js (registered in protobufjs `roots.default`). */
export interface OpenApiCodecs {
  CommApiData: ProtoMessageType
  CommOpenApiResp: ProtoMessageType
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
}

function wxSdkDir(): string {
  return dirname(require.resolve('wx-server-sdk'))
}

function nodeSdkDir(): string {
  return dirname(require.resolve('@cloudbase/node-sdk/package.json', { paths: [wxSdkDir()] }))
}

/** The prototype of the CloudBase class that wx-server-sdk's `cloud.init()` instantiates. */
export function cloudBasePrototype(): CloudBasePrototype {
  // @cloudbase/node-sdk 3.x (wx-server-sdk 4.x) ships its build in dist/; 2.x had lib/.
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- the exact copy wx-server-sdk resolves, by path
  const mod: unknown = require(join(nodeSdkDir(), 'dist', 'cloudbase.js'))
  const cls = isObject(mod) ? mod.CloudBase : undefined
  if (typeof cls !== 'function' || !isObject(cls.prototype)) {
    throw new Error(
      '@cloudbase/node-sdk/dist/cloudbase.js has no CloudBase class: the pinned SDK layout changed',
    )
  }
  return cls.prototype as CloudBasePrototype
}

/**
 * The SDK's own openapi codecs. wx-server-sdk registers them in the protobufjs it resolves when it loads, so they
 * exist by the time the SDK has encoded a request with them (i.e. whenever the patched method is called).
 */
export function openApiCodecs(): OpenApiCodecs {
  // eslint-disable-next-line @typescript-eslint/no-var-requires -- the protobufjs wx-server-sdk resolves
  const pb: unknown = require(require.resolve('protobufjs/minimal', { paths: [wxSdkDir()] }))
  const root = isObject(pb) && isObject(pb.roots) ? pb.roots.default : undefined
  if (!isObject(root) || !isObject(root.CommApiData) || !isObject(root.CommOpenApiResp)) {
    throw new Error(
      'wx-server-sdk did not register its openapi protobuf codecs: the pinned SDK layout changed',
    )
  }
  return root as unknown as OpenApiCodecs
}

/** `CommApiData.ApiType.OPEN_API` in the SDK's schema (wx-server-sdk index.js, src/protobuf/openapi.js). */
export const OPEN_API_TYPE = 0
