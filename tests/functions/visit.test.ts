import type { InputOf, Result } from '../../cloudfunctions/contract'
import { flattenCounts, sumContributions } from '../../cloudfunctions/domain/rollup.rules'
import { type VisitCounted, visitRollup } from '../../cloudfunctions/domain/visit.rollup'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import { startDuring } from '../support/races'

/**
 * 上门服务 through the bundled `visit` function on the real SDK: the whole path from a resident's request to the
 * rating, every action for the roles allowed and refused (refusals change nothing), privacy of the phone and the
 * address, the double-dispatch race, the scheduled run (twice at once) and the rollups against direct counts.
 * The clock is the functions' `Date.now`, moved by the tests.
 */

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
/** 和平社区 (org-c1) members bound in the demo street, besides DEMO.member1; demo-member-4 is in 新华社区 (org-c2). */
const MEMBER2 = 'demo-member-2'
const C2_MEMBER = 'demo-member-4'
const PHONE = '13812345678'
const ADDRESS = '幸福街道和平里小区3号楼2单元501室'
const ROUNDS = 10
/** The demo street's requests (server/seed.ts): one done, one accepted by DEMO.member1, one waiting. */
const SEEDED = 3
const SEEDED_WAITING = 1

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2026, 11, 2, 2, 0) // 10:00 in China
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

const codeOf = (result: { ok: boolean; code?: string }) => (result.ok ? 'ok' : result.code)

function submit(who: string = DEMO.resident1, patch: Partial<InputOf<'visit', 'visit/submit'>> = {}) {
  return backend.call(who, 'visit', 'visit/submit', {
    serviceType: 'repair',
    orgId: 'org-c1',
    address: ADDRESS,
    phone: PHONE,
    preferredDate: null,
    preferredSlot: null,
    description: '厨房水龙头漏水，家里只有老人',
    photo: null,
    ...patch,
  })
}

async function memberIdOf(openid: string): Promise<string> {
  const me = ok(await backend.call(openid, 'account', 'account/me', {}))
  if (!me.member) throw new Error(`${openid} is not bound`)
  return me.member.id
}

async function visitDoc(id: string): Promise<Stored> {
  const found = (await backend.docs('visits')).find((v) => v._id === id)
  if (!found) throw new Error(`no visit ${id}`)
  return found
}

