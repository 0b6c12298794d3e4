/**
 * Answers wx-server-sdk's `cloud.openapi.*` calls locally, at the point where the SDK leaves the process.
 *
 * `cloud.openapi.<ns>.<name>(data)` (wx-server-sdk src/api/openapi/namespace/generic.ts) converts `data` to
 * snake_case, JSON-encodes each value into a `KeyValuePair`, wraps the pairs in a protobuf `CommApiData` and calls
 * node-sdk's `CloudBase#callCompatibleWxOpenApi({ apiName: '<ns>.<name>', requestData })`. The HTTP answer is a
 * protobuf `CommOpenApiResp` whose `respData` is WeChat's raw body: JSON (`{ errcode, errmsg, ... }`) or, for an
 * image, the bytes with their `contentType`. This module decodes the request with the SDK's own codecs and
 * encodes the answer the same way, so everything after the network (error mapping, case conversion, the
 * `{ buffer, contentType, errCode, errMsg }` result) is the pinned SDK's own code.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { OutboxDoc } from '../../cloudfunctions/common/docs'
import { qrPng } from '../../cloudfunctions/common/qr-png'
import type { LocalDatabase } from '../db/local-database'
import { sdkEjson } from '../db/sdk-modules'
import { OPEN_API_TYPE, openApiCodecs } from './sdk-seam'

/** The local outbox `subscribeMessage.send` writes to; the host creates it with every declared collection. */
export const OUTBOX_COLLECTION = COLLECTIONS.outbox

export interface OpenApiContext {
  baseUrl: () => string
  database: LocalDatabase
  /** Pages of the mini program, when known: with `checkPath` (the default) getUnlimited refuses others. */
  pages?: () => readonly string[]
}

/** node-sdk's error body (`{ code, message, requestId }`); wx-server-sdk maps `code` through its TCB_ERR_CODE. */
export interface TcbErrorBody {
  code: string
  message: string
  requestId: string
}

type WxAnswer = { json: Record<string, unknown> } | { bytes: Buffer; contentType: string }

type Params = Record<string, unknown>

let requests = 0

export function localRequestId(): string {
  requests += 1
  return `local-${Date.now().toString(36)}-${requests}`
}

export function notAvailable(what: string): TcbErrorBody {
  return {
    code: 'SYS_ERR',
    message:
      `${what} is not available locally: the local host only replaces openapi.wxacode.getUnlimited, ` +
      'openapi.subscribeMessage.send and cloud storage',
    requestId: localRequestId(),
  }
}

function wxError(errcode: number, errmsg: string): WxAnswer {
  return { json: { errcode, errmsg: `${errmsg} rid: ${localRequestId()}` } }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)
}

/** `checkPath` and `check_path` alike: the SDK converts case unless the caller opted out (`convertCase: false`). */
function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

interface DecodedPair {
  key?: string
  value?: Uint8Array
  contenttype?: string
}

interface DecodedApiData {
  apiType?: number
  openapiData?: { pairs?: DecodedPair[] }
}

function decodeParams(requestData: unknown): { apiType: number; params: Params } | null {
  if (!(requestData instanceof Uint8Array)) return null
  const decoded = openApiCodecs().CommApiData.decode(requestData) as DecodedApiData
  const params: Params = {}
  for (const pair of decoded.openapiData?.pairs ?? []) {
    if (!pair.key) continue
    const bytes = Buffer.from(pair.value ?? new Uint8Array())
    if (pair.contenttype) {
      params[snakeCase(pair.key)] = { contentType: pair.contenttype, value: bytes }
      continue
    }
    const text = bytes.toString('utf8')
    try {
      params[snakeCase(pair.key)] = JSON.parse(text)
    } catch {
      params[snakeCase(pair.key)] = text
    }
  }
  return { apiType: decoded.apiType ?? OPEN_API_TYPE, params }
}

function encodeAnswer(answer: WxAnswer): Buffer {
  const body =
    'json' in answer
      ? { respData: Buffer.from(JSON.stringify(answer.json)), contentType: 'application/json; charset=UTF-8' }
      : { respData: answer.bytes, contentType: answer.contentType }
  return Buffer.from(
    openApiCodecs()
      .CommOpenApiResp.encode({ ...body, errorCode: 0, httpCode: 200 })
      .finish(),
  )
}

// ------------------------------------------------------------------ wxacode.getUnlimited

/** WeChat: "最大32个可见字符，只支持数字，大小写英文以及部分特殊字符：!#$&'()*+,/:;=?@-._~". */
export const SCENE_MAX_LENGTH = 32
const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
const PAGE_SHAPE = /^[A-Za-z0-9_\-.]+(\/[A-Za-z0-9_\-.]+)*$/
const ENV_VERSIONS = ['release', 'trial', 'develop']

function colorOf(value: unknown): string | null {
  if (!isPlainObject(value)) return null
  const channels = [value.r, value.g, value.b].map((c) => Number(c))
  if (channels.some((c) => !Number.isInteger(c) || c < 0 || c > 255)) return null
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}ff`
}

/** The text the local code encodes: a URL of the H5 build when the host knows its address, else the scene. */
export function qrText(baseUrl: string, page: string, scene: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '')
  if (!base) return scene
  return `${base}/#/${page}?scene=${encodeURIComponent(scene)}`
}

