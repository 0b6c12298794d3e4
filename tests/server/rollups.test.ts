/**
 * The rollup kit (common/rollups.ts) through the real wx-server-sdk over the local database: a record's change
 * becomes increments on its node-month, overlapping first counts of a month are all kept, and moving a record to
 * another month moves its count.
 */
import type { recordChanged as RecordChangedFn } from '../../cloudfunctions/common/rollups'
import type { Counts, RollupRule } from '../../cloudfunctions/domain/rollup.rules'
import { flattenCounts } from '../../cloudfunctions/domain/rollup.rules'
import { type LocalDatabase } from '../../server/db/local-database'
import { uninstallLocalTransport } from '../../server/db/transport'
import { openSdkDatabase, type Sdk } from './sdk-env'

interface Visit {
  orgPath: string[]
  at: number
  status: 'open' | 'done'
  people: number
}

const visitRule: RollupRule<Visit> = (v) => [
  {
    orgPath: v.orgPath,
    time: v.at,
    counts: (v.status === 'done'
      ? { 'visit.done': 1, 'visit.people': v.people }
      : { 'visit.open': 1 }) as Counts,
  },
]

const NOV = Date.UTC(2026, 10, 15, 4)
const DEC = Date.UTC(2026, 11, 15, 4)
/** 30 Nov 20:00 UTC is 1 Dec 04:00 in China: December's. */
const DEC_IN_CHINA = Date.UTC(2026, 10, 30, 20)

type RecordChanged = typeof RecordChangedFn

let local: LocalDatabase
let db: Sdk
let recordChanged: RecordChanged

beforeEach(async () => {
  const opened = await openSdkDatabase(['rollups'])
  local = opened.local
  db = opened.db
  recordChanged = (await import('../../cloudfunctions/common/rollups')).recordChanged
})

afterEach(async () => {
  uninstallLocalTransport()
  await local.close()
})

async function countsOf(orgId: string, month: string): Promise<Record<string, number>> {
  const found = await db
    .collection('rollups')
    .where({ _id: `${orgId}_${month}` })
    .get()
  return flattenCounts(found.data[0]?.c)
}

const path = ['street', 'c1', 'b1']

it('counts a new record on its node and China month, and a change of state as the difference', async () => {
  const open: Visit = { orgPath: path, at: DEC_IN_CHINA, status: 'open', people: 0 }
  await recordChanged(visitRule, null, open)
  expect(await countsOf('b1', '2026-12')).toEqual({ 'visit.open': 1 })
  const done: Visit = { ...open, status: 'done', people: 3 }
  await recordChanged(visitRule, open, done)
  expect(await countsOf('b1', '2026-12')).toEqual({ 'visit.open': 0, 'visit.done': 1, 'visit.people': 3 })
  // A subtree's rollups are one query on the ancestor's id.
  const subtree = await db.collection('rollups').where({ month: '2026-12', orgPath: 'c1' }).get()
  expect(subtree.data.map((d: { orgId: string }) => d.orgId)).toEqual(['b1'])
})

it('moves a count between months when the deciding time moves', async () => {
  const a: Visit = { orgPath: path, at: NOV, status: 'done', people: 2 }
  await recordChanged(visitRule, null, a)
  await recordChanged(visitRule, a, { ...a, at: DEC })
  expect(await countsOf('b1', '2026-11')).toEqual({ 'visit.done': 0, 'visit.people': 0 })
  expect(await countsOf('b1', '2026-12')).toEqual({ 'visit.done': 1, 'visit.people': 2 })
})

it('keeps every one of 40 overlapping first counts of a new node-month', async () => {
  const records = Array.from({ length: 40 }, (_, i): Visit => ({
    orgPath: path,
    at: NOV,
    status: 'done',
    people: i,
  }))
  await Promise.all(records.map((r) => recordChanged(visitRule, null, r)))
  expect(await countsOf('b1', '2026-11')).toEqual({ 'visit.done': 40, 'visit.people': (39 * 40) / 2 })
  const stored = await db.collection('rollups').where({ orgId: 'b1' }).get()
  expect(stored.data).toHaveLength(1)
})
