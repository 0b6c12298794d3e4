import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { LocalDatabase } from '../../server/db/local-database'
import { signIn } from '../support/checkin-burst'
import { spawnHost, stopHost } from '../support/host-process'

/**
 * Kills the real local host (dist/host/main.js, as `npm start` runs it) with SIGKILL while
 * members are being created through POST /fn/org, restarts it on the same data folder, and
 * checks that every creation the host had answered with success is there.
 */
jest.setTimeout(60_000)

describe('the local host survives SIGKILL without losing an acknowledged write', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'host-kill-'))
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  it('keeps every member whose creation was answered, after a kill mid-burst', async () => {
    const first = await spawnHost(dataDir)
    const token = await signIn(first.url, { openid: 'demo-admin' })
    const acknowledged: string[] = []
    let stop = false
    let enoughAcknowledged!: () => void
    const killPoint = new Promise<void>((resolve) => (enoughAcknowledged = resolve))
    const writer = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const phone = `137${String(worker).padStart(2, '0')}${String(i).padStart(6, '0')}`
        try {
          const res = await fetch(`${first.url}/fn/org`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
            body: JSON.stringify({
              action: 'member/create',
              data: {
                name: `压测${worker}-${i}`,
                gender: '男',
                phone,
                orgId: 'org-c1-b1',
                category: '在职',
                cadreLevel: null,
              },
            }),
          })
          const body = (await res.json()) as { ok: boolean; data?: { id: string } }
          if (body.ok && body.data && acknowledged.push(body.data.id) === 150) enoughAcknowledged()
        } catch {
          return // the host is gone
        }
      }
    }
    const writers = Array.from({ length: 8 }, (_, w) => writer(w))
    await Promise.race([
      killPoint,
      Promise.all(writers).then(() => {
        throw new Error(`the writers stopped after ${acknowledged.length} acknowledged creations`)
      }),
    ])
    first.child.kill('SIGKILL')
    stop = true
    await Promise.all(writers)

    const second = await spawnHost(dataDir)
    const token2 = await signIn(second.url, { openid: 'demo-admin' })
    const res = await fetch(`${second.url}/fn/org`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token2}` },
      body: JSON.stringify({
        action: 'member/list',
        data: { orgId: 'org-c1-b1', keyword: '压测', limit: 1 },
      }),
    })
    const page = (await res.json()) as { ok: boolean; data: { total: number } }
    await stopHost(second.child)

    const db = await LocalDatabase.open({ dir: dataDir })
    const stored = new Set((await db.documents('members')).map((m) => String(m._id)))
    await db.close()
    const lost = acknowledged.filter((id) => !stored.has(id))
    expect(acknowledged.length).toBeGreaterThanOrEqual(150)
    expect(lost).toEqual([])
    expect(page.ok).toBe(true)
    expect(page.data.total).toBeGreaterThanOrEqual(acknowledged.length)
  })
})
