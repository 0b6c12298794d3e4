/**
 * The secretary's study screens (packages/study/pages/{sessions,session-edit,rule,lecturers}) of the real
 * weapp build: the month's sessions, creating and editing one, 学习达标 and 讲师队伍.
 */
import type { LecturerReportView, LecturerView, RuleReportView } from '@contract/study.contract'

import { monthOf, shiftMonth, yearOf } from '../../cloudfunctions/domain/time'
import { communitySecretary, fire, ORGS, pickersOf, plainMember, typeInto } from './admin-fixtures'
import { backend, fail, ok } from './backend'
import { loadPage, type PageHarness, parseUrl } from './harness'
import { SESSION, session } from './study-fixtures'

const SESSIONS = 'packages/study/pages/sessions/index'
const EDIT = 'packages/study/pages/session-edit/index'
const RULE = 'packages/study/pages/rule/index'
const LECTURERS = 'packages/study/pages/lecturers/index'

/** A community secretary of 和平社区党委 (session.manage there and below). */
const base = {
  'account/me': () => ok(communitySecretary),
  'org/tree': () => ok({ orgs: ORGS }),
} as const

const lines = (page: PageHarness) => page.text().split('\n')
const sent = (page: PageHarness, action: string) =>
  page.cloudCalls.filter((c) => c.data.action === action).map((c) => c.data.data)
const chipOn = (page: PageHarness, label: string) =>
  Array.from(page.dom.querySelectorAll('wx-view.chip--on')).some((el) => el.textContent?.trim() === label)