/** A request taken to a state: submitted, dispatched to `assignee`, accepted, completed. */
async function requestAt(
  state: 'submitted' | 'dispatched' | 'accepted' | 'completed',
  assignee = DEMO.member1,
): Promise<string> {
  const visit = ok(await submit())
  if (state === 'submitted') return visit.id
  const assigneeId = await memberIdOf(assignee)
  ok(await backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', { visitId: visit.id, assigneeId }))
  if (state === 'dispatched') return visit.id
  ok(await backend.call(assignee, 'visit', 'visit/accept', { visitId: visit.id }))
  if (state === 'accepted') return visit.id
  ok(
    await backend.call(assignee, 'visit', 'visit/complete', {
      visitId: visit.id,
      durationMinutes: 40,
      notes: '更换了水龙头阀芯',
      photos: [],
    }),
  )
  return visit.id
}

async function grant(who: string, times = 1) {
  for (let i = 0; i < times; i++)
    ok(await backend.call(who, 'visit', 'visit/subscribe', { kinds: ['visitProgress', 'visitTask'] }))
}

const outboxTo = async (openid: string) => (await backend.docs('outbox')).filter((m) => m.touser === openid)

/** Expects a call to be refused with `code` and to leave every collection as it was. */
async function refusedUnchanged(call: () => Promise<Result<unknown>>, code: string) {
  const before = await backend.snapshot()
  const result = await call()
  expect(codeOf(result)).toBe(code)
  expect(failed(result).message).toMatch(/[\u4e00-\u9fa5]/)
  expect(await backend.snapshot()).toEqual(before)
}

describe('a request from the resident to the rating', () => {
  it('goes submitted → dispatched → accepted → completed → confirmed, each step telling the next person', async () => {
    await grant(DEMO.resident1, 3)
    await grant(DEMO.secretary1)
    await grant(DEMO.member1)
    const communities = ok(await backend.call(DEMO.resident1, 'visit', 'visit/communities', {}))
    expect(communities.communities.map((c) => c.id)).toContain('org-c1')
    expect(communities.mine).toBeNull()
    expect(ok(await backend.call(DEMO.member1, 'visit', 'visit/communities', {})).mine).toBe('org-c1')

    const submitted = ok(
      await submit(DEMO.resident1, { preferredDate: '2026-12-03', preferredSlot: 'afternoon' }),
    )
    expect(submitted).toMatchObject({
      status: 'submitted',
      statusLabel: '待派单',
      serviceLabel: '维修',
      preferredLabel: '12月3日 下午',
      phone: PHONE,
      address: ADDRESS,
      mine: true,
      dueStep: 'dispatch',
      dueAt: clock + 2 * HOUR,
    })
    expect(submitted.can).toMatchObject({ cancel: true, confirm: false, dispatch: false })
    expect(await outboxTo(DEMO.secretary1)).toHaveLength(1)

    const queue = ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'waiting' }),
    )
    expect(queue.waiting).toBe(SEEDED_WAITING + 1)
    const listed = queue.items.find((v) => v.id === submitted.id)
    expect(listed).toMatchObject({ phone: '138****5678', mine: false })
    expect(listed?.can).toMatchObject({ dispatch: true, reject: true, contact: true, cancel: false })

    const assignees = ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/assignees', { visitId: submitted.id }),
    )
    const member1 = await memberIdOf(DEMO.member1)
    expect(assignees.map((a) => a.id)).toContain(member1)
    clock += 20 * MIN
    const dispatched = ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', {
        visitId: submitted.id,
        assigneeId: member1,
      }),
    )
    expect(dispatched).toMatchObject({ status: 'dispatched', dueStep: 'accept', dueAt: clock + 2 * HOUR })
    expect(await outboxTo(DEMO.member1)).toHaveLength(1)

    const tasks = ok(await backend.call(DEMO.member1, 'visit', 'visit/tasks', {}))
    // The new task first (the seeded street's accepted one after it).
    expect(tasks[0]).toMatchObject({
      id: submitted.id,
      phone: '138****5678',
      can: { accept: true, decline: true, contact: false },
    })

    clock += 10 * MIN
    const accepted = ok(await backend.call(DEMO.member1, 'visit', 'visit/accept', { visitId: submitted.id }))
    expect(accepted).toMatchObject({ status: 'accepted', dueStep: 'complete' })
    const mine = ok(await backend.call(DEMO.resident1, 'visit', 'visit/mine', {}))
    expect(mine[0]).toMatchObject({ status: 'accepted', progress: expect.stringContaining('已接单') })

    clock += 3 * HOUR
    const completed = ok(
      await backend.call(DEMO.member1, 'visit', 'visit/complete', {
        visitId: submitted.id,
        durationMinutes: 45,
        notes: '更换了水龙头阀芯，试水正常',
        photos: [],
      }),
    )
    expect(completed).toMatchObject({ status: 'completed', durationMinutes: 45, dueStep: 'confirm' })

    const confirmed = ok(
      await backend.call(DEMO.resident1, 'visit', 'visit/confirm', {
        visitId: submitted.id,
        rating: 5,
        comment: '很及时',
      }),
    )
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      rating: 5,
      comment: '很及时',
      autoConfirmed: false,
    })
    // The resident heard of the acceptance and the completion.
    expect((await outboxTo(DEMO.resident1)).map((m) => m.data.phrase2.value)).toEqual(['已接单', '待确认'])

    const done = ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'done' }),
    )
    expect(done.items.find((v) => v.id === submitted.id)?.statusLabel).toBe('已完成')
    const stored = await visitDoc(submitted.id)
    expect(stored).toMatchObject({ acceptedAt: stored.submittedAt + 30 * MIN, late: false })
  })

  it('takes a photo from the resident’s own upload folder only, checked and kept apart', async () => {
    const ticket = ok(await backend.call(DEMO.resident1, 'account', 'upload/prepare', { kind: 'photo' }))
    const photo = await backend.putFile(ticket.cloudPath, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
    const visit = ok(await submit(DEMO.resident1, { photo }))
    expect(visit.hasPhoto).toBe(true)
    const seen = ok(await backend.call(DEMO.secretary1, 'visit', 'visit/get', { visitId: visit.id }))
    expect(seen.photoUrls).toHaveLength(1)
    // Read once and kept apart: the upload is gone, the kept copy has its bytes.
    const kept = (await visitDoc(visit.id)).photo as string
    expect(kept).toContain('/visit-photos/')
    expect(await backend.stored(photo)).toBeNull()
    expect(await backend.stored(kept)).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))
    await refusedUnchanged(() => submit(DEMO.resident2, { photo }), 'FILE.FORBIDDEN')
    // A text file named .jpg is no photo.
    const other = ok(await backend.call(DEMO.resident1, 'account', 'upload/prepare', { kind: 'photo' }))
    const renamed = await backend.putFile(other.cloudPath, Buffer.from('not a photo'))
    await refusedUnchanged(() => submit(DEMO.resident1, { photo: renamed }), 'FILE.WRONG_TYPE')
  })

  it('keeps the assignee’s completion photos (a JPEG and a PNG, checked) for the resident and the secretary', async () => {
    const id = await requestAt('accepted')
    const put = async (kind: 'photo' | 'photoPng', bytes: Buffer, who = DEMO.member1) => {
      const ticket = ok(await backend.call(who, 'account', 'upload/prepare', { kind }))
      return backend.putFile(ticket.cloudPath, bytes)
    }
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const complete = (photos: string[]) =>
      backend.call(DEMO.member1, 'visit', 'visit/complete', {
        visitId: id,
        durationMinutes: 45,
        notes: '更换了水龙头阀芯',
        photos,
      })
    // A text file named .jpg, a photo over 2 MB, four photos: refused, the request as it was.
    await refusedUnchanged(
      async () => complete([await put('photo', Buffer.from('not a photo'))]),
      'FILE.WRONG_TYPE',
    )
    await refusedUnchanged(
      async () => complete([await put('photoPng', Buffer.concat([png, Buffer.alloc(2 * 1024 * 1024)]))]),
      'FILE.TOO_LARGE',
    )
    const four = await Promise.all([1, 2, 3, 4].map(() => put('photo', jpeg)))
    const tooMany = await complete(four)
    expect(failed(tooMany).message).toContain('照片最多3张')
    expect((await visitDoc(id)).status).toBe('accepted')

    const [first, second] = [await put('photo', jpeg), await put('photoPng', png)]
    const done = ok(await complete([first, second]))
    expect(done.completionPhotos).toBe(2)
    const stored = await visitDoc(id)
    const kept = stored.completionPhotos as string[]
    expect(kept).toHaveLength(2)
    // Kept apart from the uploads (which are removed once read), with the bytes as uploaded.
    expect(kept.every((f) => f.includes('/visit-photos/'))).toBe(true)
    expect(await backend.stored(first)).toBeNull()
    expect(await backend.stored(kept[0])).toEqual(jpeg)
    expect(await backend.stored(kept[1])).toEqual(png)
    for (const who of [DEMO.resident1, DEMO.secretary1, DEMO.member1]) {
      const seen = ok(await backend.call(who, 'visit', 'visit/get', { visitId: id }))
      expect(seen.completionPhotoUrls).toHaveLength(2)
    }
    const mine = ok(await backend.call(DEMO.resident1, 'visit', 'visit/mine', {}))
    expect(mine.find((v) => v.id === id)?.completionPhotos).toBe(2)
    expect(codeOf(await backend.call(DEMO.resident2, 'visit', 'visit/get', { visitId: id }))).toBe(
      'VISIT.NOT_FOUND',
    )
  })

  it('sends a declined request back for dispatch, and lets the secretary reject one with a reason', async () => {
    const id = await requestAt('accepted')
    const declined = ok(
      await backend.call(DEMO.member1, 'visit', 'visit/decline', { visitId: id, reason: '临时出差' }),
    )
    expect(declined).toMatchObject({
      status: 'submitted',
      assigneeName: null,
      declines: 1,
      dueStep: 'dispatch',
    })
    expect(failed(await backend.call(DEMO.member1, 'visit', 'visit/get', { visitId: id })).code).toBe(
      'VISIT.NOT_FOUND',
    )
    const member2 = await memberIdOf(MEMBER2)
    ok(await backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', { visitId: id, assigneeId: member2 }))
    ok(await backend.call(MEMBER2, 'visit', 'visit/accept', { visitId: id }))

    const other = await requestAt('submitted')
    const rejected = ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/reject', {
        visitId: other,
        reason: '不属于本社区范围',
      }),
    )
    expect(rejected).toMatchObject({ status: 'rejected', reason: '不属于本社区范围' })
    const seen = ok(await backend.call(DEMO.resident1, 'visit', 'visit/get', { visitId: other }))
    expect(seen).toMatchObject({ statusLabel: '未受理', reason: '不属于本社区范围', can: { cancel: false } })
  })

  it('lets the resident cancel before acceptance only', async () => {
    const id = await requestAt('dispatched')
    expect(
      ok(await backend.call(DEMO.resident1, 'visit', 'visit/cancel', { visitId: id, reason: '' })).status,
    ).toBe('cancelled')
    const accepted = await requestAt('accepted')
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'visit', 'visit/cancel', { visitId: accepted, reason: '不需要了' }),
      'VISIT.STATE_CHANGED',
    )
  })
})

