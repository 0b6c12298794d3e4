import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { burst, callAs, memberName, prepareBurst } from '../support/checkin-burst'
import { spawnHost, stopHost } from '../support/host-process'

/**
 * 1,000 distinct members check in to one session through the real local host with 50
 * concurrent clients, once straight through and once with the host killed by SIGKILL part-way.
 */
jest.setTimeout(240_000)
const MEMBERS = 1000
const CLIENTS = 50

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'checkin-load-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

async function presentNames(url: string, secretary: string, sessionId: string): Promise<string[]> {
  const view = await callAs<{ rows: Array<{ name: string; status: string }> }>(
    url,
    secretary,
    'study',
    'attendance/get',
    {
      sessionId,
    },
  )
  if (!view.ok) throw new Error(view.message)
  return view.data.rows.filter((r) => r.status === 'present' || r.status === 'late').map((r) => r.name)
}

describe('a thousand members checking in at once', () => {
  it('stores exactly one record per member, with no errors', async () => {
    const host = await spawnHost(dataDir)
    try {
      const prep = await prepareBurst(host.url, MEMBERS)
      const { results } = await burst({
        url: host.url,
        memberTokens: prep.memberTokens,
        code: await prep.qrToken(),
        concurrency: CLIENTS,
      })
      expect(results.filter((r) => !r.ok)).toEqual([])
      expect(results.filter((r) => r.outcome === 'checked_in')).toHaveLength(MEMBERS)
      const present = await presentNames(host.url, prep.secretary, prep.sessionId)
      expect(present.filter((n) => n.startsWith('压测党员')).sort()).toEqual(
        Array.from({ length: MEMBERS }, (_, i) => memberName(i)).sort(),
      )
    } finally {
      await stopHost(host.child)
    }
  })

  it('keeps every check-in answered 签到成功 when the host is killed part-way, and finishes after restart', async () => {
    let host = await spawnHost(dataDir)
    const prep = await prepareBurst(host.url, MEMBERS)
    const dying = host.child
    let answered = 0
    const first = await burst({
      url: host.url,
      memberTokens: prep.memberTokens,
      code: await prep.qrToken(),
      concurrency: CLIENTS,
      onResult: (r) => {
        if (r.ok && ++answered === MEMBERS / 4) dying.kill('SIGKILL')
      },
    })
    const acknowledged = new Set(first.results.filter((r) => r.outcome === 'checked_in').map((r) => r.member))
    const lostAtKill = first.results.filter((r) => !r.ok)
    expect(lostAtKill.length).toBeGreaterThan(0) // the kill really happened mid-burst
    expect(lostAtKill.every((r) => r.code === 'NETWORK')).toBe(true)

    host = await spawnHost(dataDir)
    const url = host.url
    try {
      const present = new Set(await presentNames(url, prep.secretary, prep.sessionId))
      const missing = [...acknowledged].filter((m) => !present.has(memberName(m)))
      expect(missing).toEqual([])

      // Everyone scans again: those already in are told 已签到, the rest are checked in now.
      const second = await burst({
        url,
        memberTokens: prep.memberTokens,
        code: await prep.qrToken(url),
        concurrency: CLIENTS,
      })
      expect(second.results.filter((r) => !r.ok)).toEqual([])
      for (const r of second.results) {
        if (acknowledged.has(r.member)) expect(r.outcome).toBe('already')
      }
      const finalNames = (await presentNames(url, prep.secretary, prep.sessionId)).filter((n) =>
        n.startsWith('压测党员'),
      )
      expect(finalNames).toHaveLength(MEMBERS)
      expect(new Set(finalNames).size).toBe(MEMBERS)
    } finally {
      await stopHost(host.child)
    }
  })
})
