import { ERRORS } from '@contract/errors'
import type {
  ActionOf,
  ErrorCode,
  FunctionName,
  InputOf,
  OutputOf,
  Result,
  UploadKind,
} from '@contract/index'
import Taro from '@tarojs/taro'

import { clearSessionToken, getSessionToken } from './session'

/** A failure answered by a cloud function, or a network failure, with its Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

async function transport(
  fn: FunctionName,
  event: { action: string; data: unknown },
): Promise<Result<unknown>> {
  if (process.env.TARO_ENV === 'h5') {
    // The local host runs the same bundled functions; the demo sign-in token stands in for WeChat.
    const token = getSessionToken()
    const res = await Taro.request<Result<unknown>>({
      url: `/fn/${fn}`,
      method: 'POST',
      data: event,
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
    return res.data
  }
  const res = await Taro.cloud.callFunction({ name: fn, data: event })
  return res.result as Result<unknown>
}

/**
 * The one way the app talks to its cloud functions. Resolves with the action's data or
 * rejects with an ApiError carrying the stable code and the message to show.
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  data: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  let result: Result<unknown>
  try {
    result = await transport(fn, { action, data })
  } catch {
    throw new ApiError('COMMON.NETWORK', ERRORS['COMMON.NETWORK'])
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    throw new ApiError('COMMON.INTERNAL', ERRORS['COMMON.INTERNAL'])
  }
  if (!result.ok) {
    if (result.code === 'COMMON.UNAUTHENTICATED') clearSessionToken()
    throw new ApiError(result.code, result.message, result.details)
  }
  return result.data as OutputOf<F, A>
}

/** A file on the device: its temporary path in WeChat (`chooseMessageFile`), the File itself in the browser. */
export type DeviceFile = string | Blob

/** Puts the file at `cloudPath` in cloud storage (the local host's stand-in in H5) and answers its fileID. */
async function store(cloudPath: string, file: DeviceFile): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const token = getSessionToken()
    const res = await fetch(`/local/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      body: file,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
    const body = (await res.json()) as { fileID?: unknown } | Result<unknown>
    if ('fileID' in body && typeof body.fileID === 'string') return body.fileID
    if ('ok' in body && !body.ok) throw new ApiError(body.code, body.message)
    throw new Error('the upload answered no fileID')
  }
  const res = await Taro.cloud.uploadFile({ cloudPath, filePath: file as string })
  if (!res.fileID) throw new Error('the upload answered no fileID')
  return res.fileID
}

/**
 * Uploads a file the person chose to cloud storage, for a function to read: the server names the path (the
 * caller's own upload folder, `account/upload/prepare`), the file goes to storage, and the fileID comes back
 * to be passed to the action (e.g. `member/import`). Files never travel inside a call. Rejects with an
 * ApiError, FILE.UPLOAD_FAILED when the upload itself fails.
 */
export async function upload(kind: UploadKind, file: DeviceFile): Promise<string> {
  const { cloudPath } = await call('account', 'upload/prepare', { kind })
  try {
    return await store(cloudPath, file)
  } catch (error) {
    if (error instanceof ApiError) throw error
    throw new ApiError('FILE.UPLOAD_FAILED', ERRORS['FILE.UPLOAD_FAILED'])
  }
}

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : ERRORS['COMMON.INTERNAL']
}