async function getUnlimited(ctx: OpenApiContext, params: Params): Promise<WxAnswer> {
  const scene = typeof params.scene === 'number' ? String(params.scene) : params.scene
  if (typeof scene !== 'string' || scene.length === 0)
    return wxError(40169, 'invalid scene: scene is required')
  if ([...scene].length > SCENE_MAX_LENGTH) {
    return wxError(
      40169,
      `invalid length for scene: ${[...scene].length} characters, at most ${SCENE_MAX_LENGTH} are allowed`,
    )
  }
  if (!SCENE_CHARS.test(scene)) {
    return wxError(40169, "invalid scene: only digits, letters and !#$&'()*+,/:;=?@-._~ are allowed")
  }

  const page = params.page ?? ''
  if (typeof page !== 'string' || (page !== '' && !PAGE_SHAPE.test(page))) {
    return wxError(
      41030,
      'invalid page: a page path has no leading "/" and no query (put parameters in scene)',
    )
  }
  const known = ctx.pages?.()
  if (page !== '' && params.check_path !== false && known && !known.includes(page)) {
    return wxError(41030, `invalid page: "${page}" is not a page of this mini program`)
  }
  if (params.env_version !== undefined && !ENV_VERSIONS.includes(params.env_version as string)) {
    return wxError(40097, 'invalid args: env_version must be release, trial or develop')
  }
  if (params.width !== undefined && !Number.isFinite(Number(params.width))) {
    return wxError(40097, 'invalid args: width must be a number')
  }

  const width = Math.min(1280, Math.max(280, Math.round(Number(params.width ?? 430))))
  const dark = params.auto_color === true ? null : colorOf(params.line_color)
  const bytes = await qrPng(qrText(ctx.baseUrl(), page, scene), {
    width,
    dark: dark ?? undefined,
    light: params.is_hyaline === true ? '#ffffff00' : undefined,
  })
  return { bytes, contentType: 'image/png' }
}

// ------------------------------------------------------------------ subscribeMessage.send

const MINIPROGRAM_STATES = ['developer', 'trial', 'formal']

/** A subscribe message as the local outbox keeps it (its stored shape is declared with the collections). */
export type OutboxMessage = Omit<OutboxDoc, '_id'>

async function subscribeMessageSend(ctx: OpenApiContext, params: Params): Promise<WxAnswer | TcbErrorBody> {
  const { touser, template_id: templateId, page, data } = params
  if (typeof touser !== 'string' || touser === '') return wxError(40003, 'invalid openid')
  if (typeof templateId !== 'string' || templateId === '') return wxError(40037, 'invalid template_id')
  if (page !== undefined && typeof page !== 'string') return wxError(47003, 'argument invalid! page invalid')
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    return wxError(47003, 'argument invalid! data is empty')
  }
  for (const [key, entry] of Object.entries(data)) {
    const value = isPlainObject(entry) ? entry.value : undefined
    if (typeof value !== 'string' && typeof value !== 'number') {
      return wxError(47003, `argument invalid! data.${key}.value invalid`)
    }
  }
  // WeChat answers 43101 to a member who has not allowed the template (wx.requestSubscribeMessage). The local host
  // has no such dialog, so every member counts as having allowed it, except the OPENIDs an operator or a test lists
  // in LOCAL_UNSUBSCRIBED_OPENIDS (comma-separated).
  const unsubscribed = (process.env.LOCAL_UNSUBSCRIBED_OPENIDS ?? '').split(',').map((x) => x.trim())
  if (unsubscribed.includes(touser)) return wxError(43101, 'user refuse to accept the msg')
  const state = params.miniprogram_state
  if (state !== undefined && !MINIPROGRAM_STATES.includes(state as string)) {
    return wxError(47003, 'argument invalid! miniprogram_state must be developer, trial or formal')
  }

  const message: OutboxMessage = {
    touser,
    templateId,
    page: page ?? null,
    data: data as OutboxMessage['data'],
    miniprogramState: (state as string | undefined) ?? null,
    lang: typeof params.lang === 'string' ? params.lang : null,
    sentAt: new Date(),
  }
  await ctx.database.createCollection(OUTBOX_COLLECTION)
  const response = (await ctx.database.handle('database.insertDocument', {
    collectionName: OUTBOX_COLLECTION,
    data: [sdkEjson().stringify(message, { relaxed: false })],
  })) as { code?: unknown; message?: unknown }
  if (typeof response.code === 'string') {
    return { code: response.code, message: String(response.message), requestId: localRequestId() }
  }
  return { json: { errcode: 0, errmsg: 'ok' } }
}

// ------------------------------------------------------------------ dispatch

const HANDLERS: Record<string, (ctx: OpenApiContext, params: Params) => Promise<WxAnswer | TcbErrorBody>> = {
  'wxacode.getUnlimited': getUnlimited,
  'subscribeMessage.send': subscribeMessageSend,
}

/**
 * Stands in for `CloudBase#callCompatibleWxOpenApi`: a Buffer (an encoded CommOpenApiResp) on success or for a
 * WeChat error, a `{ code, message }` body for what the local host does not provide.
 */
export async function answerOpenApi(
  ctx: OpenApiContext,
  options: { apiName?: unknown; requestData?: unknown },
): Promise<Buffer | TcbErrorBody> {
  const apiName = String(options.apiName)
  const handler = Object.prototype.hasOwnProperty.call(HANDLERS, apiName) ? HANDLERS[apiName] : undefined
  if (!handler) return notAvailable(`openapi.${apiName}`)
  const request = decodeParams(options.requestData)
  if (!request || request.apiType !== OPEN_API_TYPE) return notAvailable(`openapi.${apiName}`)
  const answer = await handler(ctx, request.params)
  return 'code' in answer ? answer : encodeAnswer(answer)
}
