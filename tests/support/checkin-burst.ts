import ExcelJS from 'exceljs'

import type { Result } from '../../cloudfunctions/contract'

/**
 * A study session with many members checking in at once, driven over HTTP against a running
 * local host. Shared by the load tests and `npm run bench` (which bundles this file).
 */
export interface BurstResult {
  member: number
  ok: boolean
  outcome: string | null
  code: string | null
  ms: number
}

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: JSON.stringify(body),
  })
  return (await res.json()) as T
}

export async function signIn(url: string, who: { openid: string } | { fresh: true }): Promise<string> {
  return (await post<{ token: string }>(url, '/local/login', who)).token
}

export async function callAs<T>(
  url: string,
  token: string,
  fn: string,
  action: string,
  data: unknown,
): Promise<Result<T>> {
  return post<Result<T>>(url, `/fn/${fn}`, { action, data }, token)
}

function unwrap<T>(result: Result<T>, what: string): T {
  if (!result.ok)
    throw new Error(`${what}: ${result.code} ${result.message} ${JSON.stringify(result.details ?? '')}`)
  return result.data
}

/** What the H5 app does with a chosen file: asks where to put it, uploads it to the host's storage, answers its fileID. */
export async function uploadAs(url: string, token: string, bytes: Buffer): Promise<string> {
  const { cloudPath } = unwrap(
    await callAs<{ cloudPath: string }>(url, token, 'account', 'upload/prepare', { kind: 'xlsx' }),
    'upload/prepare',
  )
  const res = await fetch(`${url}/local/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: bytes,
  })
  const body = (await res.json()) as { fileID?: string; code?: string }
  if (!body.fileID) throw new Error(`upload: ${res.status} ${body.code ?? ''}`)
  return body.fileID
}

/** Runs `task` for 0..count-1 with at most `concurrency` in flight. */
export async function pool<T>(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array(count)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++
        out[i] = await task(i)
      }
    }),
  )
  return out
}

export const memberName = (i: number) => `压测党员${String(i).padStart(4, '0')}`
const memberPhone = (i: number) => `1500000${String(i).padStart(4, '0')}`

/**
 * Imports `count` members into 和平社区 第一党支部 (as the demo street admin), binds each to a
 * fresh WeChat identity (name + last four digits), and has the community secretary create a
 * session for 和平社区党委 that is open for check-in now. Returns everything a burst needs.
 */
export async function prepareBurst(url: string, count: number) {
  const admin = await signIn(url, { openid: 'demo-admin' })
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  sheet.addRow(['姓名', '性别', '手机号', '所在组织', '党员类别', '干部类别'])
  for (let i = 0; i < count; i++)
    sheet.addRow([memberName(i), '男', memberPhone(i), '和平社区党委 / 第一党支部', '在职', ''])
  const fileID = await uploadAs(url, admin, Buffer.from(await workbook.xlsx.writeBuffer()))
  unwrap(await callAs(url, admin, 'org', 'member/import', { fileID }), 'import')

  const memberTokens = await pool(count, 50, async (i) => {
    const token = await signIn(url, { fresh: true })
    unwrap(
      await callAs(url, token, 'account', 'account/bindByPhone', {
        name: memberName(i),
        phoneLast4: memberPhone(i).slice(-4),
      }),
      `bind ${i}`,
    )
    return token
  })

  const secretary = await signIn(url, { openid: 'demo-secretary-1' })
  const now = Date.now()
  const session = unwrap<{ id: string }>(
    await callAs(url, secretary, 'study', 'session/create', {
      type: 'group_study',
      format: 'theory',
      title: '集体学习（压测）',
      lecturerId: null,
      orgId: 'org-c1',
      startAt: now + 10 * 60_000,
      endAt: now + 130 * 60_000,
      place: '和平社区党群服务中心',
      allowVisitors: false,
      rotateSeconds: 120,
      lateAfterMinutes: 5,
    }),
    'session',
  )
  /** The secretary's current code, from this host or (after a restart) another address. */
  const qrToken = async (at: string = url) =>
    unwrap<{ token: string }>(
      await callAs(at, secretary, 'study', 'session/qr', { sessionId: session.id, linkBase: null }),
      'qr',
    ).token
  return { sessionId: session.id, memberTokens, secretary, qrToken }
}

/** Every member scans the code once, `concurrency` at a time; a request that fails at the network counts as not ok. */
export async function burst(options: {
  url: string
  memberTokens: readonly string[]
  code: string
  concurrency: number
  /** Called as each answer arrives, e.g. to kill the host part-way. */
  onResult?: (result: BurstResult) => void
}): Promise<{ results: BurstResult[]; seconds: number }> {
  const { url, memberTokens, code, concurrency, onResult } = options
  const started = performance.now()
  const results = await pool(memberTokens.length, concurrency, async (member) => {
    const t = performance.now()
    let result: BurstResult
    try {
      const r = await callAs<{ outcome: string }>(url, memberTokens[member], 'study', 'checkin/scan', {
        token: code,
      })
      const ms = performance.now() - t
      result = r.ok
        ? { member, ok: true, outcome: r.data.outcome, code: null, ms }
        : { member, ok: false, outcome: null, code: r.code, ms }
    } catch {
      result = { member, ok: false, outcome: null, code: 'NETWORK', ms: performance.now() - t }
    }
    onResult?.(result)
    return result
  })
  return { results, seconds: (performance.now() - started) / 1000 }
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return NaN
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)]
}