describe('every action refuses the wrong person and the wrong state, changing nothing', () => {
  it('refuses a dispatch by anyone but the community’s secretaries, and to anyone outside the community', async () => {
    const id = await requestAt('submitted')
    const member1 = await memberIdOf(DEMO.member1)
    const dispatch =
      (who: string, assigneeId = member1, visitId = id) =>
      () =>
        backend.call(who, 'visit', 'visit/dispatch', { visitId, assigneeId })
    await refusedUnchanged(dispatch(DEMO.secretary2), 'VISIT.NOT_FOUND')
    await refusedUnchanged(dispatch(DEMO.branchSecretary1), 'VISIT.NOT_FOUND')
    await refusedUnchanged(dispatch(DEMO.member1), 'VISIT.NOT_FOUND')
    await refusedUnchanged(dispatch(DEMO.resident2), 'VISIT.NOT_FOUND')
    await refusedUnchanged(dispatch(DEMO.resident1), 'COMMON.FORBIDDEN')
    await refusedUnchanged(dispatch(DEMO.secretary1, await memberIdOf(C2_MEMBER)), 'VISIT.ASSIGNEE_OUTSIDE')
    const unbound = (await backend.docs('members')).find(
      (m) => m.orgPath.includes('org-c1') && m.openid === null,
    )
    await refusedUnchanged(dispatch(DEMO.secretary1, unbound?._id), 'VISIT.ASSIGNEE_UNBOUND')
    await refusedUnchanged(dispatch(DEMO.secretary1, 'no-such-member'), 'MEMBER.NOT_FOUND')
    await refusedUnchanged(dispatch(DEMO.secretary1, member1, 'no-such-visit'), 'VISIT.NOT_FOUND')
    await refusedUnchanged(
      () => backend.call(DEMO.secretary2, 'visit', 'visit/reject', { visitId: id, reason: '无' }),
      'VISIT.NOT_FOUND',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.secretary2, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'waiting' }),
      'COMMON.FORBIDDEN',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'waiting' }),
      'COMMON.NOT_BOUND',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.member1, 'visit', 'visit/assignees', { visitId: id }),
      'VISIT.NOT_FOUND',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'visit', 'visit/accept', { visitId: id }),
      'VISIT.NOT_ASSIGNEE',
    )
  })

  it('refuses accepting, declining and completing by anyone but the assignee, and out of order', async () => {
    const id = await requestAt('dispatched')
    const as = (who: string, action: 'visit/accept' | 'visit/decline' | 'visit/complete') => () =>
      action === 'visit/accept'
        ? backend.call(who, 'visit', action, { visitId: id })
        : action === 'visit/decline'
          ? backend.call(who, 'visit', action, { visitId: id, reason: '没空' })
          : backend.call(who, 'visit', action, {
              visitId: id,
              durationMinutes: 30,
              notes: '已处理',
              photos: [],
            })
    for (const action of ['visit/accept', 'visit/decline', 'visit/complete'] as const) {
      await refusedUnchanged(as(MEMBER2, action), 'VISIT.NOT_FOUND')
      await refusedUnchanged(as(DEMO.secretary1, action), 'VISIT.NOT_ASSIGNEE')
      await refusedUnchanged(as(DEMO.resident1, action), 'VISIT.NOT_ASSIGNEE')
    }
    await refusedUnchanged(as(DEMO.member1, 'visit/complete'), 'VISIT.STATE_CHANGED')
    await refusedUnchanged(
      () => backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', { visitId: id, assigneeId: 'm001' }),
      'VISIT.ALREADY_DISPATCHED',
    )
  })

  it('refuses confirming by anyone but the resident, and before completion', async () => {
    const id = await requestAt('accepted')
    const confirm = (who: string) => () =>
      backend.call(who, 'visit', 'visit/confirm', { visitId: id, rating: 4, comment: '' })
    await refusedUnchanged(confirm(DEMO.resident1), 'VISIT.STATE_CHANGED')
    ok(
      await backend.call(DEMO.member1, 'visit', 'visit/complete', {
        visitId: id,
        durationMinutes: 30,
        notes: '已处理',
        photos: [],
      }),
    )
    await refusedUnchanged(confirm(DEMO.resident2), 'VISIT.NOT_FOUND')
    await refusedUnchanged(confirm(DEMO.member1), 'VISIT.NOT_RESIDENT')
    await refusedUnchanged(confirm(DEMO.secretary1), 'VISIT.NOT_RESIDENT')
    ok(await confirm(DEMO.resident1)())
    // Confirmed: another score is refused (the same one sent again is answered as done, below).
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'visit', 'visit/confirm', { visitId: id, rating: 2, comment: '' }),
      'VISIT.STATE_CHANGED',
    )
  })

  it('refuses a request to a node that is not a community, and a preferred time that cannot be', async () => {
    await refusedUnchanged(() => submit(DEMO.resident1, { orgId: 'org-c1-b1' }), 'VISIT.NOT_COMMUNITY')
    await refusedUnchanged(() => submit(DEMO.resident1, { orgId: 'no-such-org' }), 'VISIT.NOT_COMMUNITY')
    await refusedUnchanged(
      () => submit(DEMO.resident1, { preferredDate: '2026-12-03' }),
      'VISIT.BAD_PREFERRED',
    )
    await refusedUnchanged(
      () => submit(DEMO.resident1, { preferredDate: '2026-12-01', preferredSlot: 'morning' }),
      'VISIT.BAD_PREFERRED',
    )
    await refusedUnchanged(() => submit(DEMO.resident1, { phone: '12345' }), 'COMMON.INVALID_INPUT')
    await refusedUnchanged(() => submit(DEMO.resident1, { address: '' }), 'COMMON.INVALID_INPUT')
    await refusedUnchanged(
      () =>
        backend.call(DEMO.secretary1, 'visit', 'visit/saveSettings', {
          dispatchHours: 1,
          acceptHours: 1,
          completeHours: 24,
          confirmDays: 3,
          escalateHours: 12,
        }),
      'COMMON.FORBIDDEN',
    )
  })
})

