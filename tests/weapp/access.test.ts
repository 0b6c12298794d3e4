/**
 * Who can see what, on the real weapp build: the 纪工委's tiles on 首页, read-only study screens for readers who
 * manage nothing, and the names behind 学习达标 and 成绩统计 with 提醒 and 导出名单.
 */
import type { AttendanceRow, AttendanceView, RuleReportView } from '@contract/study.contract'

import { monthOf } from '../../cloudfunctions/domain/time'
import { communitySecretary, me, ORGS, role } from './admin-fixtures'
import { backend, ok } from './backend'
import { loadPage, type PageHarness, parseUrl } from './harness'
import { SECRETARY, STATS } from './quiz-fixtures'
import { SESSION } from './study-fixtures'

jest.setTimeout(20_000)

const HOME = 'pages/home/index'
const SESSION_PAGE = 'packages/study/pages/session/index'
const SESSIONS = 'packages/study/pages/sessions/index'
const RULE = 'packages/study/pages/rule/index'
const RESULTS = 'packages/quiz/pages/results/index'

const inspector = me([role('inspector', 's')])
const branchSecretary = me([role('branch_secretary', 'c1-b2')])
const tree = { 'org/tree': () => ok({ orgs: ORGS }) } as const

const lines = (page: PageHarness) => page.text().split('\n')
const sent = (page: PageHarness, action: string) =>
  page.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data.data)

const row = (patch: Partial<AttendanceRow> & Pick<AttendanceRow, 'memberId' | 'name'>): AttendanceRow => ({
  orgName: '第二党支部',
  status: 'present',
  method: 'qr',
  at: SESSION.startAt - 60_000,
  reason: null,
  recordedByName: null,
  ...patch,
})

const attendance = (limitedTo: string[] | null): AttendanceView => ({
  session: SESSION,
  // Under way: the code, 补签/补学 and the leave decisions are all offered to whoever manages the session.
  phase: 'running',
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
  rows: [
    row({ memberId: 'm1', name: '冯浩然' }),
    row({ memberId: 'm3', name: '赵丽华', status: 'absent', method: null, at: null }),
  ],
  leaves: [
    {
      id: 'l1',
      memberId: 'm4',
      memberName: '李秀英',
      reason: '外出就医',
      status: 'pending',
      requestedAt: SESSION.startAt - 86_400_000,
    },
  ],
  limitedTo,
})

const WRITES = ['出示签到码', '编辑', '补签', '补学', '同意', '不同意', '新建活动']

describe('the 纪工委 on 首页', () => {
  test('has tiles for 学习活动, 学习达标, 讲师队伍 and 考试成绩; 考试成绩 opens the exam list', async () => {
    const page = await loadPage(HOME, { cloud: backend({ 'account/me': () => ok(inspector) }) })
    await page.waitForText('考试成绩')
    expect(lines(page)).toEqual(
      expect.arrayContaining(['学习活动', '查看活动与出勤', '学习达标', '讲师队伍', '考试成绩']),
    )
    expect(page.hasText('考试管理')).toBe(false)
    await page.tap('考试成绩')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(parseUrl(page.navigations[0].url!).route).toBe('packages/quiz/pages/manage/index')
  })
})

describe('read-only study screens', () => {
  test('the 纪工委 reads a session’s attendance with no way to change it', async () => {
    const page = await loadPage(SESSION_PAGE, {
      query: { id: 's1' },
      cloud: backend({
        'account/me': () => ok(inspector),
        ...tree,
        'attendance/get': () => ok(attendance(null)),
      }),
    })
    await page.waitForText('赵丽华')
    expect(lines(page)).toEqual(expect.arrayContaining(['十一月专题党课', '冯浩然', '应到']))
    for (const write of WRITES) expect(lines(page)).not.toContain(write)
    expect(page.hasText('海报码（可打印张贴，不会变化）')).toBe(false)
    expect(page.hasText('待审批的请假')).toBe(false)
  })

  test('a 支部书记 at the community’s session is told the list is their branch’s, and changes nothing', async () => {
    const page = await loadPage(SESSION_PAGE, {
      query: { id: 's1' },
      cloud: backend({
        'account/me': () => ok(branchSecretary),
        ...tree,
        'attendance/get': () => ok(attendance(['第二党支部'])),
      }),
    })
    await page.waitForText('仅显示第二党支部的党员')
    for (const write of WRITES) expect(lines(page)).not.toContain(write)
  })

  test('the community secretary keeps every action on the same screen', async () => {
    const page = await loadPage(SESSION_PAGE, {
      query: { id: 's1' },
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree,
        'attendance/get': () => ok(attendance(null)),
      }),
    })
    await page.waitForText('赵丽华')
    expect(lines(page)).toEqual(expect.arrayContaining(['出示签到码', '编辑', '补签', '补学', '同意']))
    expect(page.hasText('仅显示')).toBe(false)
  })

  test('the 纪工委 lists the street’s sessions without 新建活动', async () => {
    const page = await loadPage(SESSIONS, {
      cloud: backend({
        'account/me': () => ok(inspector),
        ...tree,
        'session/list': () => ok({ sessions: [SESSION] }),
      }),
    })
    await page.waitForText('十一月专题党课')
    expect(sent(page, 'session/list')[0]).toMatchObject({ orgId: 's' })
    expect(page.hasText('新建活动')).toBe(false)
  })
})

