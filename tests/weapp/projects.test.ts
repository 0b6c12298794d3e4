/**
 * 为民办实事 (packages/volunteer/pages/projects and project): the list a resident reads in 大字模式, picking their
 * community, and a secretary completing a project with its 受益人次 on its page.
 */
import type { MeView } from '@contract/account.contract'
import type { ProjectDetail, ProjectList, ProjectView } from '@contract/project.contract'
import type { ActivitySummary } from '@contract/volunteer.contract'

import { me, ORGS, role } from './admin-fixtures'
import { backend, fail, ok } from './backend'
import { loadPage } from './harness'

const LIST = 'packages/volunteer/pages/projects/index'
const MANAGE = 'packages/volunteer/pages/project-manage/index'
const PROJECT = 'packages/volunteer/pages/project/index'
const LARGE = { 'ui-large-font': true }

const resident: MeView = {
  bound: false,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: null,
  roles: [],
}
const secretary: MeView = {
  bound: true,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: { id: 'm1', name: '王红', orgId: 'c1-b1', orgName: '第一党支部', category: '在职' },
  roles: [{ orgId: 'c1', orgName: '和平社区党委', role: 'community_secretary' }],
}

const OCT_21 = Date.UTC(2026, 9, 21, 0, 0)

function project(patch: Partial<ProjectView> = {}): ProjectView {
  return {
    id: 'p1',
    title: '无障碍坡道改造',
    description: '为幸福里小区3栋楼门口加装无障碍坡道和扶手',
    orgId: 'c1',
    orgName: '和平社区党委',
    partner: '区住建局',
    startDate: '2026-10-01',
    endDate: '2026-12-31',
    status: 'done',
    beneficiaries: 260,
    activities: [
      {
        id: 'a1',
        title: '文明交通劝导',
        serviceType: 'traffic',
        orgName: '和平社区党委',
        startAt: OCT_21,
        status: 'closed',
        beneficiaries: 120,
      },
    ],
    activityBeneficiaries: 120,
    reason: null,
    rev: 2,
    updatedAt: OCT_21,
    ...patch,
  }
}

const COMMUNITIES = [
  { id: 'c1', name: '和平社区党委' },
  { id: 'c2', name: '光明社区党委' },
]
const THIS_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear()
const streetOnly: ProjectList = {
  year: THIS_YEAR,
  communities: COMMUNITIES,
  communityId: null,
  projects: [
    project({
      id: 'p2',
      title: '街道长者食堂',
      orgName: '幸福街道党工委',
      status: 'planned',
      beneficiaries: null,
      activities: [],
    }),
  ],
}
const withC1: ProjectList = {
  ...streetOnly,
  communityId: 'c1',
  projects: [project(), ...streetOnly.projects],
}