describe('the street’s time limits', () => {
  it('lets the street admin set them, and a new request takes them; anyone else only reads them', async () => {
    const limits = { dispatchHours: 1, acceptHours: 3, completeHours: 48, confirmDays: 3, escalateHours: 12 }
    expect(ok(await backend.call(DEMO.secretary1, 'visit', 'visit/settings', {}))).toMatchObject({
      dispatchHours: 2,
      confirmDays: 7,
      editable: false,
    })
    expect(ok(await backend.call(DEMO.admin, 'visit', 'visit/saveSettings', limits))).toMatchObject({
      ...limits,
      editable: true,
    })
    expect(ok(await backend.call(DEMO.secretary1, 'visit', 'visit/settings', {}))).toMatchObject(limits)
    const visit = ok(await submit())
    expect(visit.dueAt).toBe(clock + HOUR)
    expect((await visitDoc(visit.id)).completeBy).toBe(clock + 48 * HOUR)
    await refusedUnchanged(
      () => backend.call(DEMO.resident1, 'visit', 'visit/saveSettings', limits),
      'COMMON.NOT_BOUND',
    )
    // A community's secretary reads the street's limits but cannot change them; a limit out of range is named.
    await refusedUnchanged(
      () => backend.call(DEMO.secretary1, 'visit', 'visit/saveSettings', limits),
      'COMMON.FORBIDDEN',
    )
    const zero = await backend.call(DEMO.admin, 'visit', 'visit/saveSettings', { ...limits, confirmDays: 0 })
    expect(failed(zero).message).toContain('自动确认天数至少为1')
    await refusedUnchanged(
      () => backend.call(DEMO.admin, 'visit', 'visit/saveSettings', { ...limits, completeHours: 721 }),
      'COMMON.INVALID_INPUT',
    )
  })

  it('counts the messages a person allowed, and sends none beyond them', async () => {
    const granted = ok(
      await backend.call(DEMO.resident1, 'visit', 'visit/subscribe', { kinds: ['visitProgress'] }),
    )
    expect(granted.granted).toEqual({ visitProgress: 1 })
    await requestAt('completed')
    // Accepted and completed: two messages due, one allowed.
    expect((await outboxTo(DEMO.resident1)).map((m) => m.data.phrase2.value)).toEqual(['已接单'])
    expect(
      ok(await backend.call(DEMO.resident1, 'visit', 'visit/subscribe', { kinds: ['visitProgress'] }))
        .granted,
    ).toEqual({ visitProgress: 1 })
  })

  it('sends with the deployment’s template ids, the same the app is given to ask for, residents included', async () => {
    process.env.SUBSCRIBE_TEMPLATE_VISIT_PROGRESS = 'tmpl-visit-progress-of-this-appid'
    process.env.SUBSCRIBE_TEMPLATE_VISIT_TASK = 'tmpl-visit-task-of-this-appid'
    try {
      const asked = {
        visitProgress: 'tmpl-visit-progress-of-this-appid',
        visitTask: 'tmpl-visit-task-of-this-appid',
      }
      for (const who of [DEMO.resident1, DEMO.secretary1, DEMO.member1]) {
        expect(ok(await backend.call(who, 'account', 'account/me', {})).visitTemplateIds).toEqual(asked)
      }
      await grant(DEMO.resident1)
      await grant(DEMO.secretary1)
      await grant(DEMO.member1)
      await requestAt('accepted')
      const sent = await backend.docs('outbox')
      expect(sent.filter((m) => m.touser === DEMO.resident1).map((m) => m.templateId)).toEqual([
        asked.visitProgress,
      ])
      expect(sent.filter((m) => m.touser === DEMO.member1).map((m) => m.templateId)).toEqual([
        asked.visitTask,
      ])
      expect(sent.filter((m) => m.touser === DEMO.secretary1).map((m) => m.templateId)).toEqual([
        asked.visitTask,
      ])
    } finally {
      delete process.env.SUBSCRIBE_TEMPLATE_VISIT_PROGRESS
      delete process.env.SUBSCRIBE_TEMPLATE_VISIT_TASK
    }
    // Unset, they are the local host's placeholders, on both sides.
    expect(ok(await backend.call(DEMO.resident2, 'account', 'account/me', {})).visitTemplateIds).toEqual({
      visitProgress: 'LOCAL_VISIT_PROGRESS',
      visitTask: 'LOCAL_VISIT_TASK',
    })
  })

  it('refuses cancelling by anyone but the resident, and a completion photo from someone else’s folder', async () => {
    const id = await requestAt('accepted')
    await refusedUnchanged(
      () => backend.call(DEMO.secretary1, 'visit', 'visit/cancel', { visitId: id, reason: '' }),
      'VISIT.NOT_RESIDENT',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.resident2, 'visit', 'visit/cancel', { visitId: id, reason: '' }),
      'VISIT.NOT_FOUND',
    )
    const ticket = ok(await backend.call(DEMO.resident1, 'account', 'upload/prepare', { kind: 'photo' }))
    const photo = await backend.putFile(ticket.cloudPath, Buffer.from([0xff, 0xd8, 0xff, 0xe0]))
    await refusedUnchanged(
      () =>
        backend.call(DEMO.member1, 'visit', 'visit/complete', {
          visitId: id,
          durationMinutes: 30,
          notes: '已处理',
          photos: [photo],
        }),
      'FILE.FORBIDDEN',
    )
  })
})

