import { monthRange } from '../../cloudfunctions/domain/time'
import { medianBucket, RESPONSE_BUCKETS, responseBucket } from '../../cloudfunctions/domain/visit.rules'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import { assignmentOf, pledgeCampaign, sign } from '../support/pledge'

/**
 * The pledge, volunteer and home-visit areas of 月度统计: after a small scenario through the real functions (a
 * pledge signed, a volunteer activity with confirmed hours and 受益人次, a home visit from submission to a rated
 * confirmation) the community's figures move by exactly what the scenario did (the demo seed already holds such
 * records, so figures are compared as deltas or with a direct count), another community's secretary sees none of
 * it, and the year's paragraph carries the sentences.
 */
jest.setTimeout(120_000)

const MIN = 60_000
const HOUR = 60 * MIN
const MORNING = Date.UTC(2026, 10, 25, 0, 0, 0) // 08:00 China time
const MONTH = '2026-11'
const C2_SECRETARY = DEMO.secretary2

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = MORNING
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend({ history: true })
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

type Figure = { key: string; value: number; whole: number | null; text: string }
async function figuresOf(who: string, orgId?: string): Promise<Record<string, Figure>> {
  const view = ok(
    await backend.call(who, 'stats', 'stats/month', { month: MONTH, ...(orgId ? { orgId } : {}) }),
  )
  return Object.fromEntries(
    view.areas
      .filter((a) => ['pledge', 'volunteer', 'visit', 'benefit'].includes(a.key))
      .flatMap((a) => a.figures.map((f) => [f.key, f as Figure])),
  )
}

async function memberIdOf(openid: string): Promise<string> {
  const me = ok(await backend.call(openid, 'account', 'account/me', {}))
  if (!me.member) throw new Error(`${openid} is not bound`)
  return me.member.id
}

/** A pledge signed, a volunteer activity held with confirmed hours, a home visit done, confirmed and rated. */
async function scenario() {
  // 廉政承诺: a campaign for 和平社区, one member signs.
  const { campaign } = await pledgeCampaign(backend, 'org-c1')
  ok(await sign(backend, DEMO.member1, await assignmentOf(backend, DEMO.member1)))
  const assigned = (await backend.docs('pledge_assignments')).filter(
    (a) => a.campaignId === campaign.id,
  ).length

  // 志愿服务: 08:50 to 11:50, member1 scans in and out an hour later, the hours confirmed, 40 受益人次.
  const activity = ok(
    await backend.call(DEMO.secretary1, 'volunteer', 'activity/create', {
      title: '文明交通劝导',
      serviceType: 'traffic',
      orgId: 'org-c1',
      partner: null,
      place: '和平路与幸福街路口',
      startAt: MORNING + 50 * MIN,
      plannedMinutes: 180,
      capacity: 10,
    }),
  )
  ok(await backend.call(DEMO.member1, 'volunteer', 'signup/join', { activityId: activity.id }))
  const scan = async () => {
    const { token } = ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'activity/qr', {
        activityId: activity.id,
        linkBase: null,
      }),
    )
    return ok(await backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token }))
  }
  clock = MORNING + 50 * MIN
  await scan()
  clock += HOUR
  const out = await scan()
  const entry = (await backend.docs('volunteer_entries')).find((e) => e._id === out.entry.id) as Stored
  if (entry.status !== 'confirmed')
    ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
        entryId: out.entry.id,
        approve: true,
      }),
    )
  ok(
    await backend.call(DEMO.secretary1, 'volunteer', 'activity/close', {
      activityId: activity.id,
      beneficiaries: 40,
    }),
  )

  // 上门服务: submitted, dispatched, accepted 10 minutes after submission, completed, confirmed with 4 stars.
  const visit = ok(
    await backend.call(DEMO.resident1, 'visit', 'visit/submit', {
      serviceType: 'repair',
      orgId: 'org-c1',
      address: '幸福街道和平里小区3号楼2单元501室',
      phone: '13812345678',
      preferredDate: null,
      preferredSlot: null,
      description: '厨房水龙头漏水',
      photo: null,
    }),
  )
  const assigneeId = await memberIdOf(DEMO.member1)
  ok(await backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', { visitId: visit.id, assigneeId }))
  clock += 10 * MIN
  ok(await backend.call(DEMO.member1, 'visit', 'visit/accept', { visitId: visit.id }))
  clock += HOUR
  ok(
    await backend.call(DEMO.member1, 'visit', 'visit/complete', {
      visitId: visit.id,
      durationMinutes: 40,
      notes: '更换了水龙头阀芯',
      photos: [],
    }),
  )
  clock += HOUR
  ok(
    await backend.call(DEMO.resident1, 'visit', 'visit/confirm', {
      visitId: visit.id,
      rating: 4,
      comment: '好',
    }),
  )
  return { assigned, visitId: visit.id }
}

