import type { Result } from '../../cloudfunctions/contract/envelope'
import type { ActivitySummary } from '../../cloudfunctions/contract/volunteer.contract'
import { monthRange } from '../../cloudfunctions/domain/time'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import { addBoundMembers } from '../support/members'
import { sentTwiceStoredOnce, startDuring } from '../support/races'

/**
 * 志愿服务 through the bundled `volunteer` function on the real SDK: activities, places that hold when many sign
 * up at once, hours from the rotating code and the organiser's entry with their rules, confirmation, the close,
 * and the certificate anyone can check. The functions' clock is `Date.now`, moved by the tests.
 */
jest.setTimeout(120_000)

const MIN = 60_000
const HOUR = 60 * MIN
/** 25 Nov 2026, 08:00 in China. */
const MORNING = Date.UTC(2026, 10, 25, 0, 0, 0)
const C2_SECRETARY = DEMO.secretary2
const MEMBER2 = 'demo-member-2'
const MEMBER3 = 'demo-member-3'

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = MORNING
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

function create(patch: Partial<Record<string, unknown>> = {}, who: string = DEMO.secretary1) {
  return backend.call(who, 'volunteer', 'activity/create', {
    title: '文明交通劝导',
    serviceType: 'traffic',
    orgId: 'org-c1',
    partner: '区交警大队',
    place: '和平路与幸福街路口',
    // 08:50 to 11:50
    startAt: MORNING + 50 * MIN,
    plannedMinutes: 180,
    capacity: 10,
    ...patch,
  })
}

const join = (who: string, activityId: string) =>
  backend.call(who, 'volunteer', 'signup/join', { activityId })
const token = async (activityId: string) =>
  ok(await backend.call(DEMO.secretary1, 'volunteer', 'activity/qr', { activityId, linkBase: null })).token
const scan = async (who: string, activityId: string) =>
  backend.call(who, 'volunteer', 'hours/scan', { token: await token(activityId) })
const memberIdOf = async (openid: string) => {
  const me = ok(await backend.call(openid, 'account', 'account/me', {}))
  if (!me.member) throw new Error(`${openid} is not bound`)
  return me.member.id
}

describe('a new activity’s form sent twice (its answer lost, a second tap, or both at once)', () => {
  it('is one activity', async () => {
    const count = async () => (await backend.docs('volunteer_activities')).length
    await sentTwiceStoredOnce({
      who: { openid: DEMO.secretary1, label: 'volunteer activity/create' },
      rounds: 6,
      count,
      send: (submitKey) => create({ submitKey }),
      idOf: (answer) => ok(answer).id,
    })
    const before = await count()
    ok(await create())
    ok(await create())
    expect(await count()).toBe(before + 2)
  })
})

async function activityWith(members: string[], patch: Partial<Record<string, unknown>> = {}) {
  const activity = ok(await create(patch))
  for (const who of members) ok(await join(who, activity.id))
  return activity
}

describe('activities', () => {
  it('lets a secretary create an activity of their node for a future time; everyone else is refused, storing nothing', async () => {
    const activity = ok(await create())
    expect(activity).toMatchObject({
      orgName: '和平社区党委',
      partner: '区交警大队',
      capacity: 10,
      signedUp: 0,
      status: 'open',
      endAt: MORNING + 230 * MIN,
    })
    const before = await backend.snapshot()
    expect(failed(await create({}, C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.inspector)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.resident1)).code).toBe('COMMON.NOT_BOUND')
    expect(failed(await create({ startAt: MORNING - MIN })).code).toBe('VOLUNTEER.START_PASSED')
    expect(failed(await create({ orgId: 'no-such-org' })).code).toBe('ORG.NOT_FOUND')
    expect(failed(await create({ serviceType: 'party' })).code).toBe('COMMON.INVALID_INPUT')
    expect(failed(await create({ capacity: 0 })).message).toContain('人数上限')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('lists an activity to the members of its community with their place, and to its organisers by month', async () => {
    const activity = await activityWith([DEMO.member1])
    const mine = ok(await backend.call(DEMO.member1, 'volunteer', 'activity/list', {}))
    expect(mine.activities).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: activity.id, joined: true, signedUp: 1 })]),
    )
    const other = ok(await backend.call('demo-member-4', 'volunteer', 'activity/list', {}))
    expect(other.activities.map((a) => a.id)).not.toContain(activity.id)
    const managed = ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'activity/manage', {
        orgId: 'org-c1',
        month: '2026-11',
      }),
    )
    expect(managed.activities.map((a) => a.id)).toContain(activity.id)
    expect(
      failed(
        await backend.call(C2_SECRETARY, 'volunteer', 'activity/manage', {
          orgId: 'org-c1',
          month: '2026-11',
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    const detail = ok(
      await backend.call(DEMO.member1, 'volunteer', 'activity/get', { activityId: activity.id }),
    )
    expect(detail).toMatchObject({ joined: true, canManage: false, myEntries: [] })
    expect(
      ok(await backend.call(DEMO.secretary1, 'volunteer', 'activity/get', { activityId: activity.id }))
        .canManage,
    ).toBe(true)
    expect(
      failed(await backend.call(DEMO.member1, 'volunteer', 'activity/get', { activityId: 'nope' })).code,
    ).toBe('VOLUNTEER.ACTIVITY_NOT_FOUND')
  })
})

