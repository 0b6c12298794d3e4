import ExcelJS from 'exceljs'

import type { AttendanceView } from '../../cloudfunctions/contract/study.contract'
import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'
import { startDuring } from '../support/races'

/**
 * A session's 应到 is fixed when it starts: the members in its scope at that moment. Adding, moving and importing
 * members afterwards leaves the figures of started sessions as they were; sessions starting later follow the
 * roster. Run through the bundled `org` and `study` functions on the real SDK, the clock moved by the tests.
 */
jest.setTimeout(30_000)

const MIN = 60_000
const HOUR = 60 * MIN

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 6, 0, 0)
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

async function createSession(orgId: string, startAt: number, endAt: number, who: string = DEMO.admin) {
  return ok(
    await backend.call(who, 'study', 'session/create', {
      type: 'party_lecture',
      format: 'theory',
      title: '学习二十届三中全会精神',
      lecturerId: null,
      orgId,
      startAt,
      endAt,
      place: '党群服务中心',
      allowVisitors: false,
      rotateSeconds: 20,
      lateAfterMinutes: 5,
    }),
  )
}

const detail = async (sessionId: string): Promise<AttendanceView> =>
  ok(await backend.call(DEMO.admin, 'study', 'attendance/get', { sessionId }))

/** What a secretary reads and passes upward: the figures and who is on the list. */
const figures = (view: AttendanceView) => ({
  summary: view.summary,
  rows: view.rows.map((r) => `${r.memberId} ${r.name} ${r.orgName} ${r.status}`).sort(),
})

async function rosterFile(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  for (const r of [['姓名', '性别', '手机号', '所在组织', '党员类别', '干部类别'], ...rows]) sheet.addRow(r)
  return backend.upload(DEMO.admin, Buffer.from(await workbook.xlsx.writeBuffer()))
}

async function member1Id(): Promise<string> {
  const me = ok(await backend.call(DEMO.member1, 'account', 'account/me', {}))
  if (!me.member) throw new Error('demo-member-1 is not bound')
  return me.member.id
}

/** The roster changes of one afternoon: one added, demo-member-1 moved to 光明社区第二党支部, one imported. */
async function changeRoster(moverId: string): Promise<{ addedId: string }> {
  const added = ok(
    await backend.call(DEMO.admin, 'org', 'member/create', {
      name: '新党员丙',
      gender: '女',
      phone: '13600000009',
      orgId: 'org-c1-b1',
      category: '在职',
      cadreLevel: null,
    }),
  )
  ok(
    await backend.call(DEMO.admin, 'org', 'member/update', {
      memberId: moverId,
      patch: { orgId: 'org-c2-b2' },
    }),
  )
  const fileID = await rosterFile([
    ['新党员丁', '男', '13600000010', '和平社区党委 / 第一党支部', '在职', ''],
  ])
  expect(ok(await backend.call(DEMO.admin, 'org', 'member/import', { fileID })).imported).toBe(1)
  return { addedId: added.id }
}

