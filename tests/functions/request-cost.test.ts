import { CHAIN_PAGE } from '../../cloudfunctions/domain/pledge-chain.rules'
import { type Backend, startBackend } from '../support/backend'
import {
  type Cost,
  costKey,
  growStreet,
  GROWTH,
  measureFlows,
  REQUIRED_ACTIONS,
} from '../support/request-cost'

/**
 * Cost independence: the database requests of each everyday action (counted by the runtime, as
 * `npm run bench -- requests` prints them) are the same on the seeded demo street and on that street grown
 * by hundreds of members, dozens of sessions with check-ins, exams with attempts. A count that grows with
 * the street (a read per member, per session, per attempt) fails here. Paged lists may only cost the same for
 * the same page, so their pages are kept full on both streets and compared. Counts, never timings.
 */
// Growing the street is about two thousand calls (about 30 s on a quiet machine).
jest.setTimeout(240_000)

/** A fixed afternoon mid-month (14:00 in China), so past sessions of "this month" exist on any day. */
const NOW = Date.UTC(2026, 10, 25, 6, 0, 0)
let clock = NOW

async function costsOn(
  grow: boolean,
): Promise<{ costs: Cost[]; members: number; checkins: number; signings: number }> {
  const backend: Backend = await startBackend()
  try {
    if (grow) await growStreet(backend, (ms) => (clock = ms))
    const costs = await measureFlows(backend)
    return {
      costs,
      members: (await backend.docs('members')).length,
      checkins: (await backend.docs('checkins')).length,
      signings: (await backend.docs('pledge_signings')).length,
    }
  } finally {
    await backend.close()
  }
}

const table = (costs: readonly Cost[]) => Object.fromEntries(costs.map((c) => [costKey(c), c.requests]))
const failures = (costs: readonly Cost[]) =>
  costs.filter((c) => c.failure !== null).map((c) => `${costKey(c)}: ${c.failure}`)

let seeded: Awaited<ReturnType<typeof costsOn>>
let grown: Awaited<ReturnType<typeof costsOn>>
beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  seeded = await costsOn(false)
  grown = await costsOn(true)
})
afterAll(() => jest.restoreAllMocks())

it('measures every action of the everyday flows successfully, on both streets', () => {
  expect(failures(seeded.costs)).toEqual([])
  expect(failures(grown.costs)).toEqual([])
  const measured = new Set(seeded.costs.map((c) => `${c.fn} ${c.action}`))
  expect(REQUIRED_ACTIONS.filter((a) => !measured.has(a))).toEqual([])
  expect(grown.costs.map(costKey)).toEqual(seeded.costs.map(costKey))
})

it('grows the street for real', () => {
  expect(grown.members - seeded.members).toBeGreaterThanOrEqual(GROWTH.members)
  expect(grown.checkins - seeded.checkins).toBeGreaterThanOrEqual(GROWTH.sessions * GROWTH.checkinsPerSession)
  // The pledge chain outgrows one signing's window and a page of the full verification.
  expect(grown.signings - seeded.signings).toBeGreaterThanOrEqual(GROWTH.bound)
  expect(grown.signings).toBeGreaterThan(CHAIN_PAGE)
})

/**
 * Counts known to grow with the street today, each with its cause. The entry must go with the fix: the last
 * test fails once the count no longer grows. Add nothing here without an issue to fix it.
 */
it('costs no action more database requests on the grown street', () => {
  const compared = (costs: readonly Cost[]) => costs.filter((c) => c.pageItems === null)
  expect(table(compared(grown.costs))).toEqual(table(compared(seeded.costs)))
})

it('costs the same for an equal page of a paged list', () => {
  const paged = seeded.costs.filter((c) => c.pageItems !== null)
  expect(paged.length).toBeGreaterThan(0)
  for (const before of paged) {
    const after = grown.costs.find((c) => costKey(c) === costKey(before))
    // The measured pages are full on both streets, so they are equal and must cost the same.
    expect({ key: costKey(before), items: after?.pageItems }).toEqual({
      key: costKey(before),
      items: before.pageItems,
    })
    expect({ key: costKey(before), requests: after?.requests }).toEqual({
      key: costKey(before),
      requests: before.requests,
    })
  }
})