describe('signing up', () => {
  it('takes a place once, frees it on withdrawal before the start, and refuses both after the start', async () => {
    const activity = ok(await create({ capacity: 1 }))
    expect(ok(await join(DEMO.member1, activity.id))).toMatchObject({ signedUp: 1, joined: true })
    expect(failed(await join(DEMO.member1, activity.id)).code).toBe('VOLUNTEER.ALREADY_JOINED')
    expect(failed(await join(MEMBER2, activity.id))).toMatchObject({
      code: 'VOLUNTEER.FULL',
      message: '名额已满（共1人）',
    })
    const withdrawn = ok(
      await backend.call(DEMO.member1, 'volunteer', 'signup/withdraw', { activityId: activity.id }),
    )
    expect(withdrawn).toMatchObject({ signedUp: 0, joined: false })
    expect(
      failed(await backend.call(DEMO.member1, 'volunteer', 'signup/withdraw', { activityId: activity.id }))
        .code,
    ).toBe('VOLUNTEER.NOT_JOINED')
    ok(await join(MEMBER2, activity.id))
    clock = MORNING + 50 * MIN
    expect(failed(await join(DEMO.member1, activity.id)).code).toBe('VOLUNTEER.SIGNUP_CLOSED')
    expect(
      failed(await backend.call(MEMBER2, 'volunteer', 'signup/withdraw', { activityId: activity.id })).code,
    ).toBe('VOLUNTEER.WITHDRAW_CLOSED')
    const stored = await storedActivity(activity.id)
    expect(stored.signedUp).toBe(1)
    expect(failed(await join(DEMO.resident1, activity.id)).code).toBe('COMMON.NOT_BOUND')
  })

  it('holds the capacity when 50 members sign up for 30 places at once: exactly 30 succeed', async () => {
    await addMembers(50)
    const activity = ok(await create({ capacity: 30 }))
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => join(loadOpenid(i), activity.id)))
    const won = results.filter((r) => r.ok)
    expect(won).toHaveLength(30)
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(
      new Array(20).fill('VOLUNTEER.FULL'),
    )
    const active = (await backend.docs('volunteer_signups')).filter(
      (s: Stored) => s.activityId === activity.id && s.status === 'active',
    )
    expect(active).toHaveLength(30)
    const stored = await storedActivity(activity.id)
    expect(stored.signedUp).toBe(30)
  })

  it('gives the last place to one of two members whose sign-ups overlap at any point', async () => {
    for (let at = 1; at <= 5; at++) {
      const activity = ok(await create({ capacity: 1, title: `第${at}轮` }))
      const [a, b] = await startDuring(
        () => join(DEMO.member1, activity.id),
        { openid: DEMO.member1, label: 'volunteer signup/join' },
        at,
        () => join(MEMBER2, activity.id),
      )
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      const held = (await backend.docs('volunteer_signups')).filter(
        (s: Stored) => s.activityId === activity.id && s.status === 'active',
      )
      expect(held).toHaveLength(1)
      const [stored] = (await backend.docs('volunteer_activities')).filter(
        (x: Stored) => x._id === activity.id,
      )
      expect(stored.signedUp).toBe(1)
    }
  })
})

const update = (
  activity: ActivitySummary,
  patch: Partial<Record<string, unknown>>,
  who: string = DEMO.secretary1,
) =>
  backend.call(who, 'volunteer', 'activity/update', {
    activityId: activity.id,
    title: activity.title,
    serviceType: activity.serviceType,
    partner: activity.partner,
    place: activity.place,
    startAt: activity.startAt,
    plannedMinutes: activity.plannedMinutes,
    capacity: activity.capacity,
    ...patch,
  })
const cancel = (activityId: string, who: string = DEMO.secretary1) =>
  backend.call(who, 'volunteer', 'activity/cancel', { activityId, reason: '暴雨预警，活动取消' })
/** The subscribe messages the outbox holds for an activity (its title) to a person. */
const noticesTo = async (openid: string, title: string) =>
  (await backend.docs('outbox')).filter((m: Stored) => m.touser === openid && m.data?.thing1?.value === title)

describe('changing and cancelling', () => {
  it('lets the organiser edit an activity before the start, never below the places taken, and not once someone signed in', async () => {
    const activity = await activityWith([DEMO.member1, MEMBER2, MEMBER3])
    const before = await backend.snapshot()
    expect(failed(await update(activity, { capacity: 2 }))).toMatchObject({
      code: 'VOLUNTEER.CAPACITY_BELOW',
      message: '已有3人报名，人数上限不能少于3',
    })
    expect(failed(await update(activity, { capacity: 3 }, C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await update(activity, { capacity: 3 }, DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await update(activity, { startAt: MORNING - MIN })).code).toBe('VOLUNTEER.START_PASSED')
    expect(failed(await update(activity, { plannedMinutes: 5 })).message).toContain('计划时长')
    expect(await backend.snapshot()).toEqual(before)

    // The next day at 14:00, for 2 hours, 3 places: the list, the card and the sign-ups follow.
    const nextDay = MORNING + 24 * HOUR + 6 * HOUR
    const changed = ok(
      await update(activity, {
        capacity: 3,
        title: '文明交通劝导（改期）',
        startAt: nextDay,
        plannedMinutes: 120,
      }),
    )
    expect(changed).toMatchObject({ capacity: 3, signedUp: 3, startAt: nextDay, endAt: nextDay + 2 * HOUR })
    expect(failed(await join('demo-member-4', activity.id)).code).toBe('VOLUNTEER.FULL')
    const held = (await backend.docs('volunteer_signups')).filter((x: Stored) => x.activityId === activity.id)
    expect(held.map((x: Stored) => x.activityStartAt)).toEqual([nextDay, nextDay, nextDay])
    const detail = ok(
      await backend.call(DEMO.member1, 'volunteer', 'activity/get', { activityId: activity.id }),
    )
    expect(detail).toMatchObject({ title: '文明交通劝导（改期）', capacity: 3, startAt: nextDay })

    // Signed in 20 minutes before the start: no more edits, no cancellation.
    clock = nextDay - 20 * MIN
    ok(await scan(DEMO.member1, activity.id))
    const signedIn = await backend.snapshot()
    expect(failed(await update(changed, { capacity: 5 })).code).toBe('VOLUNTEER.HAS_ENTRIES')
    expect(failed(await cancel(activity.id)).code).toBe('VOLUNTEER.HAS_ENTRIES')
    expect(await backend.snapshot()).toEqual(signedIn)

    // Another, not signed into: after the start it is too late.
    clock = MORNING
    const later = await activityWith([MEMBER2])
    clock = MORNING + 50 * MIN
    expect(failed(await update(later, { capacity: 20 })).code).toBe('VOLUNTEER.EDIT_TOO_LATE')
    expect(failed(await cancel(later.id)).code).toBe('VOLUNTEER.CANCEL_TOO_LATE')
  })

  it('cancels before the start, tells every member signed up, counts in no figure, and refuses everything after', async () => {
    const activity = await activityWith([DEMO.member1, MEMBER2])
    const rollupBefore = await rollupOf('org-c1')
    expect(failed(await cancel(activity.id, C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await cancel(activity.id, DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await cancel(activity.id, DEMO.resident1)).code).toBe('COMMON.NOT_BOUND')
    const cancelled = ok(await cancel(activity.id))
    expect(cancelled).toMatchObject({
      activity: { status: 'cancelled', cancelReason: '暴雨预警，活动取消' },
      sent: 2,
      unreachable: 0,
    })
    for (const who of [DEMO.member1, MEMBER2]) {
      const [notice] = await noticesTo(who, activity.title)
      expect(notice).toMatchObject({
        page: 'packages/volunteer/pages/activities/index',
        data: { phrase2: { value: '已取消' }, thing3: { value: '暴雨预警，活动取消' } },
      })
    }
    expect(await noticesTo(MEMBER3, activity.title)).toEqual([])
    const listed = ok(await backend.call(DEMO.member1, 'volunteer', 'activity/list', {}))
    expect(listed.activities.find((a) => a.id === activity.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: '暴雨预警，活动取消',
    })
    const after = await backend.snapshot()
    expect(failed(await cancel(activity.id)).code).toBe('VOLUNTEER.CANCELLED')
    expect(failed(await join(MEMBER3, activity.id)).code).toBe('VOLUNTEER.CANCELLED')
    expect(
      failed(await backend.call(DEMO.member1, 'volunteer', 'signup/withdraw', { activityId: activity.id }))
        .code,
    ).toBe('VOLUNTEER.CANCELLED')
    expect(failed(await update(activity, { capacity: 20 })).code).toBe('VOLUNTEER.CANCELLED')
    const qr = await backend.call(DEMO.secretary1, 'volunteer', 'activity/qr', {
      activityId: activity.id,
      linkBase: null,
    })
    expect(failed(qr).code).toBe('VOLUNTEER.CANCELLED')
    clock = MORNING + 2 * HOUR
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'volunteer', 'activity/close', {
          activityId: activity.id,
          beneficiaries: 10,
        }),
      ).code,
    ).toBe('VOLUNTEER.CANCELLED')
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'volunteer', 'hours/enter', {
          activityId: activity.id,
          memberId: await memberIdOf(DEMO.member1),
          direction: 'in',
        }),
      ).code,
    ).toBe('VOLUNTEER.CANCELLED')
    expect(await backend.snapshot()).toEqual(after)
    expect(await rollupOf('org-c1')).toEqual(rollupBefore)
  })
})