describe('为民办实事', () => {
  test('a resident in 大字模式 picks their community and reads its projects: status in words, 受益人次, the activities', async () => {
    const page = await loadPage(LIST, {
      storage: LARGE,
      cloud: backend({
        'account/me': () => ok(resident),
        'project/list': ({ communityId, year }) =>
          ok(
            year !== undefined && year !== THIS_YEAR
              ? { ...streetOnly, year, projects: [] }
              : communityId === 'c1'
                ? withC1
                : streetOnly,
          ),
      }),
    })
    await page.waitForText('请选择您所在的社区')
    expect(page.dom.querySelectorAll('.screen--large').length).toBeGreaterThan(0)
    expect(page.text()).toContain('街道长者食堂')
    expect(page.text()).toContain('计划中')
    expect(page.text()).toContain('受益人次：完成后填写')
    expect(page.text()).not.toContain('管理为民办实事')
    await page.tap('和平社区党委')
    await page.waitForText('无障碍坡道改造')
    const text = page.text()
    expect(text).toContain('已完成')
    expect(text).toContain('受益 260 人次')
    expect(text).toContain('和平社区党委 · 2026年10月1日—12月31日 · 共建单位：区住建局')
    expect(text).toContain('文明交通劝导 · 10月21日 08:00 · 受益 120 人次')
    expect(text).toContain('所在社区')
    expect(page.cloudCalls.filter((c) => c.data.action === 'project/list').map((c) => c.data.data)).toEqual([
      { communityId: null, year: THIS_YEAR },
      { communityId: 'c1', year: THIS_YEAR },
    ])
    // Last year's projects are a tap away; next year's (planned ahead) too, and no further.
    await page.tap('上一年')
    await page.waitForText(`${THIS_YEAR - 1}年没有为民办实事项目`)
    expect(page.cloudCalls.at(-1)?.data.data).toEqual({ communityId: 'c1', year: THIS_YEAR - 1 })
    await page.tap('下一年')
    await page.waitForText('无障碍坡道改造')
    await page.tap('下一年')
    await page.waitForText(`${THIS_YEAR + 1}年没有为民办实事项目`)
    expect(page.isDisabled('下一年')).toBe(true)
    await page.tap('上一年')
    await page.tap('无障碍坡道改造')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations[0].url).toBe('/packages/volunteer/pages/project/index?id=p1')
  })

  test('a failed load says so and 重试 loads again', async () => {
    let calls = 0
    const page = await loadPage(LIST, {
      cloud: backend({
        'account/me': () => ok(resident),
        'project/list': () => (++calls === 1 ? fail('COMMON.INTERNAL') : ok(streetOnly)),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('街道长者食堂')
  })

  test('a secretary completes a project on its page with the 受益人次 counted, without a pop-up', async () => {
    const active: ProjectDetail = { ...project({ status: 'active', beneficiaries: null }), canManage: true }
    const moves: unknown[] = []
    const page = await loadPage(PROJECT, {
      query: { id: 'p1' },
      cloud: backend({
        'account/me': () => ok(secretary),
        'project/get': () => ok(active),
        'project/move': (input) => {
          moves.push(input)
          return ok({ ...active, status: 'done', beneficiaries: input.beneficiaries, rev: 3 })
        },
      }),
    })
    await page.waitForText('进行中')
    expect(page.text()).toContain('取消项目')
    await page.tap('标记完成')
    await page.waitForText('受益人次（项目共服务了多少人次）')
    expect(page.isDisabled('确认完成')).toBe(true)
    await page.input('.complete-beneficiaries', '36')
    await page.tap('确认完成')
    await page.waitForText('已标记完成')
    expect(moves).toEqual([{ projectId: 'p1', move: 'complete', beneficiaries: 36, reason: null }])
    expect(page.text()).toContain('受益 36 人次')
    // Done is final: nothing is left to move, only 修改 (for 受益人次) remains.
    expect(page.text()).not.toContain('取消项目')
    expect(page.text()).toContain('修改项目')
  })

  test('a resident reads a project with nothing to manage', async () => {
    const page = await loadPage(PROJECT, {
      query: { id: 'p1' },
      cloud: backend({ 'project/get': () => ok({ ...project(), canManage: false }) }),
    })
    await page.waitForText('无障碍坡道改造')
    expect(page.text()).not.toContain('修改项目')
    expect(page.modals).toHaveLength(0)
  })

  test('a secretary creates a project of her community, linking an activity picked from the month’s list', async () => {
    const activity: ActivitySummary = {
      id: 'a9',
      title: '楼道清理',
      serviceType: 'environment',
      orgId: 'c1',
      orgName: '和平社区党委',
      partner: null,
      place: '幸福里小区',
      startAt: OCT_21,
      endAt: OCT_21 + 3_600_000,
      plannedMinutes: 60,
      capacity: 5,
      signedUp: 0,
      status: 'open',
      cancelReason: null,
      beneficiaries: null,
      joined: false,
    }
    const creates: unknown[] = []
    const page = await loadPage(MANAGE, {
      cloud: backend({
        'account/me': () => ok(me([role('community_secretary', 'c1')])),
        'org/tree': () => ok({ orgs: ORGS }),
        'project/manage': ({ year }) => ok({ year: year ?? THIS_YEAR, projects: [] }),
        'activity/manage': () => ok({ activities: [activity] }),
        'project/create': (input) => {
          creates.push(input)
          // The first try's answer is lost; the form stays, and sent again it carries the same key.
          if (creates.length === 1) return fail('COMMON.INTERNAL')
          return ok({ ...project({ id: 'p9', title: input.title, status: 'planned' }), canManage: true })
        },
      }),
    })
    await page.waitForText(`${THIS_YEAR}年没有为民办实事项目`)
    await page.tap('新建为民办实事')
    await page.waitForText('楼道清理 · 10月21日 08:00')
    expect(page.isDisabled('创建项目')).toBe(true)
    await page.input('.form-title', '加装楼道扶手')
    await page.input('.form-description', '为幸福里小区老人加装楼道扶手')
    await page.tap('关联')
    await page.waitForText('关联的志愿活动（1 个）')
    await page.tap('创建项目')
    await page.waitFor(() => creates.length === 1, 3000, 'the create call')
    expect(creates[0]).toMatchObject({
      title: '加装楼道扶手',
      description: '为幸福里小区老人加装楼道扶手',
      orgId: 'c1',
      partner: null,
      activityIds: ['a9'],
      submitKey: expect.stringMatching(/^[A-Za-z0-9]{16,40}$/),
    })
    await page.waitFor(
      () => page.toasts.some((t) => t.title === '服务暂时不可用，请稍后再试'),
      3000,
      'the failure',
    )
    expect(page.navigations).toEqual([])
    await page.tap('创建项目')
    await page.waitFor(() => creates.length === 2, 3000, 'the create call sent again')
    expect(creates[1]).toEqual(creates[0])
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations[0].url).toBe('/packages/volunteer/pages/project/index?id=p9')
  })
})
