import type { ProjectDetail } from '../../cloudfunctions/contract/project.contract'
import { type Backend, DEMO, failed, ok, startBackend, type Stored } from '../support/backend'
import { sentTwiceStoredOnce, startDuring } from '../support/races'

/**
 * 为民办实事 through the bundled `volunteer` function (`project/*`) on the real SDK: secretaries create, edit and
 * move projects within their reach and link their subtree's activities; anyone reads a community's and the
 * street's projects, without anyone's personal data; a status move is settled once when two overlap.
 */
jest.setTimeout(120_000)

const MIN = 60_000
/** 25 Nov 2026, 08:00 in China. */
const MORNING = Date.UTC(2026, 10, 25, 0, 0, 0)
const C2_SECRETARY = DEMO.secretary2
/** The demo street's activity of 和平社区, held and closed with 120 受益人次 (server/seed-volunteer.ts). */
const HELD = 'demo-vol-traffic'

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

const FIELDS = {
  title: '无障碍坡道改造',
  description: '为幸福里小区3栋楼门口加装无障碍坡道和扶手，方便老人和轮椅出行',
  orgId: 'org-c1',
  partner: '区住建局',
  startDate: '2026-11-01',
  endDate: '2026-12-31',
  activityIds: [HELD],
}

function create(patch: Partial<typeof FIELDS & { submitKey: string }> = {}, who: string = DEMO.secretary1) {
  return backend.call(who, 'volunteer', 'project/create', { ...FIELDS, ...patch })
}

function update(project: ProjectDetail, patch: Record<string, unknown> = {}, who: string = DEMO.secretary1) {
  return backend.call(who, 'volunteer', 'project/update', {
    projectId: project.id,
    rev: project.rev,
    title: project.title,
    description: project.description,
    partner: project.partner,
    startDate: project.startDate,
    endDate: project.endDate,
    activityIds: project.activities.map((a) => a.id),
    beneficiaries: project.beneficiaries,
    ...patch,
  })
}

function move(
  projectId: string,
  m: 'start' | 'complete' | 'cancel',
  extra: { beneficiaries?: number | null; reason?: string | null } = {},
  who: string = DEMO.secretary1,
) {
  return backend.call(who, 'volunteer', 'project/move', {
    projectId,
    move: m,
    beneficiaries: extra.beneficiaries ?? null,
    reason: extra.reason ?? null,
  })
}

const list = (who: string | null, communityId: string | null) =>
  backend.call(who, 'volunteer', 'project/list', { communityId })

/** An activity of 光明社区 (org-c2), by its secretary, for tomorrow. */
async function c2Activity() {
  return ok(
    await backend.call(C2_SECRETARY, 'volunteer', 'activity/create', {
      title: '光明社区环境整治',
      serviceType: 'environment',
      orgId: 'org-c2',
      partner: null,
      place: '光明路',
      startAt: MORNING + 24 * 60 * MIN,
      plannedMinutes: 120,
      capacity: 10,
    }),
  )
}

const rollupOf = async (orgId: string) =>
  (await backend.docs('rollups')).find((r: Stored) => r._id === `${orgId}_2026-11`)