const LOAD = 'vol-load'
const loadOpenid = (i: number) => `${LOAD}-${i}`

/** Bound members of 和平社区第一党支部. */
function addMembers(n: number): Promise<void> {
  return addBoundMembers({
    count: n,
    openid: loadOpenid,
    idPrefix: 'vol',
    orgId: 'org-c1-b1',
    orgPath: ['org-street', 'org-c1', 'org-c1-b1'],
    namePrefix: '志愿者',
    phonePrefix: '186',
  })
}

describe('hours', () => {
  it('counts 08:50–11:20 as 2.5 hours, pending until the organiser confirms', async () => {
    const activity = await activityWith([DEMO.member1])
    clock = MORNING + 50 * MIN
    const code = await token(activity.id)
    const again = () => backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code })
    const signedIn = ok(await again())
    expect(signedIn).toMatchObject({ outcome: 'signed_in', entry: { status: 'open', method: 'qr' } })
    // The same code scanned again (a camera reading twice) is a repeat, not a sign-out.
    clock += 15_000
    expect(ok(await again()).outcome).toBe('already_in')
    clock = MORNING + 200 * MIN // 11:20
    const out = ok(await scan(DEMO.member1, activity.id))
    expect(out).toMatchObject({ outcome: 'signed_out', entry: { minutes: 150, status: 'pending' } })
    let mine = ok(await backend.call(DEMO.member1, 'volunteer', 'hours/mine', { year: 2026 }))
    expect(mine).toMatchObject({ confirmedMinutes: 0, pendingMinutes: 150 })
    const decided = ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
        entryId: out.entry.id,
        approve: true,
      }),
    )
    expect(decided.status).toBe('confirmed')
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
          entryId: out.entry.id,
          approve: false,
        }),
      ).code,
    ).toBe('VOLUNTEER.ENTRY_DECIDED')
    mine = ok(await backend.call(DEMO.member1, 'volunteer', 'hours/mine', { year: 2026 }))
    expect(mine).toMatchObject({ confirmedMinutes: 150, pendingMinutes: 0, makeupMinutes: 0 })
    expect(mine.months[10]).toEqual({
      month: '2026-11',
      confirmedMinutes: 150,
      pendingMinutes: 0,
      activities: 1,
    })
  })

  it('never counts more than the planned duration, and refuses a fourth pair the same day', async () => {
    const activity = await activityWith([DEMO.member1], { plannedMinutes: 60 })
    // In at 08:20 (scans open 30 minutes early), out at 09:40: 80 minutes, of which 60 count.
    clock = MORNING + 20 * MIN
    ok(await scan(DEMO.member1, activity.id))
    clock += 80 * MIN
    expect(ok(await scan(DEMO.member1, activity.id)).entry.minutes).toBe(60)
    expect(failed(await scan(DEMO.member1, activity.id)).code).toBe('VOLUNTEER.PLANNED_REACHED')

    clock = MORNING
    const other = await activityWith([MEMBER2], { plannedMinutes: 180, title: '三进三出' })
    clock = MORNING + 50 * MIN
    for (let pair = 0; pair < 3; pair++) {
      ok(await scan(MEMBER2, other.id))
      clock += 10 * MIN
      expect(ok(await scan(MEMBER2, other.id)).outcome).toBe('signed_out')
      clock += 5 * MIN
    }
    const before = await backend.snapshot()
    expect(failed(await scan(MEMBER2, other.id)).code).toBe('VOLUNTEER.PAIRS_LIMIT')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('sends a day over 8 hours to the organiser for approval instead of counting it', async () => {
    const long = await activityWith([DEMO.member1], { plannedMinutes: 600, startAt: MORNING + 10 * MIN })
    clock = MORNING + 10 * MIN
    ok(await scan(DEMO.member1, long.id))
    clock += 9 * HOUR
    const out = ok(await scan(DEMO.member1, long.id))
    expect(out.entry).toMatchObject({ minutes: 540, status: 'approval' })
    const all = ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/confirmAll', { activityId: long.id }),
    )
    expect(all).toEqual({ confirmed: 0, waitingApproval: 1 })
    expect(
      ok(await backend.call(DEMO.member1, 'volunteer', 'hours/mine', { year: 2026 })).confirmedMinutes,
    ).toBe(0)
    ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
        entryId: out.entry.id,
        approve: true,
      }),
    )
    expect(
      ok(await backend.call(DEMO.member1, 'volunteer', 'hours/mine', { year: 2026 })).confirmedMinutes,
    ).toBe(540)
  })

  it('refuses an expired, a forged and a study code, and a member without a place, changing nothing', async () => {
    const activity = await activityWith([DEMO.member1])
    clock = MORNING + 50 * MIN
    const stale = await token(activity.id)
    const session = ok(
      await backend.call(DEMO.secretary1, 'study', 'session/create', {
        type: 'party_lecture',
        format: 'theory',
        title: '学习',
        lecturerId: null,
        orgId: 'org-c1',
        startAt: clock + MIN,
        endAt: clock + HOUR,
        place: '党群服务中心',
        allowVisitors: false,
        rotateSeconds: 20,
        lateAfterMinutes: 5,
      }),
    )
    const studyToken = ok(
      await backend.call(DEMO.secretary1, 'study', 'session/qr', { sessionId: session.id, linkBase: null }),
    ).token
    const before = await backend.snapshot()
    const [id, period] = studyToken.split('.')
    expect(
      failed(await backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: studyToken })).code,
    ).toBe('VOLUNTEER.QR_INVALID')
    // The study session's own token moved onto the activity's id: the scope makes it a forgery.
    const moved = `${activity.id}.${period}.${studyToken.split('.')[2]}`
    expect(id).not.toBe(activity.id)
    expect(failed(await backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: moved })).code).toBe(
      'VOLUNTEER.QR_INVALID',
    )
    expect(failed(await scan(MEMBER2, activity.id)).code).toBe('VOLUNTEER.NOT_JOINED')
    clock += 2 * 60 * 1000
    expect(failed(await backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: stale })).code).toBe(
      'VOLUNTEER.QR_EXPIRED',
    )
    expect(
      failed(await backend.call(DEMO.member1, 'study', 'checkin/scan', { token: await token(activity.id) }))
        .code,
    ).toBe('STUDY.QR_INVALID')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('takes the organiser’s 代为签到 and 代为签退 sent again (a lost answer) as done, never as the other', async () => {
    const activity = await activityWith([DEMO.member1, MEMBER2], { plannedMinutes: 120 })
    const member2 = await memberIdOf(MEMBER2)
    const enter = (memberId: string, direction: 'in' | 'out') =>
      backend.call(DEMO.secretary1, 'volunteer', 'hours/enter', {
        activityId: activity.id,
        memberId,
        direction,
      })
    clock = MORNING + 50 * MIN
    expect(failed(await enter(member2, 'out'))).toMatchObject({
      code: 'VOLUNTEER.NOT_SIGNED_IN',
      message: '这位志愿者还没有签到，不能签退',
    })
    expect(ok(await enter(member2, 'in')).outcome).toBe('signed_in')
    clock += 5 * MIN
    // 代为签到 again: still signed in, not signed out after five minutes.
    expect(ok(await enter(member2, 'in'))).toMatchObject({ outcome: 'already_in', entry: { status: 'open' } })
    clock += 40 * MIN
    const out = ok(await enter(member2, 'out'))
    expect(out).toMatchObject({ outcome: 'signed_out', entry: { minutes: 45 } })
    clock += 2 * MIN
    // 代为签退 again: the same pair, closed; no second pair begun.
    const before = await backend.snapshot()
    expect(ok(await enter(member2, 'out'))).toEqual({ ...out, outcome: 'already_out' })
    // An entry that does not say which it is would guess; it is refused.
    const unsaid = await backend.raw(DEMO.secretary1, 'volunteer', {
      action: 'hours/enter',
      data: { activityId: activity.id, memberId: member2 },
    })
    expect(failed(unsaid)).toMatchObject({ code: 'COMMON.INVALID_INPUT' })
    expect(failed(unsaid).message).toBe('填写的内容有误：缺少必填项：签到或签退')
    expect(await backend.snapshot()).toEqual(before)
    const entries = (await backend.docs('volunteer_entries')).filter(
      (e) => e.memberId === member2 && e.activityId === activity.id,
    )
    expect(entries.map((e) => [e.signOutAt !== null, e.minutes])).toEqual([[true, 45]])
  })

  it('takes the organiser’s entry and a 补录 shown with who and why, capped and counted apart', async () => {
    const activity = await activityWith([DEMO.member1, MEMBER2], { plannedMinutes: 120 })
    const member2 = await memberIdOf(MEMBER2)
    const member1 = await memberIdOf(DEMO.member1)
    const enter = (who: string, memberId: string, direction: 'in' | 'out') =>
      backend.call(who, 'volunteer', 'hours/enter', { activityId: activity.id, memberId, direction })
    const makeup = (who: string, memberId: string, minutes: number) =>
      backend.call(who, 'volunteer', 'hours/makeup', {
        activityId: activity.id,
        memberId,
        minutes,
        reason: '手机没电',
      })
    expect(failed(await makeup(DEMO.secretary1, member1, 30)).code).toBe('VOLUNTEER.MAKEUP_TOO_EARLY')
    clock = MORNING + 50 * MIN
    expect(ok(await enter(DEMO.secretary1, member2, 'in'))).toMatchObject({
      outcome: 'signed_in',
      entry: { method: 'organiser', recordedByName: expect.any(String) },
    })
    clock += 30 * MIN
    expect(ok(await enter(DEMO.secretary1, member2, 'out')).entry.minutes).toBe(30)
    const before = await backend.snapshot()
    expect(failed(await enter(C2_SECRETARY, member2, 'in')).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await enter(DEMO.member1, member2, 'in')).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await makeup(DEMO.secretary1, member2, 91))).toMatchObject({
      code: 'VOLUNTEER.MAKEUP_TOO_LONG',
      message: '补录时长超过计划时长，最多还能补录90分钟',
    })
    expect(failed(await makeup(DEMO.member1, member1, 30)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await makeup(DEMO.secretary1, await memberIdOf(MEMBER3), 30)).code).toBe(
      'VOLUNTEER.NOT_JOINED',
    )
    expect(await backend.snapshot()).toEqual(before)
    const made = ok(await makeup(DEMO.secretary1, member1, 90))
    expect(made).toMatchObject({ method: 'makeup', reason: '手机没电', status: 'pending', minutes: 90 })
    expect(failed(await makeup(DEMO.secretary1, member1, 10)).code).toBe('VOLUNTEER.MAKEUP_EXISTS')
    expect(
      ok(await backend.call(DEMO.secretary1, 'volunteer', 'hours/confirmAll', { activityId: activity.id })),
    ).toEqual({
      confirmed: 2,
      waitingApproval: 0,
    })
    const mine = ok(await backend.call(DEMO.member1, 'volunteer', 'hours/mine', { year: 2026 }))
    expect(mine).toMatchObject({ confirmedMinutes: 90, makeupMinutes: 90 })
    const roster = ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/list', { activityId: activity.id }),
    )
    expect(roster.signups).toHaveLength(2)
    expect(roster.entries.map((e) => e.status)).toEqual(['confirmed', 'confirmed'])
    expect(
      failed(await backend.call(DEMO.member1, 'volunteer', 'hours/list', { activityId: activity.id })).code,
    ).toBe('COMMON.FORBIDDEN')
  })

  it('lets the organiser sign out a member who forgot, after scans have closed, so the activity can close', async () => {
    const activity = await activityWith([DEMO.member1], { plannedMinutes: 60 })
    const member1 = await memberIdOf(DEMO.member1)
    clock = MORNING + 50 * MIN
    ok(await scan(DEMO.member1, activity.id))
    const code = await token(activity.id)
    clock = MORNING + 6 * HOUR // the end was 09:50; scans closed at 11:50
    expect(failed(await backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code })).code).toBe(
      'VOLUNTEER.QR_EXPIRED',
    )
    const qr = await backend.call(DEMO.secretary1, 'volunteer', 'activity/qr', {
      activityId: activity.id,
      linkBase: null,
    })
    expect(failed(qr).code).toBe('VOLUNTEER.CODE_ENDED')
    const enter = (direction: 'in' | 'out') =>
      backend.call(DEMO.secretary1, 'volunteer', 'hours/enter', {
        activityId: activity.id,
        memberId: member1,
        direction,
      })
    const out = ok(await enter('out'))
    expect(out).toMatchObject({ outcome: 'signed_out', entry: { minutes: 60, status: 'pending' } })
    expect(failed(await enter('in')).code).toBe('VOLUNTEER.SIGN_IN_CLOSED')
    ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
        entryId: out.entry.id,
        approve: false,
      }),
    )
    ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'activity/close', {
        activityId: activity.id,
        beneficiaries: 0,
      }),
    )
  })

  it('never produces volunteer hours from study sessions', async () => {
    const session = ok(
      await backend.call(DEMO.secretary1, 'study', 'session/create', {
        type: 'theme_day',
        format: 'activity',
        title: '主题党日：志愿服务',
        lecturerId: null,
        orgId: 'org-c1',
        startAt: clock + 5 * MIN,
        endAt: clock + 2 * HOUR,
        place: '党群服务中心',
        allowVisitors: false,
        rotateSeconds: 20,
        lateAfterMinutes: 5,
      }),
    )
    clock += 10 * MIN
    const qr = ok(
      await backend.call(DEMO.secretary1, 'study', 'session/qr', { sessionId: session.id, linkBase: null }),
    )
    ok(await backend.call(DEMO.member1, 'study', 'checkin/scan', { token: qr.token }))
    const mine = ok(await backend.call(DEMO.member1, 'volunteer', 'hours/mine', { year: 2026 }))
    expect(mine).toMatchObject({ confirmedMinutes: 0, pendingMinutes: 0, entries: [] })
    expect(await entriesOf(session.id)).toEqual([])
  })
})