describe('privacy of the phone and the address', () => {
  it('shows them to the resident, reveals them to the secretary who dispatched and the accepted assignee with a log, and to no one else', async () => {
    const id = await requestAt('dispatched')
    const contact = (who: string) => backend.call(who, 'visit', 'visit/contact', { visitId: id })
    for (const who of [DEMO.resident2, MEMBER2, DEMO.secretary2, DEMO.branchSecretary1]) {
      expect(codeOf(await backend.call(who, 'visit', 'visit/get', { visitId: id }))).toBe('VISIT.NOT_FOUND')
      expect(codeOf(await contact(who))).toBe('VISIT.NOT_FOUND')
    }
    const others = ok(await backend.call(DEMO.resident2, 'visit', 'visit/mine', {}))
    expect(others.map((v) => v.id)).not.toContain(id)
    // Dispatched, not yet accepted: the assignee sees the request masked, and cannot reveal it yet.
    const seen = ok(await backend.call(DEMO.member1, 'visit', 'visit/get', { visitId: id }))
    expect(JSON.stringify(seen)).not.toContain(PHONE)
    expect(JSON.stringify(seen)).not.toContain(ADDRESS)
    expect(codeOf(await contact(DEMO.member1))).toBe('VISIT.CONTACT_AFTER_ACCEPT')
    const queue = ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'active' }),
    )
    expect(JSON.stringify(queue)).not.toContain(PHONE)
    expect(JSON.stringify(queue)).not.toContain(ADDRESS)
    const logs = async () => (await backend.docs('audit_log')).filter((a) => a.action === 'visit.contact')
    expect(await logs()).toHaveLength(0)

    expect(ok(await contact(DEMO.secretary1))).toEqual({ phone: PHONE, address: ADDRESS })
    // The street admin could have dispatched it too, but did not: once dispatched, only its dispatcher may look.
    const admin = ok(await backend.call(DEMO.admin, 'visit', 'visit/get', { visitId: id }))
    expect(admin.can.contact).toBe(false)
    const refused = await contact(DEMO.admin)
    expect(codeOf(refused)).toBe('VISIT.CONTACT_DISPATCHER_ONLY')
    expect(JSON.stringify(refused)).toContain('只有派单的书记')
    ok(await backend.call(DEMO.member1, 'visit', 'visit/accept', { visitId: id }))
    expect(ok(await contact(DEMO.member1))).toEqual({ phone: PHONE, address: ADDRESS })
    expect(ok(await contact(DEMO.resident1))).toEqual({ phone: PHONE, address: ADDRESS })
    const logged = await logs()
    expect(logged.map((l) => l.actor).sort()).toEqual(
      [await memberIdOf(DEMO.secretary1), await memberIdOf(DEMO.member1)].sort(),
    )
    expect(logged.every((l) => l.targetId === id)).toBe(true)
  })

  it('lets the secretaries who may dispatch a waiting request call first, and no staff once it is over', async () => {
    const id = await requestAt('completed')
    const contact = (who: string) => backend.call(who, 'visit', 'visit/contact', { visitId: id })
    const waiting = ok(await submit())
    for (const who of [DEMO.secretary1, DEMO.admin]) {
      expect(ok(await backend.call(who, 'visit', 'visit/get', { visitId: waiting.id })).can.contact).toBe(
        true,
      )
      expect(ok(await backend.call(who, 'visit', 'visit/contact', { visitId: waiting.id }))).toEqual({
        phone: PHONE,
        address: ADDRESS,
      })
    }
    ok(await backend.call(DEMO.resident1, 'visit', 'visit/confirm', { visitId: id, rating: 5, comment: '' }))
    const before = (await backend.docs('audit_log')).length
    for (const who of [DEMO.secretary1, DEMO.member1, DEMO.admin]) {
      expect(ok(await backend.call(who, 'visit', 'visit/get', { visitId: id })).can.contact).toBe(false)
      expect(codeOf(await contact(who))).toBe('VISIT.CONTACT_CLOSED')
    }
    expect((await backend.docs('audit_log')).length).toBe(before)
    expect(ok(await contact(DEMO.resident1))).toEqual({ phone: PHONE, address: ADDRESS })
  })
})

