// The double-dispatch race through the local host (HTTP, the bundled visit function on the real SDK, the durable
// local database): residents' requests, each dispatched by two secretaries at the same moment, all at once.
// Needs `node scripts/build-host.mjs` and `node scripts/build-functions.mjs` first (npm run bench does both).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { step } from './lib.mjs'

const REQUESTS = 50

async function client(url) {
  return {
    async login(body) {
      const res = await fetch(`${url}/local/login`, { method: 'POST', body: JSON.stringify(body) })
      return (await res.json()).token
    },
    /** The envelope as answered, with the call's latency. */
    async call(token, fn, action, data) {
      const t = performance.now()
      const res = await fetch(`${url}/fn/${fn}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ action, data }),
      })
      return { body: await res.json(), ms: performance.now() - t }
    },
  }
}

const ok = ({ body }) => {
  if (!body.ok) throw new Error(`${body.code} ${body.message}`)
  return body.data
}

/** `helpers` are bench.mjs's report and startHostProcess. */
export async function benchVisit({ report, startHostProcess, stopHostProcess }) {
  step(
    `home visits: ${REQUESTS} requests, each dispatched by two secretaries at once (local host, durable store)`,
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-visit-'))
  const { child, url } = await startHostProcess(dataDir)
  try {
    const api = await client(url)
    const [resident, secretary, admin, member] = await Promise.all(
      ['demo-resident-1', 'demo-secretary-1', 'demo-admin', 'demo-member-1'].map((openid) =>
        api.login({ openid }),
      ),
    )
    const memberId = ok(await api.call(member, 'account', 'account/me', {})).member.id
    const ids = []
    for (let i = 0; i < REQUESTS; i++) {
      const visit = ok(
        await api.call(resident, 'visit', 'visit/submit', {
          serviceType: 'repair',
          orgId: 'org-c1',
          address: `和平里小区${i}号楼`,
          phone: '13812345678',
          preferredDate: null,
          preferredSlot: null,
          description: `压测请求${i}`,
          photo: null,
        }),
      )
      ids.push(visit.id)
    }
    const active = async () =>
      ok(await api.call(secretary, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'active', limit: 1 }))
        .total
    const before = await active()
    const started = performance.now()
    const answers = await Promise.all(
      ids.flatMap((visitId) =>
        [secretary, admin].map((token) =>
          api.call(token, 'visit', 'visit/dispatch', { visitId, assigneeId: memberId }),
        ),
      ),
    )
    const seconds = (performance.now() - started) / 1000
    const outcomes = {}
    for (const { body } of answers) {
      const key = body.ok ? 'ok' : body.code
      outcomes[key] = (outcomes[key] ?? 0) + 1
    }
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b)
    report('double dispatch (all at once)', { calls: answers.length, errors: 0, seconds, latencies })
    console.log(
      `outcomes: ${Object.entries(outcomes)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    )
    const dispatched = (await active()) - before
    console.log(
      `requests dispatched: ${dispatched} of ${REQUESTS} (each exactly once: ${outcomes.ok === REQUESTS && dispatched === REQUESTS ? 'yes' : 'NO'})`,
    )
  } finally {
    await stopHostProcess(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}