describe('学习活动', () => {
  test("lists the org's sessions of this month from session/list", async () => {
    const page = await loadPage(SESSIONS, {
      cloud: backend({
        ...base,
        'session/list': () =>
          ok({
            sessions: [
              SESSION,
              session({
                id: 's2',
                title: '主题党日：走访困难党员',
                type: 'theme_day',
                format: 'activity',
                orgName: '第一党支部',
                status: 'cancelled',
                cancelReason: '暴雨',
              }),
            ],
          }),
      }),
    })
    await page.waitForText('十一月专题党课')
    expect(sent(page, 'session/list')).toEqual([{ orgId: 'c1', month: monthOf(Date.now()) }])
    expect(lines(page)).toEqual(
      expect.arrayContaining([
        '和平社区党委',
        '党课 · 理论学习 · 和平社区党委',
        '11月25日 14:30–16:00 · 社区党群服务中心二楼',
        '主题党日：走访困难党员',
        '主题党日 · 活动 · 第一党支部',
        '已取消',
      ]),
    )
  })

  test('an empty month says so; 上月 asks for the month before', async () => {
    const page = await loadPage(SESSIONS, {
      cloud: backend({ ...base, 'session/list': () => ok({ sessions: [] }) }),
    })
    await page.waitForText('本月还没有学习活动')
    const [first] = sent(page, 'session/list') as { month: string }[]
    await page.tap('上月')
    await page.waitFor(() => sent(page, 'session/list').length === 2, 3000, 'a second load')
    expect(sent(page, 'session/list')[1]).toEqual({ orgId: 'c1', month: shiftMonth(first.month, -1) })
  })

  test('新建活动 opens the editor for the org; a session opens its page', async () => {
    const page = await loadPage(SESSIONS, {
      cloud: backend({ ...base, 'session/list': () => ok({ sessions: [SESSION] }) }),
    })
    await page.tap('新建活动')
    await page.tap('十一月专题党课')
    await page.waitFor(() => page.navigations.length === 2, 3000, 'two navigations')
    expect(page.navigations.map((n) => [n.type, parseUrl(n.url!).route, parseUrl(n.url!).query])).toEqual([
      ['navigateTo', 'packages/study/pages/session-edit/index', { orgId: 'c1' }],
      ['navigateTo', 'packages/study/pages/session/index', { id: 's1' }],
    ])
  })

  test('a failed list shows the message and 重试 loads again', async () => {
    let n = 0
    const page = await loadPage(SESSIONS, {
      cloud: backend({
        ...base,
        'session/list': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok({ sessions: [SESSION] })),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('十一月专题党课')
    expect(page.hasText('服务暂时不可用')).toBe(false)
  })

  test('a member without session.manage is told so and nothing is listed', async () => {
    const page = await loadPage(SESSIONS, {
      cloud: backend({ ...base, 'account/me': () => ok(plainMember) }),
    })
    await page.waitForText('你没有管理学习活动的权限，如有需要请联系街道党工委')
    expect(sent(page, 'session/list')).toEqual([])
    expect(page.hasText('新建活动')).toBe(false)
  })
})

/** Picks a date and a time in the field labelled `label` ('开始时间' / '结束时间'), as the phone's pickers do. */
async function pickDateTime(page: PageHarness, label: string, date: string, time: string) {
  const [datePicker, timePicker] = pickersOf(page.dom, label)
  fire(datePicker, 'change', { value: date })
  await page.waitFor(() => datePicker.textContent?.trim() === date, 3000, `${label} date ${date}`)
  fire(timePicker, 'change', { value: time })
  await page.waitFor(() => timePicker.textContent?.trim() === time, 3000, `${label} time ${time}`)
}

const editor = { ...base, 'lecturer/list': () => ok({ lecturers: [] }) } as const

describe('新建活动', () => {
  test('创建活动 sends the typed title and place, China-time timestamps and the default rules', async () => {
    const page = await loadPage(EDIT, {
      query: { orgId: 'c1' },
      cloud: backend({
        ...editor,
        'session/create': (input) => ok(session({ ...input, id: 'new1', lecturerName: null })),
      }),
    })
    await page.waitForText('创建活动')
    await typeInto(page, '活动标题', '十二月集体学习')
    await typeInto(page, '活动地点', '和平社区党群服务中心')
    await pickDateTime(page, '开始时间', '2026-12-03', '19:30')
    await pickDateTime(page, '结束时间', '2026-12-03', '21:00')
    await page.tap('创建活动')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'the new session to open')
    expect(sent(page, 'session/create')).toEqual([
      {
        type: 'group_study',
        format: 'theory',
        title: '十二月集体学习',
        lecturerId: null,
        orgId: 'c1',
        startAt: Date.UTC(2026, 11, 3, 11, 30), // 19:30 in China
        endAt: Date.UTC(2026, 11, 3, 13, 0),
        place: '和平社区党群服务中心',
        allowVisitors: false,
        rotateSeconds: 20,
        lateAfterMinutes: 5,
        // The form's own key: sent again, the same form is one session (common.schema.ts).
        submitKey: expect.stringMatching(/^[A-Za-z0-9]{16,40}$/),
      },
    ])
    expect(chipOn(page, '20秒') && chipOn(page, '5分钟')).toBe(true)
    expect(page.navigations.map((n) => [n.type, parseUrl(n.url!).route, parseUrl(n.url!).query])).toEqual([
      ['redirectTo', 'packages/study/pages/session/index', { id: 'new1' }],
    ])
    expect(page.toasts.map((t) => t.title)).toContain('已创建')
  })

  test('without a title nothing is sent; a refusal by the server is shown and the form stays', async () => {
    const page = await loadPage(EDIT, {
      query: { orgId: 'c1' },
      cloud: backend({
        ...editor,
        'session/create': () => fail('STUDY.BAD_TIME', { detail: '开始时间不能早于现在' }),
      }),
    })
    await page.tap('创建活动')
    await page.waitForText('请填写活动标题')
    expect(sent(page, 'session/create')).toEqual([])

    await typeInto(page, '活动标题', '十二月集体学习')
    await typeInto(page, '活动地点', '社区会议室')
    await page.tap('创建活动')
    await page.waitForText('开始时间不能早于现在')
    expect(sent(page, 'session/create')).toHaveLength(1)
    expect(page.navigations).toEqual([])
    expect(page.valueOf('活动标题')).toBe('十二月集体学习')
    // Sent again from the same form, with the same key: the server stores one session however often it arrives.
    await page.tap('创建活动')
    await page.waitFor(() => sent(page, 'session/create').length === 2, 3000, 'sent again')
    const [first, again] = sent(page, 'session/create') as { submitKey?: string }[]
    expect(again.submitKey).toBe(first.submitKey)
  })

  test('editing a session sends only the changed fields through session/update, then goes back', async () => {
    const page = await loadPage(EDIT, {
      query: { id: 's1' },
      cloud: backend({
        ...editor,
        'session/get': () => ok(SESSION),
        'session/update': (input) => ok({ ...SESSION, ...input.patch }),
      }),
    })
    await page.waitForText('保存修改')
    expect(sent(page, 'session/get')).toEqual([{ sessionId: 's1' }])
    expect(page.valueOf('活动标题')).toBe('十一月专题党课')
    expect(page.valueOf('活动地点')).toBe('社区党群服务中心二楼')
    await typeInto(page, '活动标题', '十一月专题党课（改期）')
    await page.tap('10分钟')
    await page.waitFor(() => chipOn(page, '10分钟'), 3000, '10分钟 to be chosen')
    await page.tap('保存修改')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'going back')
    expect(sent(page, 'session/update')).toEqual([
      { sessionId: 's1', patch: { title: '十一月专题党课（改期）', lateAfterMinutes: 10 } },
    ])
    expect(page.navigations).toEqual([{ type: 'navigateBack', delta: 1 }])
    expect(page.toasts.map((t) => t.title)).toContain('已保存')
  })

  test('saving an unchanged session sends nothing and says so', async () => {
    const page = await loadPage(EDIT, {
      query: { id: 's1' },
      cloud: backend({ ...editor, 'session/get': () => ok(SESSION) }),
    })
    await page.tap('保存修改')
    await page.waitForText('没有需要保存的修改')
    expect(sent(page, 'session/update')).toEqual([])
  })
})

const report = (patch: Partial<RuleReportView> = {}): RuleReportView => ({
  month: '2026-11',
  required: 2,
  total: 12,
  met: 9,
  below: [
    { memberId: 'm3', name: '赵丽华', orgName: '第一党支部', count: 1, remindedToday: false },
    { memberId: 'm5', name: '钱卫东', orgName: '第二党支部', count: 0, remindedToday: false },
    { memberId: 'm7', name: '孙晓梅', orgName: '第二党支部', count: 1, remindedToday: false },
  ],
  remindedToday: 0,
  ...patch,
})

describe('学习达标', () => {
  test('shows 应学人数, 达标人数 and each member below the rule with their count', async () => {
    const page = await loadPage(RULE, { cloud: backend({ ...base, 'study/rule': () => ok(report()) }) })
    await page.waitForText('应学人数')
    expect(sent(page, 'study/rule')).toEqual([{ orgId: 'c1', month: monthOf(Date.now()) }])
    const text = page.text()
    expect(text).toContain('12\n应学人数')
    expect(text).toContain('9\n达标人数')
    expect(text).toContain('3\n未达标')
    expect(text).toContain('达标：每月至少参加2次理论学习')
    expect(text).toContain('未达到每月2次的党员')
    expect(text).toContain('赵丽华\n第一党支部\n1次')
    expect(text).toContain('钱卫东\n第二党支部\n0次')
    expect(text).toContain('孙晓梅\n第二党支部\n1次')
  })

  test('all met reads 本月全部达标; an org without members says so', async () => {
    const page = await loadPage(RULE, {
      cloud: backend({
        ...base,
        'study/rule': ({ month }) =>
          ok(
            month === monthOf(Date.now())
              ? report({ met: 12, below: [] })
              : report({ total: 0, met: 0, below: [] }),
          ),
      }),
    })
    await page.waitForText('本月全部达标')
    await page.tap('上月')
    await page.waitForText('该组织下还没有党员')
  })

  test('a failed report shows the message and 重试 loads again', async () => {
    let n = 0
    const page = await loadPage(RULE, {
      cloud: backend({ ...base, 'study/rule': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(report())) }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('钱卫东')
  })
})

const WANG: LecturerView = {
  id: 'l1',
  name: '王教授',
  isStaff: false,
  speciality: '党史',
  orgId: 'c1',
  orgName: '和平社区党委',
}

const yearReport = (year: number, lecturers: LecturerView[] = [WANG]): LecturerReportView => ({
  year,
  lecturers: lecturers.map((l, i) => ({ ...l, sessions: i === 0 ? 5 : 0 })),
  byType: {
    party_lecture: 3,
    group_study: 4,
    theme_day: 1,
    forum: 0,
    preach: 0,
    branch_meeting: 0,
    committee_meeting: 0,
    party_group: 0,
    general_meeting: 0,
  },
  byFormat: { theory: 7, activity: 1 },
  total: 8,
})

describe('讲师队伍', () => {
  test('lists the lecturers and the year report with counts by lecturer, type and format', async () => {
    const page = await loadPage(LECTURERS, {
      cloud: backend({
        ...base,
        'lecturer/list': () => ok({ lecturers: [WANG] }),
        'lecturer/report': ({ year }) => ok(yearReport(year)),
      }),
    })
    const year = yearOf(Date.now())
    await page.waitForText(`${year}年共8场学习活动`)
    expect(sent(page, 'lecturer/list')).toEqual([{ orgId: 'c1' }])
    expect(sent(page, 'lecturer/report')).toEqual([{ orgId: 'c1', year }])
    const text = page.text()
    expect(text).toContain('王教授\n外聘 · 党史')
    expect(text).toContain('王教授（外聘）\n5')
    expect(text).toContain('党课\n3')
    expect(text).toContain('集体学习\n4')
    expect(text).toContain('主题党日\n1')
    expect(text).toContain('理论学习\n7')
    expect(text).toContain('活动\n1')

    await page.tap('下一年')
    await page.waitForText(`${year + 1}年共8场学习活动`)
    expect(sent(page, 'lecturer/report')[1]).toEqual({ orgId: 'c1', year: year + 1 })
  })

  test('添加讲师 sends lecturer/save with the typed fields; the new lecturer is listed', async () => {
    const page = await loadPage(LECTURERS, {
      cloud: backend({
        ...base,
        'lecturer/list': () => ok({ lecturers: [] }),
        'lecturer/save': (input) => ok({ ...input, id: 'l2', orgName: '和平社区党委' }),
        'lecturer/report': ({ year }) => ok(yearReport(year, [])),
      }),
    })
    await page.waitForText('还没有讲师，请添加')
    await page.tap('添加讲师')
    await page.waitForText('本单位人员')
    expect(page.isDisabled('保存')).toBe(true)
    await typeInto(page, '讲师姓名', '李明')
    await typeInto(page, '专长，如：党史、基层治理', '基层治理')
    const staff = page.dom.querySelector('wx-switch')
    if (!staff) throw new Error('no 本单位人员 switch')
    fire(staff, 'change', { value: false })
    await page.waitFor(() => page.attrOf('switch', 'checked') === false, 3000, '本单位人员 to be off')
    await page.tap('保存')
    await page.waitForText('外聘 · 基层治理')
    expect(sent(page, 'lecturer/save')).toEqual([
      { orgId: 'c1', name: '李明', isStaff: false, speciality: '基层治理' },
    ])
    expect(page.hasText('还没有讲师，请添加')).toBe(false)
    expect(page.hasText('本单位人员')).toBe(false) // the form has closed
    expect(sent(page, 'lecturer/report')).toHaveLength(2) // the report is read again after a change
    expect(page.toasts.map((t) => t.title)).toContain('已保存')
  })

  test('a failed list shows the message and 重试 loads again', async () => {
    let n = 0
    const page = await loadPage(LECTURERS, {
      cloud: backend({
        ...base,
        'lecturer/list': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok({ lecturers: [WANG] })),
        'lecturer/report': ({ year }) => ok(yearReport(year)),
      }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('外聘 · 党史')
    expect(sent(page, 'lecturer/list')).toHaveLength(2)
  })
})

describe('the session editor, less to get wrong', () => {
  test('with no lecturers in the pool the 讲师 field says where they are added, and goes there', async () => {
    const page = await loadPage(EDIT, { query: { orgId: 'c1' }, cloud: backend({ ...editor }) })
    await page.waitForText('还没有可选的讲师。可在「讲师队伍」中添加，或在花名册中为党员授予“讲师”角色。')
    await page.tap('去讲师队伍添加 ›')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(parseUrl(page.navigations[0].url!).route).toBe('packages/study/pages/lecturers/index')
  })

  test('with lecturers it offers them and still names the pool they come from', async () => {
    const page = await loadPage(EDIT, {
      query: { orgId: 'c1' },
      cloud: backend({ ...base, 'lecturer/list': () => ok({ lecturers: [WANG] }) }),
    })
    await page.waitForText(
      '名单来自本组织及上级的「讲师队伍」和持有“讲师”角色的党员；新讲师在「讲师队伍」中添加。',
    )
    expect(page.hasText('还没有可选的讲师')).toBe(false)
  })

  test('a new start date moves the end with it, keeping the session’s length', async () => {
    const page = await loadPage(EDIT, { query: { orgId: 'c1' }, cloud: backend({ ...editor }) })
    await page.waitForText('创建活动')
    await pickDateTime(page, '开始时间', '2026-12-03', '19:30')
    await pickDateTime(page, '结束时间', '2026-12-03', '21:00')
    await pickDateTime(page, '开始时间', '2026-12-10', '19:30')
    const [endDate, endTime] = pickersOf(page.dom, '结束时间')
    await page.waitFor(() => endDate.textContent?.trim() === '2026-12-10', 3000, 'the end to move')
    expect(endTime.textContent?.trim()).toBe('21:00')
  })
})