describe('one request form sent twice (a dropped connection, a second tap)', () => {
  const requested = async () =>
    (await backend.docs('rollups'))
      .filter((r) => r.orgId === 'org-c1')
      .map((r) => flattenCounts(r.c)['visit.requested'] ?? 0)
      .reduce((a, b) => a + b, 0)

  it('stores the request once and answers the same request, also when both arrive at once', async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const submitKey = `form${round}Key${'x'.repeat(12)}`
      const before = { visits: (await backend.docs('visits')).length, counted: await requested() }
      const [first, second] = await startDuring(
        () => submit(DEMO.resident1, { submitKey }),
        { openid: DEMO.resident1, label: 'visit visit/submit' },
        round,
        () => submit(DEMO.resident1, { submitKey }),
      )
      expect([ok(first).id, codeOf(second)]).toEqual([expect.any(String), 'ok'])
      expect(ok(second).id).toBe(ok(first).id)
      expect((await backend.docs('visits')).length).toBe(before.visits + 1)
      expect(await requested()).toBe(before.counted + 1)
      // Sent again later, it is still that request.
      expect(ok(await submit(DEMO.resident1, { submitKey })).id).toBe(ok(first).id)
    }
  })

  it('keeps another resident’s form with the same key apart, and refuses a malformed key with nothing stored', async () => {
    const submitKey = 'sharedKey1234567890abc'
    const mine = ok(await submit(DEMO.resident1, { submitKey }))
    const theirs = ok(await submit(DEMO.resident2, { submitKey }))
    expect(theirs.id).not.toBe(mine.id)
    expect(theirs.mine).toBe(true)
    const before = (await backend.docs('visits')).length
    for (const bad of ['short', 'has spaces in it 12345', 'x'.repeat(41), 12345])
      expect(codeOf(await submit(DEMO.resident1, { submitKey: bad as string }))).toBe('COMMON.INVALID_INPUT')
    expect((await backend.docs('visits')).length).toBe(before)
  })
})

describe('a move sent again by the one who made it (its answer lost on the way back)', () => {
  /** Every counter the request's community holds, summed over its months. */
  const counted = async () => {
    const sums: Record<string, number> = {}
    for (const r of (await backend.docs('rollups')).filter((d) => d.orgId === 'org-c1'))
      for (const [k, v] of Object.entries(flattenCounts(r.c))) sums[k] = (sums[k] ?? 0) + v
    return sums
  }
  /** Sends the move twice: the second answers the same request, and nothing more is written or counted. */
  const twice = async (id: string, send: () => ReturnType<typeof backend.call>) => {
    const first = ok(await send())
    const [stored, counts, sent] = [
      await visitDoc(id),
      await counted(),
      (await backend.docs('outbox')).length,
    ]
    const second = ok(await send())
    expect(second).toEqual(first)
    expect(await visitDoc(id)).toEqual(stored)
    expect(await counted()).toEqual(counts)
    expect((await backend.docs('outbox')).length).toBe(sent)
  }

  it('answers a repeated dispatch, accept, completion and confirmation as done, written and counted once', async () => {
    const member = await memberIdOf(DEMO.member1)
    const id = await requestAt('submitted')
    await twice(id, () =>
      backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', { visitId: id, assigneeId: member }),
    )
    await twice(id, () => backend.call(DEMO.member1, 'visit', 'visit/accept', { visitId: id }))
    const completion = { visitId: id, durationMinutes: 45, notes: '修好了', photos: [] }
    await twice(id, () => backend.call(DEMO.member1, 'visit', 'visit/complete', completion))
    await twice(id, () =>
      backend.call(DEMO.resident1, 'visit', 'visit/confirm', { visitId: id, rating: 4, comment: '' }),
    )
    const cancelled = await requestAt('submitted')
    await twice(cancelled, () =>
      backend.call(DEMO.resident1, 'visit', 'visit/cancel', { visitId: cancelled, reason: '' }),
    )
  })

  it('answers the assignee’s repeated 无法前往 as done while the request waits for another dispatch', async () => {
    const id = await requestAt('accepted')
    const decline = (reason: string) => () =>
      backend.call(DEMO.member1, 'visit', 'visit/decline', { visitId: id, reason })
    await twice(id, decline('临时出差'))
    expect(await visitDoc(id)).toMatchObject({ status: 'submitted', declines: [{ reason: '临时出差' }] })
    // Another reason is not the same move, and the request stays closed to a member it is not sent to.
    expect(codeOf(await decline('家里有事')())).toBe('VISIT.NOT_FOUND')
    expect(codeOf(await backend.call(DEMO.member1, 'visit', 'visit/get', { visitId: id }))).toBe(
      'VISIT.NOT_FOUND',
    )
    // Once it is dispatched again, the old decline is no longer an answer to give.
    ok(
      await backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', {
        visitId: id,
        assigneeId: await memberIdOf(MEMBER2),
      }),
    )
    expect(codeOf(await decline('临时出差')())).toBe('VISIT.NOT_FOUND')
  })

  it('still refuses a different move from where the request is now, and another person’s same move', async () => {
    const id = await requestAt('completed')
    ok(await backend.call(DEMO.resident1, 'visit', 'visit/confirm', { visitId: id, rating: 4, comment: '' }))
    expect(
      codeOf(
        await backend.call(DEMO.resident1, 'visit', 'visit/confirm', { visitId: id, rating: 2, comment: '' }),
      ),
    ).toBe('VISIT.STATE_CHANGED')
    const other = await requestAt('dispatched')
    expect(
      codeOf(
        await backend.call(DEMO.admin, 'visit', 'visit/dispatch', {
          visitId: other,
          assigneeId: await memberIdOf(DEMO.member1),
        }),
      ),
    ).toBe('VISIT.ALREADY_DISPATCHED')
    expect(
      codeOf(
        await backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', {
          visitId: other,
          assigneeId: await memberIdOf(MEMBER2),
        }),
      ),
    ).toBe('VISIT.ALREADY_DISPATCHED')
  })
})

