/**
 * The demo street's 回访核查: a small window-service ledger of the last quarter and of this one, and the last
 * quarter drawn (seed "<quarter>-演示"), with four calls recorded by the 纪工委 and its summary published to the
 * whole street, so every member finds it under 待签承诺书 → 纪工委回访核查公示. This quarter's items wait for the
 * 纪工委 to draw them (首页 → 回访核查).
 */
import { createHash } from 'node:crypto'

import type {
  CallbackCall,
  CallbackItemDoc,
  CallbackQuarterDoc,
  CallbackSampleEntry,
} from '../cloudfunctions/common/callback.docs'
import type { MemberDoc, OrgDoc, RollupDoc } from '../cloudfunctions/common/docs'
import { callbackRollup } from '../cloudfunctions/domain/callback.rollup'
import {
  ledgerIdentity,
  quarterOfDate,
  quarterRange,
  shiftQuarter,
  summarise,
} from '../cloudfunctions/domain/callback.rules'
import { drawSample } from '../cloudfunctions/domain/follow-up-sample.rules'
import { bucketId, sumContributions } from '../cloudfunctions/domain/rollup.rules'
import { chinaTimestamp, dateOf } from '../cloudfunctions/domain/time'

const DAY = 24 * 3600 * 1000

const MATTERS = ['低保申请', '老年证办理', '医保报销', '残疾证办理', '居住证明', '就业登记']
const STAFF = ['李敏', '陈刚', '周芳', '吴磊']
const SERVED = ['王秀英', '张建国', '刘桂兰', '赵志强', '孙丽华', '钱德明', '郑淑珍', '冯宝山', '何玉梅']

export interface CallbackSeed {
  items: CallbackItemDoc[]
  quarters: CallbackQuarterDoc[]
  rollups: RollupDoc[]
}

export function demoCallback(now: number, orgs: readonly OrgDoc[], inspector: MemberDoc): CallbackSeed {
  const communities = orgs.filter((o) => o.type === 'community' && o._id.startsWith('org-c')).slice(0, 3)
  const street = orgs.find((o) => o.parentId === null)
  if (!street || communities.length === 0) throw new Error('the demo street has no communities')
  const current = quarterOfDate(dateOf(now))
  const last = shiftQuarter(current, -1)
  const item = (quarterStart: number, n: number, spanDays: number): CallbackItemDoc => {
    const org = communities[n % communities.length]
    const completedOn = dateOf(quarterStart + ((n * 7) % spanDays) * DAY)
    const fields = {
      matter: MATTERS[n % MATTERS.length],
      staffName: STAFF[n % STAFF.length],
      servedName: SERVED[n % SERVED.length],
      phone: `1390010${String(1000 + n).slice(-4)}`,
      completedOn,
      orgId: org._id,
    }
    return {
      _id: `led${createHash('sha256').update(ledgerIdentity(fields)).digest('hex').slice(0, 24)}`,
      ...fields,
      completedAt: chinaTimestamp(completedOn, '00:00') ?? quarterStart,
      quarter: quarterOfDate(completedOn),
      orgPath: [...org.ancestors, org._id],
      source: 'import',
      importBatch: 'demo',
      createdBy: inspector._id,
      createdAt: now,
    }
  }
  const [lastStart] = quarterRange(last)
  const [currentStart] = quarterRange(current)
  const daysSoFar = Math.max(1, Math.floor((now - currentStart) / DAY))
  const lastItems = Array.from({ length: 12 }, (_, n) => item(lastStart, n, 85))
  const currentItems = Array.from({ length: 9 }, (_, n) => item(currentStart, n + 20, daysSoFar))

  const pool: CallbackSampleEntry[] = lastItems.map((i) => ({
    key: `L-${i._id}`,
    kind: 'ledger',
    sourceId: i._id,
    matter: i.matter,
    staffName: i.staffName,
    servedName: i.servedName,
    phone: i.phone,
    completedAt: i.completedAt,
    communityId: i.orgId,
    orgPath: i.orgPath,
  }))
  const seed = `${last}-演示`
  const sample = drawSample(
    pool.map((e) => ({ ...e, id: e.key, groupId: e.communityId })),
    6,
    seed,
  ).map(({ id: _id, groupId: _g, ...entry }) => entry)
  // Early in the quarter, or a few days back when the quarter has only just begun.
  const drawnAt = Math.min(currentStart + 2 * DAY, now - 3 * DAY)
  const calledOn = dateOf(drawnAt + DAY)
  const callOf = (reached: boolean, scores: number[] | null, problem = ''): CallbackCall => ({
    reached,
    calledOn,
    calledAt: chinaTimestamp(calledOn, '00:00') ?? drawnAt,
    ratings: scores
      ? { attitude: scores[0], ability: scores[1], efficiency: scores[2], integrity: scores[3] }
      : null,
    remark: reached ? '群众对办理结果表示认可' : '连续两次无人接听',
    problem,
    by: inspector._id,
    byName: inspector.name,
    at: drawnAt + DAY,
    revision: 1,
  })
  const recorded = [
    callOf(true, [5, 5, 4, 5]),
    callOf(true, [4, 4, 3, 5], '材料一次性告知不到位，群众跑了两趟'),
    callOf(true, [5, 4, 5, 5]),
    callOf(false, null),
  ]
  const calls = Object.fromEntries(sample.slice(0, recorded.length).map((s, i) => [s.key, recorded[i]]))
  const summary = summarise(sample.length, Object.values(calls))
  const quarter: CallbackQuarterDoc = {
    _id: last,
    quarter: last,
    seed,
    size: 6,
    pool: pool.map((e) => [e.key, e.communityId]),
    sample,
    calls,
    revision: recorded.length,
    status: 'published',
    drawnBy: inspector._id,
    drawnByName: inspector.name,
    drawnAt,
    publishedAt: drawnAt + 2 * DAY,
    publishedByName: inspector.name,
    scopeOrgId: street._id,
    scopePath: [street._id],
    summary,
    problems: sample.flatMap((s) => {
      const call = calls[s.key]
      const org = orgs.find((o) => o._id === s.communityId)
      return call?.problem ? [{ matter: s.matter, orgName: org?.name ?? '', problem: call.problem }] : []
    }),
  }
  const rollups: RollupDoc[] = [...sumContributions(callbackRollup(quarter)).values()].map((b) => {
    const c: Record<string, Record<string, number>> = {}
    for (const [key, n] of Object.entries(b.counts)) {
      const [area, name] = key.split('.')
      c[area] = { ...c[area], [name]: n }
    }
    return { _id: bucketId(b.orgId, b.month), orgId: b.orgId, orgPath: b.orgPath, month: b.month, c }
  })
  return { items: [...lastItems, ...currentItems], quarters: [quarter], rollups }
}