describe('the close', () => {
  it('closes once no hours wait, with 受益人次, after which nothing changes', async () => {
    const activity = await activityWith([DEMO.member1])
    const close = (who: string, beneficiaries = 40) =>
      backend.call(who, 'volunteer', 'activity/close', { activityId: activity.id, beneficiaries })
    expect(failed(await close(DEMO.secretary1)).code).toBe('VOLUNTEER.CLOSE_TOO_EARLY')
    clock = MORNING + 50 * MIN
    ok(await scan(DEMO.member1, activity.id))
    expect(failed(await close(DEMO.secretary1))).toMatchObject({ code: 'VOLUNTEER.HOURS_WAITING' })
    clock += HOUR
    const out = ok(await scan(DEMO.member1, activity.id))
    expect(failed(await close(DEMO.secretary1)).message).toContain('1条')
    expect(failed(await close(C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await close(DEMO.inspector)).code).toBe('COMMON.FORBIDDEN')
    ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
        entryId: out.entry.id,
        approve: true,
      }),
    )
    const code = await token(activity.id)
    const closed: ActivitySummary = ok(await close(DEMO.secretary1))
    expect(closed).toMatchObject({ status: 'closed', beneficiaries: 40 })
    expect(failed(await close(DEMO.secretary1)).code).toBe('VOLUNTEER.CLOSED')
    const scanned = await backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code })
    expect(failed(scanned).code).toBe('VOLUNTEER.CLOSED')
    expect(failed(await join(MEMBER2, activity.id)).code).toBe('VOLUNTEER.CLOSED')
  })
})