describe('应到 fixed at the start', () => {
  it('keeps the figures of an ended and a running session through 新增党员, a move and a roster import', async () => {
    const moverId = await member1Id()
    const ended = await createSession('org-c1', clock - 3 * HOUR, clock - 2 * HOUR)
    const running = await createSession('org-c1', clock - 30 * MIN, clock + HOUR)
    const present = (await detail(ended.id)).rows.find((r) => r.memberId !== moverId)!
    ok(
      await backend.call(DEMO.admin, 'study', 'checkin/makeup', {
        sessionId: ended.id,
        memberId: present.memberId,
        kind: 'makeup_sign',
        reason: '手机没电',
      }),
    )
    const before = { ended: figures(await detail(ended.id)), running: figures(await detail(running.id)) }
    expect(before.ended.summary.present).toBe(1)
    expect(before.ended.rows.some((r) => r.startsWith(moverId))).toBe(true)

    clock += 10 * MIN
    const { addedId } = await changeRoster(moverId)
    clock += 10 * MIN

    const after = { ended: figures(await detail(ended.id)), running: figures(await detail(running.id)) }
    expect(after).toEqual(before)
    // The mover is listed in the branch they were in at the start, not their new one.
    expect((await detail(ended.id)).rows.find((r) => r.memberId === moverId)?.orgName).toBe('第一党支部')
    expect((await detail(ended.id)).rows.some((r) => r.memberId === addedId)).toBe(false)
  })

  it('follows the roster for sessions that start later: the newcomers are expected, the mover in the new branch', async () => {
    const moverId = await member1Id()
    const c1Earlier = await createSession('org-c1', clock - HOUR, clock - 30 * MIN)
    const c2Earlier = await createSession('org-c2', clock - HOUR, clock - 30 * MIN)
    const c1Before = (await detail(c1Earlier.id)).summary.expected
    const c2Before = (await detail(c2Earlier.id)).summary.expected
    clock += MIN
    const { addedId } = await changeRoster(moverId)
    clock += MIN

    const c1Later = await detail((await createSession('org-c1', clock + HOUR, clock + 2 * HOUR)).id)
    const c2Later = await detail((await createSession('org-c2', clock + HOUR, clock + 2 * HOUR)).id)
    // 和平社区: +1 added, +1 imported, −1 moved away; 光明社区: +1 moved in.
    expect(c1Later.summary.expected).toBe(c1Before + 1)
    expect(c2Later.summary.expected).toBe(c2Before + 1)
    expect(c1Later.rows.map((r) => r.memberId)).toContain(addedId)
    expect(c1Later.rows.map((r) => r.memberId)).not.toContain(moverId)
    expect(c2Later.rows.find((r) => r.memberId === moverId)?.orgName).toBe('第二党支部')
    // The earlier sessions of both communities are as they were.
    expect((await detail(c1Earlier.id)).rows.map((r) => r.memberId)).toContain(moverId)
    expect((await detail(c2Earlier.id)).rows.map((r) => r.memberId)).not.toContain(moverId)
    expect((await detail(c2Earlier.id)).summary.expected).toBe(c2Before)
  })

  it('records 补签 for a mover where they were expected, and refuses it for a member who joined after the start', async () => {
    const moverId = await member1Id()
    const ended = await createSession('org-c1', clock - 3 * HOUR, clock - 2 * HOUR)
    clock += MIN
    const { addedId } = await changeRoster(moverId)
    const makeup = (memberId: string) =>
      backend.call(DEMO.secretary1, 'study', 'checkin/makeup', {
        sessionId: ended.id,
        memberId,
        kind: 'makeup_study',
        reason: '补看录像',
      })
    const before = await backend.snapshot()
    expect(failed(await makeup(addedId)).code).toBe('STUDY.NOT_IN_SCOPE')
    expect(await backend.snapshot()).toEqual(before)
    expect(ok(await makeup(moverId)).status).toBe('present')
    expect((await detail(ended.id)).summary.present).toBe(1)
  })

  it('shows the mover, in 我的学习, the earlier session of the old branch and the later one of the new', async () => {
    const moverId = await member1Id()
    const oldBranch = await createSession('org-c1', clock - 3 * HOUR, clock - 2 * HOUR)
    clock += MIN
    await changeRoster(moverId)
    const newBranch = await createSession('org-c2', clock + HOUR, clock + 2 * HOUR)
    const oldLater = await createSession('org-c1', clock + HOUR, clock + 2 * HOUR)
    const mine = ok(await backend.call(DEMO.member1, 'study', 'study/mine', {}))
    const ids = mine.sessions.map((s) => s.session.id)
    expect(ids).toEqual(expect.arrayContaining([oldBranch.id, newBranch.id]))
    expect(ids).not.toContain(oldLater.id)
    expect(mine.sessions.find((s) => s.session.id === oldBranch.id)?.status).toBe('absent')
  })

  it('keeps every span when two moves of one member cross: the later one is asked to refresh', async () => {
    const moverId = await member1Id()
    const move = (orgId: string) => () =>
      backend.call(DEMO.admin, 'org', 'member/update', { memberId: moverId, patch: { orgId } })
    const branches = ['org-c1-b1', 'org-c1-b2', 'org-c2-b1', 'org-c2-b2']
    const where = async () => (await backend.docs('members')).find((m) => m._id === moverId)!
    let moves = 0
    let refused = 0
    // The second move starts at every request of the first in turn; both leave where the member is now.
    for (let at = 1; at <= 10; at++) {
      clock += MIN
      const current = (await where()).orgId as string
      const [to1, to2] = branches.filter((o) => o !== current)
      const [a, b] = await startDuring(
        move(to1),
        { openid: DEMO.admin, label: 'org member/update' },
        at,
        move(to2),
      )
      for (const r of [a, b]) {
        if (r.ok) moves++
        else if (r.code === 'MEMBER.MOVED_MEANWHILE') refused++
        else throw new Error(`unexpected ${r.code}`)
      }
      const stored = await where()
      const spans = stored.orgHistory as { orgPath: string[]; from: number; to: number }[]
      // One span per move plus the first, each ending where the next begins, the last one open where the member is.
      expect(spans).toHaveLength(1 + moves)
      for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBe(spans[i - 1].to)
      expect(spans.at(-1)?.orgPath.at(-1)).toBe(stored.orgId)
    }
    expect(refused).toBeGreaterThan(0)
  })
})