describe('two secretaries dispatching the same request at once (double dispatch)', () => {
  it('lets exactly one dispatch succeed and tells the other who dispatched it', async () => {
    const [member1, member2] = [await memberIdOf(DEMO.member1), await memberIdOf(MEMBER2)]
    const dispatchedNow = async () =>
      (await backend.docs('rollups'))
        .map((r) => flattenCounts(r.c)['visit.dispatched'] ?? 0)
        .reduce((a, b) => a + b, 0)
    const seeded = await dispatchedNow()
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { id } = ok(await submit())
      const [first, second] = await startDuring(
        () => backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', { visitId: id, assigneeId: member1 }),
        { openid: DEMO.secretary1, label: 'visit visit/dispatch' },
        round,
        () => backend.call(DEMO.admin, 'visit', 'visit/dispatch', { visitId: id, assigneeId: member2 }),
      )
      expect([codeOf(first), codeOf(second)].sort()).toEqual(['VISIT.ALREADY_DISPATCHED', 'ok'])
      const stored = await visitDoc(id)
      const winner = first.ok ? first.data : second.ok ? second.data : null
      const loser = first.ok ? second : first
      expect(stored).toMatchObject({ status: 'dispatched', moves: 1, assigneeName: winner?.assigneeName })
      expect(stored.assigneeId).toBe(first.ok ? member1 : member2)
      expect(failed(loser).message).toContain(stored.dispatcherName)
      // One dispatch counted per request (on the community's node; the street sums its subtree).
      expect(await dispatchedNow()).toBe(seeded + round)
    }
  })
})