describe('the certificate', () => {
  it('issues the year’s confirmed services with a serial and a code anyone can check', async () => {
    expect(failed(await backend.call(DEMO.member1, 'volunteer', 'cert/issue', { year: 2026 })).code).toBe(
      'VOLUNTEER.NO_HOURS',
    )
    const activity = await activityWith([DEMO.member1])
    clock = MORNING + 50 * MIN
    ok(await scan(DEMO.member1, activity.id))
    clock = MORNING + 200 * MIN
    ok(await scan(DEMO.member1, activity.id))
    ok(await backend.call(DEMO.secretary1, 'volunteer', 'hours/confirmAll', { activityId: activity.id }))
    const cert = ok(await backend.call(DEMO.member1, 'volunteer', 'cert/issue', { year: 2026 }))
    expect(cert).toMatchObject({
      year: 2026,
      totalMinutes: 150,
      issuer: '幸福街道党工委',
      rows: [
        {
          date: '2026-11-25',
          time: '08:50–11:20',
          place: '和平路与幸福街路口',
          content: '文明助交通：文明交通劝导',
          orgName: '和平社区党委',
          minutes: 150,
        },
      ],
    })
    expect(cert.serial).toMatch(/^ZYFW-2026-[2-9A-HJKMNP-Z]{8}$/)
    expect(cert.notice).toContain('不是全国志愿服务信息系统')
    // Anyone, bound or not, checks it; a wrong code finds nothing, as an unknown serial does.
    const verify = (who: string, serial: string, verifyCode: string) =>
      backend.call(who, 'volunteer', 'cert/verify', { serial, verifyCode })
    expect(ok(await verify(DEMO.resident2, cert.serial.toLowerCase(), ` ${cert.verifyCode} `))).toEqual(cert)
    const wrong = cert.verifyCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA'
    expect(failed(await verify(DEMO.resident2, cert.serial, wrong)).code).toBe('VOLUNTEER.CERT_NOT_FOUND')
    expect(failed(await verify(DEMO.resident2, 'ZYFW-2026-AAAAAAAA', cert.verifyCode)).code).toBe(
      'VOLUNTEER.CERT_NOT_FOUND',
    )
    expect(failed(await verify(DEMO.resident2, 'ZY-1', cert.verifyCode)).code).toBe('COMMON.INVALID_INPUT')
    // Later hours do not change an issued certificate.
    const stored = await backend.docs('volunteer_certificates')
    expect(stored).toHaveLength(1)
    expect(Object.keys(stored[0])).not.toContain('phone')
  })
})

