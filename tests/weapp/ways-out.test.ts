/**
 * Nothing confusing (issue 8): pages opened without what they need say so plainly and offer 返回 without
 * asking the server; a not-found answer offers 返回, not 重试; an unknown route has a way home; a tap
 * whose page cannot be loaded says so; a resident at a check-in link is offered
 * binding; invite codes are copied and shared; a declined leave stays in the session's detail.
 */
import type { InviteView, MeView } from '@contract/account.contract'
import type { MemberView, OrgView } from '@contract/org.contract'
import type { AttendanceView, LeaveView } from '@contract/study.contract'

import { MEMBER_CATEGORIES } from '../../cloudfunctions/domain/member.rules'
import { backend, fail, ok } from './backend'
import { loadPage, parseUrl } from './harness'
import { SESSION } from './study-fixtures'

const member: MeView = {
  bound: true,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: { id: 'm1', name: '王红', orgId: 'c1-b1', orgName: '第一党支部', category: MEMBER_CATEGORIES[0] },
  roles: [],
}
const secretary: MeView = {
  bound: true,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: { id: 'm0', name: '沈静怡', orgId: 'c1-b1', orgName: '第一党支部', category: '在职' },
  roles: [{ orgId: 'c1', orgName: '和平社区党委', role: 'community_secretary' }],
}
const orgs: OrgView[] = [
  { id: 's', name: '幸福街道党工委', type: 'street', parentId: null, ancestors: [], order: 0 },
  { id: 'c1', name: '和平社区党委', type: 'community', parentId: 's', ancestors: ['s'], order: 1 },
  { id: 'c1-b1', name: '第一党支部', type: 'branch', parentId: 'c1', ancestors: ['s', 'c1'], order: 0 },
]
// Each test opens a whole page of the build; on a loaded machine that takes a few seconds.
jest.setTimeout(30_000)

const asSecretary = { 'account/me': () => ok(secretary), 'org/tree': () => ok({ orgs }) } as const

describe('a page opened without what it needs', () => {
  test.each([
    ['packages/quiz/pages/exam/index', '没有指定考试，请从党建考核进入'],
    ['packages/quiz/pages/results/index', '没有指定考试，请从考试管理进入'],
    ['packages/study/pages/qr/index', '没有指定活动，请从学习活动进入'],
  ])('%s says “%s”, asks the server nothing and offers 返回 to 首页', async (route, message) => {
    const page = await loadPage(route, { cloud: backend({ 'account/me': () => ok(secretary) }) })
    await page.waitForText(message)
    expect(page.text()).not.toMatch(/examId|sessionId|编号|填写的内容有误/)
    expect(page.hasText('重试')).toBe(false)
    expect(page.cloudCalls.filter((c) => c.data.action !== 'account/me')).toEqual([])
    // Opened by a link, there is no page to go back to: 返回 leads home.
    await page.tap('返回')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations).toEqual([{ type: 'reLaunch', url: '/pages/home/index' }])
  })

  test('a load refused for its input (a malformed id in a link) shows no field name, and offers 返回', async () => {
    const page = await loadPage('packages/study/pages/session/index', {
      query: { id: 'x' },
      cloud: backend({
        ...asSecretary,
        'attendance/get': () => fail('COMMON.INVALID_INPUT', { detail: 'sessionId：编号格式不对' }),
      }),
    })
    await page.waitForText('页面链接不完整或已失效，请返回后重新进入')
    expect(page.text()).not.toMatch(/sessionId|填写的内容有误/)
    expect(page.hasText('返回')).toBe(true)
  })
})

describe('an answer that something is not there', () => {
  test('活动详情 of a deleted session offers 返回, not 重试', async () => {
    const page = await loadPage('packages/study/pages/session/index', {
      query: { id: 'gone' },
      cloud: backend({ ...asSecretary, 'attendance/get': () => fail('STUDY.SESSION_NOT_FOUND') }),
    })
    await page.waitForText('活动不存在或已被删除')
    expect(page.hasText('重试')).toBe(false)
    await page.tap('返回')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations[0].type).toBe('reLaunch')
  })

  test('a failure that may pass still offers 重试', async () => {
    const page = await loadPage('packages/study/pages/session/index', {
      query: { id: 's1' },
      cloud: backend({ ...asSecretary, 'attendance/get': () => fail('COMMON.INTERNAL') }),
    })
    await page.waitForText('重试')
    expect(page.hasText('返回')).toBe(false)
  })
})

describe('an unknown route', () => {
  test('lands on a page that says so, with 回到首页', async () => {
    const page = await loadPage('pages/not-found/index')
    await page.waitForText('没有找到这个页面，链接可能已过期')
    await page.tap('回到首页')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations).toEqual([{ type: 'reLaunch', url: '/pages/home/index' }])
  })
})