describe('two completions of one request at once (the assignee on two phones)', () => {
  it('applies exactly one, and keeps only the winner’s photos', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    const upload = async () => {
      const ticket = ok(await backend.call(DEMO.member1, 'account', 'upload/prepare', { kind: 'photo' }))
      return backend.putFile(ticket.cloudPath, jpeg)
    }
    const complete = (photos: string[], notes: string) => () =>
      backend.call(DEMO.member1, 'visit', 'visit/complete', {
        visitId: id,
        durationMinutes: 30,
        notes,
        photos,
      })
    let id = ''
    for (let round = 1; round <= ROUNDS; round++) {
      id = await requestAt('accepted')
      const before = await backend.storedUnder('visit-photos')
      const [first, second] = await startDuring(
        complete([await upload(), await upload()], '第一台手机'),
        { openid: DEMO.member1, label: 'visit visit/complete' },
        round,
        complete([await upload()], '第二台手机'),
      )
      expect([codeOf(first), codeOf(second)].sort()).toEqual(['VISIT.STATE_CHANGED', 'ok'])
      const stored = await visitDoc(id)
      expect(stored).toMatchObject({ status: 'completed', moves: 3 })
      const kept = (await backend.storedUnder('visit-photos')).filter((p) => !before.includes(p))
      const winner = (stored.completionPhotos as string[]).map((f) => f.replace(/^cloud:\/\/[^/]+\//, ''))
      expect(kept).toEqual(winner.sort())
      expect(kept).toHaveLength(first.ok ? 2 : 1)
    }
  })
})

describe('the scheduled run', () => {
  const fire = () => backend.fireTimer('visit', 'visitLimits')

  /** A second run a millisecond later, as a later trigger would be: its writes differ from the first's. */
  const later = () => {
    clock += 1
    return fire()
  }
  const timerCall = { openid: null, label: 'visit timer:visitLimits' }

  it('confirms a request left unconfirmed for 7 days, once, when two runs overlap', async () => {
    for (let round = 1; round <= 8; round += 1) {
      const id = await requestAt('completed')
      clock += 7 * DAY - MIN
      expect(ok(await fire())).toMatchObject({ autoConfirmed: 0 })
      clock += 2 * MIN
      const [a, b] = await startDuring(fire, timerCall, round, later)
      const reports = [ok(a), ok(b)] as Array<{ autoConfirmed: number }>
      expect(reports.map((r) => r.autoConfirmed).sort()).toEqual([0, 1])
      const stored = await visitDoc(id)
      expect(stored).toMatchObject({ status: 'confirmed', autoConfirmed: true, moves: 4, rating: null })
      const seen = ok(await backend.call(DEMO.resident1, 'visit', 'visit/get', { visitId: id }))
      expect(seen.progress).toContain('自动确认')
      const counts = (await backend.docs('rollups'))
        .filter((r) => r.orgId === 'org-c1')
        .map((r) => flattenCounts(r.c)['visit.autoConfirmed'] ?? 0)
      expect(counts.reduce((x, y) => x + y, 0)).toBe(round)
    }
  })

  it('flags an overdue request to the secretary once and escalates it to the street once, whatever runs overlap', async () => {
    // The seeded street's open requests run late first, and are flagged and escalated before the rounds.
    clock += 3 * DAY
    await fire()
    clock += 2 * DAY
    await fire()
    await grant(DEMO.secretary1, 3 * ROUNDS)
    await grant(DEMO.admin, 3 * ROUNDS)
    for (let round = 1; round <= ROUNDS; round += 1) {
      const { id } = ok(await submit())
      const secretaryBefore = (await outboxTo(DEMO.secretary1)).length
      clock += 2 * HOUR + MIN
      const [first, second] = await startDuring(fire, timerCall, round, later)
      expect(ok(first)).toBeDefined()
      expect(ok(second)).toBeDefined()
      const stored = await visitDoc(id)
      expect(stored).toMatchObject({ late: true, escalatedAt: null })
      expect(stored.overdueAt).toBeGreaterThanOrEqual(clock - 1)
      expect((await outboxTo(DEMO.secretary1)).length - secretaryBefore).toBe(1)
      const overdue = ok(
        await backend.call(DEMO.secretary1, 'visit', 'visit/queue', { orgId: 'org-c1', view: 'overdue' }),
      )
      expect(overdue.items.map((v) => v.id)).toContain(id)

      const adminBefore = (await outboxTo(DEMO.admin)).length
      clock += 24 * HOUR + MIN
      await Promise.all([fire(), later()])
      expect((await visitDoc(id)).escalatedAt).toBeGreaterThanOrEqual(clock - 1)
      // This round's request, and any earlier ones still waiting, each escalated once.
      expect((await outboxTo(DEMO.admin)).length - adminBefore).toBe(1)
      ok(await backend.call(DEMO.secretary1, 'visit', 'visit/reject', { visitId: id, reason: '测试结束' }))
    }
  })
})

describe('rollups', () => {
  it('equal a direct count of the requests after overlapping calls', async () => {
    const [member1, member2] = [await memberIdOf(DEMO.member1), await memberIdOf(MEMBER2)]
    const residents = [DEMO.resident1, DEMO.resident2, 'demo-resident-3']
    const ids = (
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          submit(residents[i % 3], {
            orgId: i % 4 === 3 ? 'org-c2' : 'org-c1',
            serviceType: i % 2 ? 'elderly' : 'errand',
          }),
        ),
      )
    ).map((r) => ok(r).id)
    const c1 = ids.filter((_, i) => i % 4 !== 3)
    // Each request dispatched by two secretaries at once; one wins.
    await Promise.all(
      c1.flatMap((id, i) => [
        backend.call(DEMO.secretary1, 'visit', 'visit/dispatch', {
          visitId: id,
          assigneeId: i % 2 ? member1 : member2,
        }),
        backend.call(DEMO.admin, 'visit', 'visit/dispatch', { visitId: id, assigneeId: member1 }),
      ]),
    )
    const byAssignee = async (id: string) =>
      (await visitDoc(id)).assigneeId === member1 ? DEMO.member1 : MEMBER2
    clock += 40 * MIN
    await Promise.all(
      c1
        .slice(0, 7)
        .map(async (id) => backend.call(await byAssignee(id), 'visit', 'visit/accept', { visitId: id })),
    )
    await backend.call(await byAssignee(c1[7]), 'visit', 'visit/decline', { visitId: c1[7], reason: '没空' })
    clock += 2 * DAY
    await Promise.all(
      c1.slice(0, 5).map(async (id) =>
        backend.call(await byAssignee(id), 'visit', 'visit/complete', {
          visitId: id,
          durationMinutes: 30 + ids.indexOf(id),
          notes: '已完成',
          photos: [],
        }),
      ),
    )
    await Promise.all([
      ...c1.slice(0, 3).map((id, i) =>
        backend.call(residents[ids.indexOf(id) % 3], 'visit', 'visit/confirm', {
          visitId: id,
          rating: 3 + i,
          comment: '',
        }),
      ),
      backend.call(DEMO.secretary1, 'visit', 'visit/reject', { visitId: c1[8], reason: '重复提交' }),
    ])
    clock += 8 * DAY
    await Promise.all([
      backend.fireTimer('visit', 'visitLimits'),
      backend.fireTimer('visit', 'visitLimits'),
      backend.call(residents[ids.indexOf(c1[3]) % 3], 'visit', 'visit/confirm', {
        visitId: c1[3],
        rating: 5,
        comment: '',
      }),
    ])

    const docs = await backend.docs('visits')
    const rollups = await backend.docs('rollups')
    const stored = new Map(rollups.map((r) => [r._id, flattenCounts(r.c)]))
    // The rule rebuilt from raw records equals what the calls incremented, key by key.
    const rebuilt = sumContributions(docs.flatMap((d) => visitRollup(d as unknown as VisitCounted)))
    for (const [id, bucket] of rebuilt) {
      const have = stored.get(id) ?? {}
      const visitKeys = Object.fromEntries(
        Object.entries(have).filter(([k, n]) => k.startsWith('visit.') && n !== 0),
      )
      expect([id, visitKeys]).toEqual([id, bucket.counts])
    }
    // And a direct count over the records, for the figures the statistics show.
    const street = (key: string) =>
      rollups
        .filter((r) => r.orgPath.includes('org-street'))
        .reduce((sum, r) => sum + (flattenCounts(r.c)[key] ?? 0), 0)
    const count = (pick: (d: Stored) => boolean) => docs.filter(pick).length
    expect(street('visit.requested')).toBe(docs.length)
    expect(docs.length).toBe(SEEDED + 12)
    expect(street('visit.dispatched')).toBe(count((d) => d.dispatchedAt !== null))
    expect(street('visit.completed')).toBe(count((d) => d.completedAt !== null))
    expect(street('visit.confirmed')).toBe(count((d) => d.status === 'confirmed'))
    expect(street('visit.autoConfirmed')).toBe(count((d) => d.autoConfirmed === true))
    expect(street('visit.beneficiaries')).toBe(count((d) => d.status === 'confirmed'))
    expect(street('visit.ratingSum')).toBe(docs.reduce((sum, d) => sum + (d.rating ?? 0), 0))
    expect(street('visit.rejected')).toBe(count((d) => d.status === 'rejected'))
    // c1[4] waited past its limit unconfirmed; c1[3]'s resident confirmed while the timers ran, so either won it.
    const raced = docs.find((d) => d._id === c1[3])
    expect(raced?.status).toBe('confirmed')
    expect(count((d) => d.autoConfirmed === true)).toBe(raced?.autoConfirmed === true ? 2 : 1)
  })
})