describe('who may do what', () => {
  it('refuses the organiser’s actions to other secretaries, members, the 纪工委 and residents, and unknown ids, changing nothing', async () => {
    const activity = await activityWith([DEMO.member1])
    clock = MORNING + 50 * MIN
    ok(await scan(DEMO.member1, activity.id))
    clock += HOUR
    const out = ok(await scan(DEMO.member1, activity.id))
    const member1 = await memberIdOf(DEMO.member1)
    const activityId = activity.id
    const calls = {
      qr: (who: string, id = activityId) =>
        backend.call(who, 'volunteer', 'activity/qr', { activityId: id, linkBase: null }),
      list: (who: string, id = activityId) =>
        backend.call(who, 'volunteer', 'hours/list', { activityId: id }),
      confirmAll: (who: string, id = activityId) =>
        backend.call(who, 'volunteer', 'hours/confirmAll', { activityId: id }),
      enter: (who: string, id = activityId) =>
        backend.call(who, 'volunteer', 'hours/enter', { activityId: id, memberId: member1, direction: 'in' }),
      makeup: (who: string, id = activityId) =>
        backend.call(who, 'volunteer', 'hours/makeup', {
          activityId: id,
          memberId: member1,
          minutes: 5,
          reason: '补',
        }),
      close: (who: string, id = activityId) =>
        backend.call(who, 'volunteer', 'activity/close', { activityId: id, beneficiaries: 1 }),
    }
    const before = await backend.snapshot()
    for (const [name, call] of Object.entries(calls)) {
      for (const who of [C2_SECRETARY, DEMO.member1, DEMO.inspector, DEMO.branchSecretary1])
        expect({ name, who, code: failed(await call(who)).code }).toEqual({
          name,
          who,
          code: 'COMMON.FORBIDDEN',
        })
      expect({ name, code: failed(await call(DEMO.resident1)).code }).toEqual({
        name,
        code: 'COMMON.NOT_BOUND',
      })
      expect({ name, code: failed(await call(DEMO.secretary1, 'no-such-activity')).code }).toEqual({
        name,
        code: 'VOLUNTEER.ACTIVITY_NOT_FOUND',
      })
    }
    const decide = (who: string, entryId = out.entry.id) =>
      backend.call(who, 'volunteer', 'hours/decide', { entryId, approve: true })
    expect(failed(await decide(C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await decide(DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await decide(DEMO.secretary1, `${activityId}_nobody_20261125_1`)).code).toBe(
      'VOLUNTEER.ENTRY_NOT_FOUND',
    )
    for (const action of ['signup/join', 'signup/withdraw', 'activity/get'] as const)
      expect(failed(await backend.call(DEMO.resident1, 'volunteer', action, { activityId })).code).toBe(
        'COMMON.NOT_BOUND',
      )
    expect(failed(await backend.call(DEMO.resident1, 'volunteer', 'hours/mine', {})).code).toBe(
      'COMMON.NOT_BOUND',
    )
    expect(failed(await backend.call(DEMO.resident1, 'volunteer', 'cert/issue', { year: 2026 })).code).toBe(
      'COMMON.NOT_BOUND',
    )
    expect(await backend.snapshot()).toEqual(before)
    // The street admin reaches every community's activities.
    expect(ok(await calls.confirmAll(DEMO.admin))).toEqual({ confirmed: 1, waitingApproval: 0 })
  })
})

describe('overlapping calls', () => {
  it('takes twenty simultaneous scans by one member as one sign-in (pair id)', async () => {
    const activity = await activityWith([DEMO.member1])
    clock = MORNING + 50 * MIN
    const code = await token(activity.id)
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code }),
      ),
    )
    expect(results.map((r) => ok(r).outcome).sort()).toEqual([
      ...new Array(19).fill('already_in'),
      'signed_in',
    ])
    expect(await entriesOf(activity.id)).toHaveLength(1)
  })

  it('confirms an entry once when two organisers decide it at once (entry decided once)', async () => {
    const activity = await activityWith([DEMO.member1])
    clock = MORNING + 50 * MIN
    ok(await scan(DEMO.member1, activity.id))
    clock += HOUR
    const out = ok(await scan(DEMO.member1, activity.id))
    const decide = (who: string) =>
      backend.call(who, 'volunteer', 'hours/decide', { entryId: out.entry.id, approve: true })
    for (let at = 1; at <= 6; at++) {
      const results = await startDuring(
        () => decide(DEMO.secretary1),
        { openid: DEMO.secretary1, label: 'volunteer hours/decide' },
        at,
        () => decide(DEMO.admin),
      )
      if (at === 1) expect(results.filter((r) => r.ok)).toHaveLength(1)
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toContain(
        'VOLUNTEER.ENTRY_DECIDED',
      )
    }
    expect(await rollupOf('org-c1')).toEqual({ 'volunteer.minutes': 60, 'volunteer.participants': 1 })
  })

  it('sends the second of two overlapping sign-outs past 8 hours in a day to approval (day tally)', async () => {
    for (let at = 1; at <= 10; at++) {
      // A day of its own per round: 08:00 on 1, 2, … December.
      const morning = Date.UTC(2026, 11, at, 0, 0, 0)
      clock = morning - HOUR
      const early = await activityWith([DEMO.member1], {
        startAt: morning,
        plannedMinutes: 30,
        title: `早班${at}`,
      })
      const a = await activityWith([DEMO.member1], {
        startAt: morning + 50 * MIN,
        plannedMinutes: 300,
        title: `上午${at}`,
      })
      const b = await activityWith([DEMO.member1], {
        startAt: morning + 50 * MIN,
        plannedMinutes: 300,
        title: `全天${at}`,
      })
      // 30 minutes first, so the day's tally exists when the two sign-outs read it.
      clock = morning
      ok(await scan(DEMO.member1, early.id))
      clock = morning + 30 * MIN
      expect(ok(await scan(DEMO.member1, early.id)).entry.status).toBe('pending')
      clock = morning + 50 * MIN
      ok(await scan(DEMO.member1, a.id))
      ok(await scan(DEMO.member1, b.id))
      // Out of both after 5 hours: 30 + 300 + 300 minutes, so one of the two must wait for approval.
      clock = morning + 50 * MIN + 5 * HOUR
      const [codeA, codeB] = [await token(a.id), await token(b.id)]
      const out = (code: string) => backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code })
      const [first, second] = await startDuring(
        () => out(codeA),
        { openid: DEMO.member1, label: 'volunteer hours/scan' },
        at,
        () => out(codeB),
      )
      expect({ at, statuses: [ok(first).entry.status, ok(second).entry.status].sort() }).toEqual({
        at,
        statuses: ['approval', 'pending'],
      })
      expect(ok(first).entry.minutes).toBe(300)
    }
    const tallies = (await backend.docs('volunteer_member_days')).filter((d: Stored) =>
      d._id.endsWith('20261201'),
    )
    expect(tallies.map((d: Stored) => d.minutes)).toEqual([630])
  })

  it('takes a refused entry’s hours out of the day, so later hours that day count again', async () => {
    const long = await activityWith([DEMO.member1], { plannedMinutes: 600, startAt: MORNING + 10 * MIN })
    clock = MORNING + 10 * MIN
    ok(await scan(DEMO.member1, long.id))
    clock += 7 * HOUR
    const seven = ok(await scan(DEMO.member1, long.id))
    expect(seven.entry).toMatchObject({ minutes: 420, status: 'pending' })
    ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
        entryId: seven.entry.id,
        approve: false,
      }),
    )
    // Two more hours the same day: 2 h alone, not 9 h, now the 7 hours were refused.
    clock += 5 * MIN
    ok(await scan(DEMO.member1, long.id))
    clock += 2 * HOUR
    expect(ok(await scan(DEMO.member1, long.id)).entry).toMatchObject({ minutes: 120, status: 'pending' })
  })

  it('never leaves a cancelled activity holding a sign-in when the cancellation and the first sign-in overlap (activity marked)', async () => {
    for (let at = 1; at <= 8; at++) {
      clock = MORNING
      const activity = await activityWith([DEMO.member1], { title: `取消与签到第${at}轮` })
      // 20 minutes before the start: sign-in is open, and so is cancelling.
      clock = MORNING + 30 * MIN
      const code = await token(activity.id)
      const [scanned, cancelled] = await startDuring(
        () => backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code }),
        { openid: DEMO.member1, label: 'volunteer hours/scan' },
        at,
        () => cancel(activity.id),
      )
      expect({ at, won: [scanned.ok, cancelled.ok].filter(Boolean).length }).toEqual({ at, won: 1 })
      const stored = await storedActivity(activity.id)
      const held = await entriesOf(activity.id)
      expect({ at, status: stored.status, entries: held.length }).toEqual(
        cancelled.ok ? { at, status: 'cancelled', entries: 0 } : { at, status: 'open', entries: 1 },
      )
      if (!scanned.ok) expect(scanned.code).toBe('VOLUNTEER.CANCELLED')
      if (!cancelled.ok) expect(cancelled.code).toBe('VOLUNTEER.HAS_ENTRIES')
    }
  })

  it('never sets a capacity below the members holding a place when sign-ups overlap the change (capacity as read)', async () => {
    for (let at = 1; at <= 8; at++) {
      for (const order of ['join first', 'change first'] as const) {
        clock = MORNING
        const activity = await activityWith([DEMO.member1, MEMBER2], { capacity: 5, title: `${order}${at}` })
        const joining = () => join(MEMBER3, activity.id)
        const lowering = () => update(activity, { capacity: 2 })
        const [a, b] =
          order === 'join first'
            ? await startDuring(joining, { openid: MEMBER3, label: 'volunteer signup/join' }, at, lowering)
            : await startDuring(
                lowering,
                { openid: DEMO.secretary1, label: 'volunteer activity/update' },
                at,
                joining,
              )
        const stored = await storedActivity(activity.id)
        const active = (await backend.docs('volunteer_signups')).filter(
          (x: Stored) => x.activityId === activity.id && x.status === 'active',
        )
        expect({ at, order, won: [a.ok, b.ok].filter(Boolean).length }).toEqual({ at, order, won: 1 })
        expect({ at, order, within: stored.signedUp <= stored.capacity, held: active.length }).toEqual({
          at,
          order,
          within: true,
          held: stored.signedUp,
        })
      }
    }
  })

  it('tells every member holding a place on a cancelled activity, whatever sign-up overlaps the cancellation (re-read after the insert)', async () => {
    const openidOf = new Map([
      [await memberIdOf(DEMO.member1), DEMO.member1],
      [await memberIdOf(MEMBER2), MEMBER2],
    ])
    for (let at = 1; at <= 8; at++) {
      for (const order of ['join first', 'cancel first'] as const) {
        clock = MORNING
        const activity = await activityWith([DEMO.member1], {
          title: `${order === 'join first' ? '甲' : '乙'}${at}`,
        })
        const joining = () => join(MEMBER2, activity.id)
        const cancelling = () => cancel(activity.id)
        const [a, b] =
          order === 'join first'
            ? await startDuring(joining, { openid: MEMBER2, label: 'volunteer signup/join' }, at, cancelling)
            : await startDuring(
                cancelling,
                { openid: DEMO.secretary1, label: 'volunteer activity/cancel' },
                at,
                joining,
              )
        const joined = order === 'join first' ? a : b
        const active = (await backend.docs('volunteer_signups')).filter(
          (x: Stored) => x.activityId === activity.id && x.status === 'active',
        )
        for (const signup of active) {
          const openid = openidOf.get(signup.memberId) ?? ''
          const told = (await noticesTo(openid, activity.title)).length
          expect({ at, order, openid, told }).toEqual({ at, order, openid, told: 1 })
        }
        if (!joined.ok) expect(joined.code).toBe('VOLUNTEER.CANCELLED')
      }
    }
  })

  it('never leaves a sign-in or a 补录 waiting on a closed activity, whatever close overlaps it (re-read after the insert)', async () => {
    const member2 = await memberIdOf(MEMBER2)
    const kinds = ['sign-in', '补录'] as const
    for (let at = 1; at <= 8; at++) {
      for (const kind of kinds) {
        for (const order of ['entry first', 'close first'] as const) {
          clock = MORNING
          const activity = await activityWith([MEMBER2], { title: `${kind}${order}${at}` })
          // 40 minutes in: nobody has signed in yet, so the close has nothing to wait for.
          clock = MORNING + 90 * MIN
          const code = await token(activity.id)
          const entry: () => Promise<Result<unknown>> =
            kind === 'sign-in'
              ? () => backend.call(MEMBER2, 'volunteer', 'hours/scan', { token: code })
              : () =>
                  backend.call(DEMO.secretary1, 'volunteer', 'hours/makeup', {
                    activityId: activity.id,
                    memberId: member2,
                    minutes: 30,
                    reason: '现场登记遗漏',
                  })
          const closing = () =>
            backend.call(DEMO.admin, 'volunteer', 'activity/close', {
              activityId: activity.id,
              beneficiaries: 5,
            })
          const who =
            kind === 'sign-in'
              ? { openid: MEMBER2, label: 'volunteer hours/scan' }
              : { openid: DEMO.secretary1, label: 'volunteer hours/makeup' }
          const [first, second] =
            order === 'entry first'
              ? await startDuring(entry, who, at, closing)
              : await startDuring(
                  closing,
                  { openid: DEMO.admin, label: 'volunteer activity/close' },
                  at,
                  entry,
                )
          const [entered, closed] = order === 'entry first' ? [first, second] : [second, first]
          const stored = await storedActivity(activity.id)
          const waiting = (await entriesOf(activity.id)).filter((e: Stored) =>
            ['open', 'pending', 'approval'].includes(e.status),
          )
          const round = { at, kind, order }
          if (stored.status === 'closed')
            expect({ ...round, waiting: waiting.length }).toEqual({ ...round, waiting: 0 })
          expect({ ...round, closed: closed.ok, status: stored.status }).toEqual({
            ...round,
            closed: stored.status === 'closed',
            status: closed.ok ? 'closed' : 'open',
          })
          if (!entered.ok)
            expect({ ...round, code: entered.code }).toEqual({ ...round, code: 'VOLUNTEER.CLOSED' })
          else
            expect({ ...round, waiting: waiting.map((e: Stored) => e._id) }).toEqual({
              ...round,
              waiting: [expect.any(String)],
            })
        }
      }
    }
  })

  it('never lets a 补录 and the member’s own sign-out together pass the planned duration (sign-up hold)', async () => {
    const member1 = await memberIdOf(DEMO.member1)
    for (let at = 1; at <= 8; at++) {
      for (const order of ['sign-out first', '补录 first'] as const) {
        clock = MORNING
        const activity = await activityWith([DEMO.member1], { plannedMinutes: 60, title: `${order}${at}` })
        clock = MORNING + 50 * MIN
        ok(await scan(DEMO.member1, activity.id))
        // 50 minutes worked and a 40-minute 补录: together 90, over the planned hour.
        clock += 50 * MIN
        const code = await token(activity.id)
        const signingOut = () => backend.call(DEMO.member1, 'volunteer', 'hours/scan', { token: code })
        const makingUp = () =>
          backend.call(DEMO.secretary1, 'volunteer', 'hours/makeup', {
            activityId: activity.id,
            memberId: member1,
            minutes: 40,
            reason: '提前到场布置',
          })
        const [a, b] =
          order === 'sign-out first'
            ? await startDuring(
                signingOut,
                { openid: DEMO.member1, label: 'volunteer hours/scan' },
                at,
                makingUp,
              )
            : await startDuring(
                makingUp,
                { openid: DEMO.secretary1, label: 'volunteer hours/makeup' },
                at,
                signingOut,
              )
        const out = order === 'sign-out first' ? a : b
        expect({ at, order, signedOut: out.ok }).toEqual({ at, order, signedOut: true })
        const held = (await entriesOf(activity.id)).reduce(
          (sum: number, e: Stored) => sum + (e.minutes ?? 0),
          0,
        )
        expect({ at, order, within: held <= 60, held: held >= 50 }).toEqual({
          at,
          order,
          within: true,
          held: true,
        })
      }
    }
  })

  it('keeps rollups equal to a direct count of the records after a scenario of overlapping calls', async () => {
    await addMembers(8)
    const people = [DEMO.member1, MEMBER2, MEMBER3, ...Array.from({ length: 8 }, (_, i) => loadOpenid(i))]
    const first = ok(await create({ capacity: 20 }))
    const second = ok(
      await create({ capacity: 6, title: '楼道清理', serviceType: 'environment', startAt: MORNING + HOUR }),
    )
    await Promise.all(people.flatMap((who) => [join(who, first.id), join(who, second.id)]))
    clock = MORNING + 55 * MIN
    const scanAll = async (activityId: string) => {
      const t = await token(activityId)
      return Promise.all(people.map((who) => backend.call(who, 'volunteer', 'hours/scan', { token: t })))
    }
    await Promise.all([scanAll(first.id), scanAll(second.id)])
    clock += 95 * MIN
    await Promise.all([scanAll(first.id), scanAll(second.id)])
    const ids = await Promise.all(people.slice(0, 4).map(memberIdOf))
    await Promise.all(
      ids.map((memberId, i) =>
        backend.call(DEMO.secretary1, 'volunteer', 'hours/makeup', {
          activityId: i % 2 ? first.id : second.id,
          memberId,
          minutes: 20,
          reason: '现场登记遗漏',
        }),
      ),
    )
    const pending = (await backend.docs('volunteer_entries')).filter(
      (e: Stored) => e.status === 'pending' && [first.id, second.id].includes(e.activityId),
    )
    await Promise.all([
      backend.call(DEMO.secretary1, 'volunteer', 'hours/confirmAll', { activityId: first.id }),
      backend.call(DEMO.admin, 'volunteer', 'hours/confirmAll', { activityId: first.id }),
      backend.call(DEMO.admin, 'volunteer', 'hours/confirmAll', { activityId: second.id }),
      ...pending.slice(0, 5).map((e: Stored) =>
        backend.call(DEMO.secretary1, 'volunteer', 'hours/decide', {
          entryId: e._id,
          approve: e._id.length % 2 === 0,
        }),
      ),
    ])
    const closes = await Promise.all([
      backend.call(DEMO.secretary1, 'volunteer', 'activity/close', {
        activityId: first.id,
        beneficiaries: 120,
      }),
      backend.call(DEMO.admin, 'volunteer', 'activity/close', { activityId: first.id, beneficiaries: 130 }),
      backend.call(DEMO.secretary1, 'volunteer', 'activity/close', {
        activityId: second.id,
        beneficiaries: 35,
      }),
    ])

    expect(closes.filter((r) => r.ok)).toHaveLength(2)
    // November's records (the demo street's own are of other months or count nothing yet).
    const [from, to] = monthRange('2026-11')
    const inNovember = (at: number) => at >= from && at < to
    const activities = (await backend.docs('volunteer_activities')).filter((a: Stored) =>
      inNovember(a.startAt),
    )
    const entries = (await backend.docs('volunteer_entries')).filter(
      (e: Stored) => e.status === 'confirmed' && inNovember(e.activityStartAt),
    )
    const sum = (list: Stored[]) => list.reduce((s, e) => s + e.minutes, 0)
    const closed = activities.filter((a: Stored) => a.status === 'closed')
    const direct = {
      'volunteer.activities': closed.length,
      'volunteer.beneficiaries': closed.reduce((s: number, a: Stored) => s + a.beneficiaries, 0),
      'volunteer.participants': new Set(entries.map((e: Stored) => `${e.activityId}/${e.memberId}`)).size,
      'volunteer.minutes': sum(entries.filter((e: Stored) => e.method !== 'makeup')),
      'volunteer.makeupMinutes': sum(entries.filter((e: Stored) => e.method === 'makeup')),
      'volunteer.makeupEntries': entries.filter((e: Stored) => e.method === 'makeup').length,
    }
    expect(direct['volunteer.activities']).toBe(2)
    expect(direct['volunteer.minutes']).toBeGreaterThan(0)
    expect(direct['volunteer.makeupEntries']).toBeGreaterThan(0)
    expect(await rollupOf('org-c1')).toEqual(direct)
  })
})

async function storedActivity(id: string): Promise<Stored> {
  const found = (await backend.docs('volunteer_activities')).find((a: Stored) => a._id === id)
  if (!found) throw new Error(`no activity ${id}`)
  return found
}

const entriesOf = async (activityId: string) =>
  (await backend.docs('volunteer_entries')).filter((e: Stored) => e.activityId === activityId)

/** The November 2026 volunteer counters of a node, as the statistics read them (other areas share the document). */
async function rollupOf(orgId: string): Promise<Record<string, number>> {
  const { flattenCounts } = await import('../../cloudfunctions/domain/rollup.rules')
  const doc = (await backend.docs('rollups')).find((r: Stored) => r._id === `${orgId}_2026-11`)
  const counts = flattenCounts(doc?.c)
  return Object.fromEntries(
    Object.entries(counts).filter(([key, n]) => n !== 0 && key.startsWith('volunteer.')),
  )
}