describe('学习达标 of a past month', () => {
  it('keeps a past month’s members as they were; the month under way follows the roster', async () => {
    const rule = async (month: string) =>
      ok(await backend.call(DEMO.admin, 'study', 'study/rule', { orgId: 'org-c1', month }))
    const [october, november] = [await rule('2026-10'), await rule('2026-11')]
    await changeRoster(await member1Id())
    expect(await rule('2026-10')).toEqual(october)
    // November: one added and one imported, the mover gone to 光明社区.
    expect((await rule('2026-11')).total).toBe(november.total + 1)
  })
})

describe('活动详情 before the start and codes after the end', () => {
  it('lists who is expected and who asked for leave before the start, nobody as 缺席', async () => {
    const session = await createSession('org-c1', clock + 2 * HOUR, clock + 3 * HOUR, DEMO.secretary1)
    ok(await backend.call(DEMO.member1, 'study', 'leave/request', { sessionId: session.id, reason: '出差' }))
    const view = await detail(session.id)
    expect(view.phase).toBe('upcoming')
    expect(view.summary.absent).toBe(0)
    expect(view.summary.expected).toBeGreaterThan(1)
    const statuses = new Set(view.rows.map((r) => r.status))
    expect([...statuses].sort()).toEqual(['leave_pending', 'upcoming'])
    expect(view.leaves).toHaveLength(1)

    clock = session.startAt + MIN
    const started = await detail(session.id)
    expect(started.phase).toBe('running')
    expect(started.summary.absent).toBe(started.summary.expected)
    expect(started.rows.filter((r) => r.status === 'absent')).toHaveLength(started.summary.expected - 1)
  })

  it('gives the check-in code until the end and refuses it after with STUDY.ENDED', async () => {
    const session = await createSession('org-c1', clock + 10 * MIN, clock + HOUR, DEMO.secretary1)
    const qr = () =>
      backend.call(DEMO.secretary1, 'study', 'session/qr', { sessionId: session.id, linkBase: null })
    expect(ok(await qr()).token).toBeTruthy()
    clock = session.endAt
    expect(ok(await qr()).token).toBeTruthy()
    clock = session.endAt + 1
    const refusal = failed(await qr())
    expect(refusal.code).toBe('STUDY.ENDED')
    expect(refusal.message).toBe('活动已结束，签到码不再显示')
    expect((await detail(session.id)).phase).toBe('ended')
    // Nor a poster code: switching one on is refused, switching it off still works.
    const poster = (enable: boolean) =>
      backend.call(DEMO.secretary1, 'study', 'session/staticCode', { sessionId: session.id, enable })
    expect(failed(await poster(true)).code).toBe('STUDY.ENDED')
    expect(ok(await poster(false)).enabled).toBe(false)
  })
})