describe('creating and editing', () => {
  it('lets a community secretary create a project of their node linking its activities; everyone else is refused, storing nothing', async () => {
    const project = ok(await create())
    expect(project).toMatchObject({
      orgName: '和平社区党委',
      partner: '区住建局',
      status: 'planned',
      beneficiaries: null,
      canManage: true,
      rev: 0,
      activities: [{ id: HELD, title: '文明交通劝导', status: 'closed', beneficiaries: 120 }],
      activityBeneficiaries: 120,
    })
    const before = await backend.snapshot()
    expect(failed(await create({}, C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.inspector)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.branchSecretary1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await create({}, DEMO.resident1)).code).toBe('COMMON.NOT_BOUND')
    expect(failed(await create({ orgId: 'no-such-org' })).code).toBe('ORG.NOT_FOUND')
    expect(failed(await create({ endDate: '2026-10-31' }))).toMatchObject({
      code: 'PROJECT.BAD_PERIOD',
      message: '结束日期不能早于开始日期',
    })
    expect(failed(await create({ startDate: '2026-02-30' })).message).toBe('开始日期不是有效的日期')
    expect(failed(await create({ activityIds: [HELD, 'no-such-activity'] }))).toMatchObject({
      code: 'PROJECT.ACTIVITY_NOT_FOUND',
      message: '有1个要关联的志愿活动不存在或已被删除，请刷新后重选',
    })
    expect(failed(await create({ title: '' })).message).toContain('项目名称不能为空')
    expect(failed(await create({ startDate: '1 Nov' })).message).toContain('开始日期格式应如 2026-03-01')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('is one project when its form is sent twice (a lost answer, a second tap, or both at once)', async () => {
    const count = async () => (await backend.docs('volunteer_projects')).length
    await sentTwiceStoredOnce({
      who: { openid: DEMO.secretary1, label: 'volunteer project/create' },
      rounds: 8,
      count,
      send: (submitKey) => create({ submitKey }),
      idOf: (answer) => ok(answer).id,
    })
    // Another secretary's form with the same key is their own project; no key, a new project every time.
    const before = await count()
    const mine = ok(await create({ submitKey: 'sharedFormKey1234567' }))
    const theirs = ok(await create({ submitKey: 'sharedFormKey1234567' }, DEMO.admin))
    expect(theirs.id).not.toBe(mine.id)
    ok(await create())
    ok(await create())
    expect(await count()).toBe(before + 4)
  })

  it('refuses to link an activity outside the node’s subtree: another community’s, or the community’s from a branch', async () => {
    const other = await c2Activity()
    const before = await backend.snapshot()
    expect(failed(await create({ activityIds: [HELD, other.id] }))).toMatchObject({
      code: 'PROJECT.ACTIVITY_OUTSIDE',
      message: '“光明社区环境整治”不是本组织或下级组织的活动，不能关联',
    })
    // The 支部书记 of 和平社区第二党支部 may run a project of the branch, with the branch's activities only.
    expect(
      failed(await create({ orgId: 'org-c1-b2', activityIds: [HELD] }, DEMO.branchSecretary1)).code,
    ).toBe('PROJECT.ACTIVITY_OUTSIDE')
    expect(await backend.snapshot()).toEqual(before)
    ok(await create({ orgId: 'org-c1-b2', activityIds: [] }, DEMO.branchSecretary1))
    // The street's project links any community's activities: they are all in its subtree.
    const street = ok(await create({ orgId: 'org-street', activityIds: [HELD, other.id, HELD] }, DEMO.admin))
    expect(street.activities.map((a) => a.id)).toEqual([HELD, other.id])
  })

  it('edits from the revision read, refuses a stale form, another community’s secretary and a cancelled project', async () => {
    const project = ok(await create())
    const edited = ok(await update(project, { title: '无障碍坡道和扶手改造', activityIds: [] }))
    expect(edited).toMatchObject({ title: '无障碍坡道和扶手改造', rev: 1, activities: [] })
    const before = await backend.snapshot()
    expect(failed(await update(project, { title: '旧表单' })).code).toBe('PROJECT.CHANGED')
    expect(failed(await update(edited, {}, C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await update(edited, {}, DEMO.member1)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await update(edited, { activityIds: [(await c2Activity()).id] })).code).toBe(
      'PROJECT.ACTIVITY_OUTSIDE',
    )
    expect(failed(await update(edited, { projectId: 'no-such-project' })).code).toBe('PROJECT.NOT_FOUND')
    const afterRefusals = await backend.snapshot()
    expect(afterRefusals.volunteer_projects).toEqual(before.volunteer_projects)
    const cancelled = ok(await move(project.id, 'cancel', { reason: '已由区住建局统一实施' }))
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: '已由区住建局统一实施' })
    expect(failed(await update(cancelled)).code).toBe('PROJECT.CANCELLED')
  })
})

describe('status moves', () => {
  it('goes 计划中 → 进行中 → 已完成 with 受益人次, counts one completed project and adds nothing to 受益', async () => {
    const project = ok(await create())
    const beneficiariesBefore = (await rollupOf('org-c1'))?.c?.volunteer?.beneficiaries ?? 0
    expect(failed(await move(project.id, 'complete', { beneficiaries: 30 })).message).toBe(
      '项目已是“计划中”，不能再这样操作，请刷新',
    )
    expect(failed(await move(project.id, 'start', {}, C2_SECRETARY)).code).toBe('COMMON.FORBIDDEN')
    expect(failed(await move(project.id, 'start', {}, DEMO.resident1)).code).toBe('COMMON.NOT_BOUND')
    expect(ok(await move(project.id, 'start')).status).toBe('active')
    expect(failed(await move(project.id, 'complete')).code).toBe('PROJECT.BENEFICIARIES_NEEDED')
    const done = ok(await move(project.id, 'complete', { beneficiaries: 36 }))
    expect(done).toMatchObject({ status: 'done', beneficiaries: 36, rev: 2 })
    expect(failed(await move(project.id, 'cancel', { reason: '不做了' })).code).toBe('PROJECT.STATE_CHANGED')
    // 受益人次 is corrected after completion, and the project stays completed.
    expect(ok(await update(done, { beneficiaries: 42 }))).toMatchObject({ status: 'done', beneficiaries: 42 })
    const rollup = await rollupOf('org-c1')
    expect(rollup?.c?.volunteer?.projectsDone).toBe(1)
    expect(rollup?.c?.volunteer?.beneficiaries ?? 0).toBe(beneficiariesBefore)
  })

  it('cancels only with a reason', async () => {
    const project = ok(await create())
    expect(failed(await move(project.id, 'cancel')).code).toBe('PROJECT.REASON_NEEDED')
    expect(ok(await move(project.id, 'cancel', { reason: '场地无法协调' })).status).toBe('cancelled')
    expect(failed(await move(project.id, 'start')).code).toBe('PROJECT.STATE_CHANGED')
  })

  it('completes once when two secretaries complete a project at once, at every point of the first', async () => {
    for (let at = 1; at <= 9; at++) {
      const project = ok(await create({ title: `第${at}轮` }))
      ok(await move(project.id, 'start'))
      const [a, b] = await startDuring(
        () => move(project.id, 'complete', { beneficiaries: 10 }),
        { openid: DEMO.secretary1, label: 'volunteer project/move' },
        at,
        () => move(project.id, 'complete', { beneficiaries: 99 }, DEMO.admin),
      )
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      const loser = a.ok ? b : a
      expect(failed(loser)).toMatchObject({
        code: 'PROJECT.STATE_CHANGED',
        message: '项目已是“已完成”，不能再这样操作，请刷新',
      })
      const [stored] = (await backend.docs('volunteer_projects')).filter((p: Stored) => p._id === project.id)
      expect(stored).toMatchObject({ status: 'done', rev: 2, beneficiaries: a.ok ? 10 : 99 })
      expect((await rollupOf('org-c1'))?.c?.volunteer?.projectsDone).toBe(at)
    }
  })
})

describe('overlapping edits', () => {
  it('keeps one of two edits made from the same revision, at every point of the first, and refuses the other', async () => {
    for (let at = 1; at <= 8; at++) {
      const project = ok(await create({ title: `第${at}轮` }))
      const [a, b] = await startDuring(
        () => update(project, { title: `甲的修改${at}` }),
        { openid: DEMO.secretary1, label: 'volunteer project/update' },
        at,
        () => update(project, { title: `乙的修改${at}` }, DEMO.admin),
      )
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      expect(failed(a.ok ? b : a).code).toBe('PROJECT.CHANGED')
      const [stored] = (await backend.docs('volunteer_projects')).filter((p: Stored) => p._id === project.id)
      expect(stored).toMatchObject({ rev: 1, title: a.ok ? `甲的修改${at}` : `乙的修改${at}` })
    }
  })

  it('never applies an edit read before a cancellation over it', async () => {
    for (let at = 1; at <= 8; at++) {
      const project = ok(await create({ title: `取消第${at}轮` }))
      const [edit, cancel] = await startDuring(
        () => update(project, { title: `取消后的修改${at}` }),
        { openid: DEMO.secretary1, label: 'volunteer project/update' },
        at,
        () => move(project.id, 'cancel', { reason: '场地无法协调' }, DEMO.admin),
      )
      ok(cancel)
      const [stored] = (await backend.docs('volunteer_projects')).filter((p: Stored) => p._id === project.id)
      expect(stored.status).toBe('cancelled')
      // Either the edit came first (and the cancellation kept it), or it was refused: never written after.
      // An edit that came first left revision 1 and the cancellation raised it to 2; one written after would
      // leave 1.
      if (edit.ok) expect(stored).toMatchObject({ title: `取消后的修改${at}`, rev: 2 })
      else {
        expect(failed(edit).code).toBe('PROJECT.CANCELLED')
        expect(stored.title).toBe(`取消第${at}轮`)
      }
    }
  })
})

describe('in 月度统计', () => {
  const figure = async (who: string, orgId: string, key: string) => {
    const view = ok(await backend.call(who, 'stats', 'stats/month', { month: '2026-11', orgId }))
    return view.areas.flatMap((a) => a.figures).find((f) => f.key === key)
  }

  it('counts 完成为民办实事 where it was done, with its records, and leaves 受益 as the activities counted it', async () => {
    const before = await figure(DEMO.secretary1, 'org-c1', 'volunteer.projectsDone')
    const beneficiaries = await figure(DEMO.secretary1, 'org-c1', 'volunteer.beneficiaries')
    const project = ok(await create())
    ok(await move(project.id, 'start'))
    ok(await move(project.id, 'complete', { beneficiaries: 500 }))
    expect((await figure(DEMO.secretary1, 'org-c1', 'volunteer.projectsDone'))?.value).toBe(
      (before?.value ?? 0) + 1,
    )
    expect((await figure(DEMO.secretary1, 'org-c1', 'volunteer.beneficiaries'))?.value).toBe(
      beneficiaries?.value,
    )
    expect((await figure(DEMO.admin, 'org-street', 'volunteer.projectsDone'))?.value).toBeGreaterThanOrEqual(
      1,
    )
    expect((await figure(C2_SECRETARY, 'org-c2', 'volunteer.projectsDone'))?.value).toBe(0)
    const records = ok(
      await backend.call(DEMO.secretary1, 'stats', 'stats/records', {
        orgId: 'org-c1',
        period: '2026-11',
        figure: 'volunteer.projectsDone',
      }),
    )
    expect(records.rows).toContainEqual(['11月25日 08:00', FIELDS.title, '和平社区党委', '区住建局', '500'])
    const theirs = ok(
      await backend.call(C2_SECRETARY, 'stats', 'stats/records', {
        orgId: 'org-c2',
        period: '2026-11',
        figure: 'volunteer.projectsDone',
      }),
    )
    expect(theirs.total).toBe(0)
  })
})

describe('reading', () => {
  it('shows a community’s and the street’s projects to its members and to residents, without anyone’s personal data', async () => {
    const c1 = ok(await create())
    const street = ok(await create({ orgId: 'org-street', title: '街道长者食堂' }, DEMO.admin))
    const c2 = ok(await create({ orgId: 'org-c2', activityIds: [], title: '光明社区口袋公园' }, C2_SECRETARY))
    const ids = (l: { projects: { id: string }[] }) => l.projects.map((p) => p.id)

    const member = ok(await list(DEMO.member1, null))
    expect(member.communityId).toBe('org-c1')
    expect(ids(member)).toEqual(expect.arrayContaining([c1.id, street.id]))
    expect(ids(member)).not.toContain(c2.id)

    const resident = ok(await list(DEMO.resident1, null))
    expect(resident.communityId).toBeNull()
    expect(ids(resident)).toContain(street.id)
    expect(ids(resident)).not.toContain(c1.id)
    expect(resident.communities.map((c) => c.name)).toContain('和平社区党委')
    const chosen = ok(await list(DEMO.resident1, 'org-c1'))
    expect(ids(chosen)).toEqual(expect.arrayContaining([c1.id, street.id]))
    const seen = chosen.projects.find((p) => p.id === c1.id)
    expect(seen).toMatchObject({ activities: [{ title: '文明交通劝导', beneficiaries: 120 }] })
    // No member id, name or OPENID of the organisers or the volunteers reaches a resident.
    const text = JSON.stringify(chosen)
    const [secretary] = (await backend.docs('members')).filter((m: Stored) => m.openid === DEMO.secretary1)
    expect(text).not.toContain(secretary._id)
    expect(text).not.toContain(secretary.name)
    expect(text).not.toContain('openid')
    for (const s of (await backend.docs('volunteer_signups')).filter((x: Stored) => x.activityId === HELD)) {
      expect(text).not.toContain(s.memberName)
    }

    expect(ids(ok(await list(C2_SECRETARY, null)))).toEqual(expect.arrayContaining([c2.id, street.id]))
    expect(ids(ok(await list(C2_SECRETARY, null)))).not.toContain(c1.id)
    expect(failed(await list(DEMO.resident1, 'org-c1-b1')).code).toBe('PROJECT.NOT_COMMUNITY')
    expect(failed(await list(DEMO.resident1, 'no-such-org')).code).toBe('PROJECT.NOT_COMMUNITY')
  })

  it('lists one year at a time: the projects whose period overlaps it, this year unless another is asked', async () => {
    const lastYear = ok(await create({ title: '去年的项目', startDate: '2025-03-01', endDate: '2025-06-30' }))
    const acrossNewYear = ok(
      await create({ title: '跨年的项目', startDate: '2025-12-01', endDate: '2026-01-31' }),
    )
    const thisYear = ok(await create())
    const nextYear = ok(await create({ title: '明年的项目', startDate: '2027-01-05', endDate: '2027-03-31' }))
    const idsIn = async (year?: number) => {
      const listed = ok(
        await backend.call(DEMO.resident1, 'volunteer', 'project/list', {
          communityId: 'org-c1',
          ...(year === undefined ? {} : { year }),
        }),
      )
      const managed = ok(
        await backend.call(DEMO.secretary1, 'volunteer', 'project/manage', {
          orgId: 'org-c1',
          ...(year === undefined ? {} : { year }),
        }),
      )
      const mine = [lastYear.id, acrossNewYear.id, thisYear.id, nextYear.id]
      const ids = listed.projects.map((p) => p.id).filter((id) => mine.includes(id))
      expect(managed.projects.map((p) => p.id).filter((id) => mine.includes(id))).toEqual(ids)
      expect([listed.year, managed.year]).toEqual([year ?? 2026, year ?? 2026])
      return ids.sort()
    }
    expect(await idsIn()).toEqual([acrossNewYear.id, thisYear.id].sort())
    expect(await idsIn(2025)).toEqual([lastYear.id, acrossNewYear.id].sort())
    expect(await idsIn(2027)).toEqual([nextYear.id])
    expect(await idsIn(2020)).toEqual([])
    for (const year of [1999, 2026.5, '2026']) {
      const bad = await backend.raw(DEMO.resident1, 'volunteer', {
        action: 'project/list',
        data: { communityId: 'org-c1', year },
      })
      expect(failed(bad)).toMatchObject({ code: 'COMMON.INVALID_INPUT' })
    }
  })

  it('opens one project to anyone, managed only by its secretaries', async () => {
    const project = ok(await create())
    const asResident = ok(
      await backend.call(DEMO.resident1, 'volunteer', 'project/get', { projectId: project.id }),
    )
    expect(asResident).toMatchObject({ title: FIELDS.title, canManage: false })
    const get = (who: string) => backend.call(who, 'volunteer', 'project/get', { projectId: project.id })
    expect(ok(await get(C2_SECRETARY)).canManage).toBe(false)
    expect(ok(await get(DEMO.admin)).canManage).toBe(true)
    expect(
      failed(await backend.call(DEMO.member1, 'volunteer', 'project/get', { projectId: 'nope' })).code,
    ).toBe('PROJECT.NOT_FOUND')
  })

  it('lists a node’s projects to its secretaries, cancelled ones included, and refuses another community’s', async () => {
    const project = ok(await create())
    ok(await move(project.id, 'cancel', { reason: '重复立项' }))
    const managed = ok(
      await backend.call(DEMO.secretary1, 'volunteer', 'project/manage', { orgId: 'org-c1' }),
    )
    expect(managed.projects.find((p) => p.id === project.id)?.status).toBe('cancelled')
    expect(
      failed(await backend.call(C2_SECRETARY, 'volunteer', 'project/manage', { orgId: 'org-c1' })).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(await backend.call(DEMO.resident1, 'volunteer', 'project/manage', { orgId: 'org-c1' })).code,
    ).toBe('COMMON.NOT_BOUND')
  })
})