const ratingOf = (f: Figure) => {
  const m = /（(\d+)\/(\d+)）/.exec(f.text)
  return m ? [Number(m[1]), Number(m[2])] : [0, 0]
}

describe('pledge, volunteer and home-visit areas', () => {
  it('move the community’s figures by exactly what was done, and nobody else’s', async () => {
    const before = await figuresOf(DEMO.secretary1)
    const otherBefore = await figuresOf(C2_SECRETARY)
    const { assigned } = await scenario()
    const after = await figuresOf(DEMO.secretary1)
    const delta = (key: string) => after[key].value - before[key].value

    // 廉政承诺: every member of the community assigned, one signed; the rate over the same numbers.
    expect(delta('pledge.assigned')).toBe(assigned)
    expect(delta('pledge.signedCount')).toBe(1)
    expect(after['pledge.signed']).toMatchObject({
      value: before['pledge.signed'].value + 1,
      whole: before['pledge.signed'].whole! + assigned,
    })
    expect(after['pledge.signed'].text).toMatch(/^\d+\.\d%（\d+\/\d+）$/)

    // 志愿服务: one activity, one participant, one confirmed hour, 40 受益人次, no 补录.
    expect(delta('volunteer.activities')).toBe(1)
    expect(delta('volunteer.participants')).toBe(1)
    expect(delta('volunteer.hours')).toBeCloseTo(1, 5)
    expect(delta('volunteer.beneficiaries')).toBe(40)
    expect(delta('volunteer.makeupEntries')).toBe(0)

    // 上门服务: one request, completed, confirmed by the resident (not automatically), rated 4, one 受益人次.
    expect(delta('visit.requested')).toBe(1)
    expect(delta('visit.completed')).toBe(1)
    expect(delta('visit.confirmed')).toBe(1)
    expect(delta('visit.autoConfirmed')).toBe(0)
    expect(delta('visit.beneficiaries')).toBe(1)
    expect(after['visit.completedInTime']).toMatchObject({
      value: before['visit.completedInTime'].value + 1,
      whole: before['visit.completedInTime'].whole! + 1,
    })
    const [sum0, rated0] = ratingOf(before['visit.rating'])
    expect(ratingOf(after['visit.rating'])).toEqual([sum0 + 4, rated0 + 1])
    // The median response time equals the one a direct count of the month's accepted requests gives.
    const [from, to] = monthRange(MONTH)
    const accepted = (await backend.docs('visits')).filter(
      (v) =>
        v.orgPath.includes('org-c1') && v.acceptedAt !== null && v.acceptedAt >= from && v.acceptedAt < to,
    )
    const buckets: Record<string, number> = {}
    for (const v of accepted) {
      const b = responseBucket(Math.max(0, Math.round((v.acceptedAt - v.submittedAt) / MIN)))
      buckets[b] = (buckets[b] ?? 0) + 1
    }
    expect(after['visit.responseMedian'].text).toBe(medianBucket(buckets) ?? '—')
    expect(after['visit.responseMedian'].value).toBe(accepted.length)
    expect(RESPONSE_BUCKETS.map((b) => b.key)).toContain(responseBucket(10))

    // 受益人次 in total: the activity's 40 and the visit's one, the sum of the two areas' figures.
    expect(delta('benefit.total')).toBe(41)
    expect(after['benefit.total'].value).toBe(
      after['volunteer.beneficiaries'].value + after['visit.beneficiaries'].value,
    )

    // Another community's secretary: the same figures as before, and no way to read 和平社区's.
    expect(await figuresOf(C2_SECRETARY)).toEqual(otherBefore)
    expect(failed(await backend.call(C2_SECRETARY, 'stats', 'stats/month', { orgId: 'org-c1' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    for (const figure of ['pledge.signed', 'volunteer.hours', 'visit.completed']) {
      const refused = await backend.call(C2_SECRETARY, 'stats', 'stats/records', {
        orgId: 'org-c1',
        period: MONTH,
        figure,
      })
      expect(failed(refused).code).toBe('COMMON.FORBIDDEN')
    }
  })

  it('opens the records behind the figures, the community’s only', async () => {
    const { visitId } = await scenario()
    const page = (who: string, orgId: string, figure: string) =>
      backend.call(who, 'stats', 'stats/records', { orgId, period: MONTH, figure })
    const [from, to] = monthRange(MONTH)
    const inMonth = (t: number | null) => t !== null && t >= from && t < to
    const visits = (await backend.docs('visits')).filter((v) => v.orgPath.includes('org-c1'))
    const completed = ok(await page(DEMO.secretary1, 'org-c1', 'visit.completed'))
    expect(completed.total).toBe(visits.filter((v) => inMonth(v.completedAt)).length)
    expect(visits.find((v) => v._id === visitId)?.completedAt).not.toBeNull()
    const signed = ok(await page(DEMO.secretary1, 'org-c1', 'pledge.signedCount'))
    const pledges = (await backend.docs('pledge_assignments')).filter(
      (a) => a.orgPath.includes('org-c1') && a.status === 'signed' && inMonth(a.signedAt),
    )
    expect(signed.total).toBe(pledges.length)
    const held = ok(await page(DEMO.secretary1, 'org-c1', 'volunteer.activities'))
    const activities = (await backend.docs('volunteer_activities')).filter(
      (a) => a.orgPath.includes('org-c1') && a.status === 'closed' && inMonth(a.startAt),
    )
    expect(held.total).toBe(activities.length)
    expect(held.rows.map((r) => r[1])).toContain('文明交通劝导')
    // 受益人次 in total opens the activities with 受益人次 and the confirmed visits, one row each, their sum the figure.
    const benefit = ok(await page(DEMO.secretary1, 'org-c1', 'benefit.total'))
    const withBenefit = activities.filter((a) => (a.beneficiaries ?? 0) > 0)
    const confirmed = visits.filter((v) => inMonth(v.confirmedAt))
    expect(benefit.total).toBe(withBenefit.length + confirmed.length)
    expect(benefit.rows.map((r) => r[1])).toEqual([
      ...withBenefit.map(() => '志愿服务'),
      ...confirmed.map(() => '上门服务'),
    ])
    const figure = (await figuresOf(DEMO.secretary1))['benefit.total'].value
    expect(benefit.rows.reduce((n, r) => n + Number(r[4]), 0)).toBe(figure)
    // The other community's own records do not include this one.
    const theirs = ok(await page(C2_SECRETARY, 'org-c2', 'volunteer.activities'))
    expect(theirs.rows.map((r) => r[1])).not.toContain('文明交通劝导')
  })

  it('writes the year’s sentences in the manner of the 述职报告, each figure opening its records', async () => {
    const year = async () =>
      ok(await backend.call(DEMO.secretary1, 'stats', 'stats/year', { orgId: 'org-c1', year: 2026 })).text
    const numbers = (text: string) => {
      const pledge = /签订廉政承诺书(\d+)份/.exec(text)
      const service = /组织开展各类志愿服务(\d+)次、上门服务(\d+)次，直接受益达(\d+)人次/.exec(text)
      if (!pledge || !service) throw new Error(`no sentences in ${text}`)
      return [pledge[1], service[1], service[2], service[3]].map(Number)
    }
    const [p0, v0, h0, k0] = numbers(await year())
    await scenario()
    const text = await year()
    expect(numbers(text)).toEqual([p0 + 1, v0 + 1, h0 + 1, k0 + 41])
    const paragraphs = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/year', { orgId: 'org-c1', year: 2026 }),
    ).paragraphs
    const figures = paragraphs
      .flatMap((p) => p.parts)
      .filter((p) => p.figure && /^(pledge|volunteer|visit|benefit)\./.test(p.figure))
    expect(figures.length).toBeGreaterThanOrEqual(5)
    expect(figures.map((p) => p.figure)).toContain('benefit.total')
    for (const part of figures) {
      const page = ok(
        await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
          orgId: 'org-c1',
          period: '2026',
          figure: part.figure ?? '',
        }),
      )
      expect(page.columns.length).toBeGreaterThan(0)
    }
  })

  it('lists requests waiting for dispatch on the to-do list, as many as are waiting', async () => {
    const waiting = (await backend.docs('visits')).filter(
      (v) => v.orgPath.includes('org-c1') && v.status === 'submitted',
    ).length
    const todo = ok(await backend.call(DEMO.secretary1, 'stats', 'stats/todo', {}))
    const item = todo.items.find((i) => i.kind === 'awaitingDispatch')
    if (waiting === 0) expect(item).toBeUndefined()
    else expect(item?.title).toBe(`${waiting}件上门服务请求等待派单`)
  })
})
