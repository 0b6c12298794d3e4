// The capacity race: 50 members sign up at the same moment for an activity of 30 places, through the local host
// (HTTP, the bundled volunteer function on the real SDK, the durable local database). Prints the time and the
// outcome (places taken, sign-ups stored, refusals). Needs the host and functions built (npm run bench does both).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { bindMembers, client } from './bench-quiz.mjs'
import { step } from './lib.mjs'

const MEMBERS = 50
const PLACES = 30

/** `helpers` are bench.mjs's load, report and startHostProcess. */
export async function benchVolunteer({ load, report, startHostProcess }) {
  step(
    `volunteer capacity race: ${MEMBERS} simultaneous sign-ups for ${PLACES} places (local host, durable store)`,
  )
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-volunteer-'))
  const { child, url } = await startHostProcess(dataDir)
  try {
    const api = await client(url)
    const admin = await api.login({ openid: 'demo-admin' })
    const tokens = await bindMembers(api, admin, MEMBERS)
    const activity = await api.call(admin, 'volunteer', 'activity/create', {
      title: '压测志愿活动',
      serviceType: 'traffic',
      orgId: 'org-c2',
      partner: null,
      place: '光明路路口',
      startAt: Date.now() + 3_600_000,
      plannedMinutes: 120,
      capacity: PLACES,
    })
    const refusals = {}
    const result = await load({
      clients: MEMBERS,
      perClient: 1,
      send: async (c) => {
        try {
          await api.call(tokens[c], 'volunteer', 'signup/join', { activityId: activity.id })
          return true
        } catch (error) {
          const code = String(error.message).split(':')[1]?.trim().split(' ')[0] ?? 'unknown'
          refusals[code] = (refusals[code] ?? 0) + 1
          return false
        }
      },
    })
    report(`signup/join (${MEMBERS} at once, ${PLACES} places; refusals count as errors)`, result)
    const after = await api.call(admin, 'volunteer', 'hours/list', { activityId: activity.id })
    console.log(
      `outcome: ${MEMBERS - result.errors} signed up, ${after.activity.signedUp} places taken, ` +
        `${after.signups.length} sign-ups stored; refused ${JSON.stringify(refusals)}`,
    )
  } finally {
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchVolunteer(await import('./bench.mjs'))