const report = (reminded: boolean): RuleReportView => ({
  month: '2026-11',
  required: 2,
  total: 12,
  met: 10,
  below: [
    { memberId: 'm3', name: '赵丽华', orgName: '第一党支部', count: 1, remindedToday: reminded },
    { memberId: 'm5', name: '钱卫东', orgName: '第二党支部', count: 0, remindedToday: reminded },
  ],
  remindedToday: reminded ? 2 : 0,
})

describe('学习达标: the names, 提醒 and 导出名单', () => {
  test('a secretary reminds those not yet reminded, then sees 已提醒 on each', async () => {
    let reminded = false
    const page = await loadPage(RULE, {
      cloud: backend({
        'account/me': () => ok(communitySecretary),
        ...tree,
        'study/rule': () => ok(report(reminded)),
        'study/remind': (input) => {
          reminded = true
          return ok({
            sent: input.memberIds.length - 1,
            already: 0,
            unreachable: 1,
            resolved: 0,
            unsubscribed: 0,
            failed: 0,
          })
        },
      }),
    })
    await page.waitForText('今天还没有提醒')
    await page.tap('提醒 2 人')
    await page.waitForText('已提醒1人；1人未绑定微信，无法提醒')
    await page.waitForText('今天已提醒 2 人')
    expect(sent(page, 'study/remind')).toEqual([
      { orgId: 'c1', month: monthOf(Date.now()), memberIds: ['m3', 'm5'] },
    ])
    expect(page.isDisabled('今天都已提醒')).toBe(true)
  })

  test('导出名单 downloads the .xlsx and opens it; the 纪工委 exports but has no 提醒', async () => {
    const page = await loadPage(RULE, {
      cloud: backend({
        'account/me': () => ok(inspector),
        ...tree,
        'study/rule': () => ok(report(false)),
        'study/ruleExport': () =>
          ok({
            fileName: '学习未达标-2026-11-20261125.xlsx',
            url: 'https://files.example/x.xlsx',
            expiresAt: 1,
          }),
      }),
    })
    await page.waitForText('赵丽华')
    expect(page.hasText(/提醒 \d+ 人/)).toBe(false)
    await page.tap('导出名单')
    await page.waitForText('已导出名单：学习未达标-2026-11-20261125.xlsx')
    expect(page.downloads.map((d) => d.url)).toEqual(['https://files.example/x.xlsx'])
    expect(page.documents[0]).toMatchObject({ fileType: 'xlsx', showMenu: true })
  })
})

describe('成绩统计: the names behind the figures', () => {
  test('lists 未参考 and 不合格 with 已提醒 and the score; 提醒 sends the ones not reminded today', async () => {
    const page = await loadPage(RESULTS, {
      query: { examId: 'e1' },
      cloud: backend({
        'account/me': () => ok(SECRETARY),
        'exam/stats': () => ok(STATS),
        'exam/remind': () =>
          ok({ sent: 1, already: 0, unreachable: 0, resolved: 0, unsubscribed: 0, failed: 0 }),
      }),
    })
    await page.waitForText('跟进名单')
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        '未参考（1人）',
        '周晓明',
        '不合格（1人）',
        '吴建国',
        '已提醒 48分',
        '今天已提醒 1 人',
      ]),
    )
    await page.tap('提醒 1 人')
    await page.waitForText('已提醒1人')
    expect(sent(page, 'exam/remind')).toEqual([{ examId: 'e1', orgId: 'c1', memberIds: ['m21'] }])
    expect(page.hasText('导出名单')).toBe(true)
  })
})