describe('taps that cannot open their page', () => {
  test('a tile whose sub-package cannot be downloaded says so instead of doing nothing', async () => {
    const page = await loadPage('pages/home/index', {
      cloud: backend({ 'account/me': () => ok(member) }),
      navigate: () => {
        throw new Error('loadSubpackage: network error')
      },
    })
    await page.tap('我的学习')
    await page.waitFor(() => page.toasts.length > 0, 3000, 'a toast')
    expect(page.toasts.map((t) => t.title)).toEqual(['页面没有打开，请检查网络后重试'])
  })
})

describe('a resident who opens a check-in link', () => {
  const TOKEN = 's1.98765.AAAAAAAAAAAAAAAAAAAAAA'

  test('is offered 去绑定, which opens binding with the way back to this very link', async () => {
    const page = await loadPage('packages/study/pages/checkin/index', {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => fail('COMMON.NOT_BOUND') }),
    })
    await page.waitForText('你还没有绑定党员身份')
    expect(page.hasText('重新扫码')).toBe(false)
    await page.tap('去绑定')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    const { route, query } = parseUrl(page.navigations[0].url!)
    expect(route).toBe('packages/account/pages/bind/index')
    expect(decodeURIComponent(query.back)).toBe(
      `/packages/study/pages/checkin/index?t=${encodeURIComponent(TOKEN)}`,
    )
  })

  test('a member told another failure is offered 重新扫码, not binding', async () => {
    const page = await loadPage('packages/study/pages/checkin/index', {
      query: { t: TOKEN },
      cloud: backend({ 'checkin/scan': () => fail('STUDY.QR_EXPIRED') }),
    })
    await page.waitForText('重新扫码')
    expect(page.hasText('去绑定')).toBe(false)
  })
})

describe('an invite code on the secretary’s phone', () => {
  const invite: InviteView = {
    code: 'K7P2QX9M',
    memberName: '王建国',
    expiresAt: Date.UTC(2026, 11, 1, 16, 30),
  }
  const wang: MemberView = {
    id: 'm1',
    name: '王建国',
    gender: '男',
    phone: '138****1111',
    orgId: 'c1-b1',
    orgName: '第一党支部',
    category: '在职',
    cadreLevel: null,
    roles: [],
    bound: false,
  }

  test('复制邀请码 puts the code on the clipboard; 发给微信好友 shares the binding page with the code filled in', async () => {
    const page = await loadPage('packages/admin/pages/member/index', {
      query: { id: 'm1' },
      cloud: backend({
        ...asSecretary,
        'member/get': () => ok(wang),
        'account/createInvite': () => ok(invite),
      }),
    })
    await page.tap('生成邀请码')
    await page.waitForText('K7P2QX9M')
    await page.tap('复制邀请码')
    await page.waitFor(() => page.clipboard.length > 0, 3000, 'the clipboard')
    expect(page.clipboard).toEqual(['K7P2QX9M'])
    await page.waitFor(() => page.toasts.some((t) => t.title === '邀请码已复制'), 3000, 'the toast')

    expect(page.hasText('发给微信好友')).toBe(true)
    expect(page.attrOf('#invite-share', 'openType')).toBe('share')
    const shared = page.lifecycle('onShareAppMessage', { from: 'button' }) as { title: string; path: string }
    expect(shared.title).toContain('王建国')
    expect(parseUrl(shared.path)).toEqual({
      route: 'packages/account/pages/bind/index',
      query: { code: 'K7P2QX9M' },
    })
  })
})

describe('a declined leave', () => {
  const leave = (patch: Partial<LeaveView>): LeaveView => ({
    id: 'l1',
    memberId: 'm4',
    memberName: '李秀英',
    reason: '外出就医',
    status: 'pending',
    requestedAt: SESSION.startAt - 86_400_000,
    ...patch,
  })
  const view = (leaves: LeaveView[]): AttendanceView => ({
    session: SESSION,
    phase: 'upcoming',
    limitedTo: null,
    summary: {
      expected: 2,
      present: 1,
      late: 0,
      onLeave: 0,
      absent: 1,
      visitors: 0,
      rateOfExpected: 0.5,
      rateOfRequired: 0.5,
      byMethod: { qr: 1, static: 0, makeup_sign: 0, makeup_study: 0 },
    },
    rows: [],
    leaves,
  })

  test('stays visible in the session’s detail, with its reason, apart from those waiting', async () => {
    const page = await loadPage('packages/study/pages/session/index', {
      query: { id: 's1' },
      cloud: backend({
        ...asSecretary,
        'attendance/get': () =>
          ok(
            view([
              leave({ status: 'declined' }),
              leave({ id: 'l2', memberId: 'm5', memberName: '赵丽华', reason: '值班' }),
            ]),
          ),
      }),
    })
    await page.waitForText('未同意的请假（1）')
    expect(page.text()).toContain('李秀英：外出就医')
    expect(page.text()).toContain('未同意，按应到计')
    expect(page.text()).toContain('待审批的请假（1）')
    expect(page.text()).toContain('赵丽华：值班')
  })
})
