/** 活动详情 (packages/study/pages/session/index): figures, 请假 decisions and 补签/补学 for the secretary. */
import type { MeView } from '@contract/account.contract'
import type { OrgView } from '@contract/org.contract'
import type { AttendanceRow, AttendanceView, LeaveView } from '@contract/study.contract'

import { backend, fail, ok } from './backend'
import { loadPage } from './harness'
import { SESSION } from './study-fixtures'

const PAGE = 'packages/study/pages/session/index'

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
]

const row = (patch: Partial<AttendanceRow> & Pick<AttendanceRow, 'memberId' | 'name'>): AttendanceRow => ({
  orgName: '第一党支部',
  status: 'present',
  method: 'qr',
  at: SESSION.startAt - 60_000,
  reason: null,
  recordedByName: null,
  ...patch,
})

const leave: LeaveView = {
  id: 'l1',
  memberId: 'm4',
  memberName: '李秀英',
  reason: '外出就医',
  status: 'pending',
  requestedAt: SESSION.startAt - 86_400_000,
}

function view(
  rows: AttendanceRow[],
  leaves: LeaveView[] = [],
  phase: AttendanceView['phase'] = 'running',
): AttendanceView {
  return {
    limitedTo: null,
    session: SESSION,
    phase,
    summary: {
      expected: 4,
      present: 2,
      late: 1,
      onLeave: 0,
      absent: 2,
      visitors: 0,
      rateOfExpected: 0.5,
      rateOfRequired: 0.5,
      byMethod: { qr: 1, static: 0, makeup_sign: 1, makeup_study: 0 },
    },
    rows,
    leaves,
  }
}

const rows = [
  row({ memberId: 'm1', name: '冯浩然' }),
  row({
    memberId: 'm2',
    name: '王建国',
    method: 'makeup_sign',
    reason: '手机没电',
    recordedByName: '沈静怡',
    at: SESSION.endAt + 3_600_000,
  }),
  row({ memberId: 'm3', name: '赵丽华', status: 'absent', method: null, at: null }),
  row({
    memberId: 'm4',
    name: '李秀英',
    status: 'leave_pending',
    method: null,
    at: null,
    reason: '外出就医',
  }),
]

const base = {
  'account/me': () => ok(secretary),
  'org/tree': () => ok({ orgs }),
} as const

describe('活动详情', () => {
  test('shows the figures, both rates, counts by method and each 补签 with reason, recorder and time', async () => {
    const page = await loadPage(PAGE, {
      query: { id: 's1' },
      cloud: backend({ ...base, 'attendance/get': () => ok(view(rows, [leave])) }),
    })
    await page.waitForText('出勤率（扣除请假）')
    const text = page.text()
    for (const label of ['应到', '实到', '请假', '缺席', '迟到', '列席', '出示签到码', '编辑']) {
      expect(text).toContain(label)
    }
    expect(text).toContain('50.0%（2/4）')
    expect(text).toContain('扫码签到 1 · 海报码签到 0 · 补签 1 · 补学 0')
    expect(text).toMatch(/补签原因：手机没电 · 记录人：沈静怡 · 11月25日 17:00/)
    expect(page.cloudCalls.find((c) => c.data.action === 'attendance/get')?.data.data).toEqual({
      sessionId: 's1',
    })
  })

  test('the 缺席 tab lists only the absent; 补学 with a reason records it and reloads', async () => {
    let recorded = false
    const page = await loadPage(PAGE, {
      query: { id: 's1' },
      cloud: backend({
        ...base,
        'attendance/get': () =>
          ok(
            view(
              recorded
                ? rows.map((r) =>
                    r.memberId === 'm3'
                      ? {
                          ...r,
                          status: 'present',
                          method: 'makeup_study',
                          reason: '补看录像',
                          recordedByName: '沈静怡',
                          at: SESSION.endAt,
                        }
                      : r,
                  )
                : rows,
            ),
          ),
        'checkin/makeup': (input) => {
          recorded = true
          return ok(
            row({ memberId: input.memberId, name: '赵丽华', method: input.kind, reason: input.reason }),
          )
        },
      }),
    })
    await page.waitForText('赵丽华')
    await page.tap('#filter-absent')
    await page.waitForNoText('冯浩然')
    expect(page.hasText('赵丽华')).toBe(true)

    await page.tap('补学')
    await page.input('补学原因', '补看录像')
    await page.tap('确认补学')
    await page.waitFor(() => page.toasts.some((t) => t.title === '已补学'), 3000, 'the toast')
    expect(page.cloudCalls.find((c) => c.data.action === 'checkin/makeup')?.data.data).toEqual({
      sessionId: 's1',
      memberId: 'm3',
      kind: 'makeup_study',
      reason: '补看录像',
    })
    await page.tap('#filter-all')
    await page.waitForText('补学原因：补看录像')
  })

  test('同意 a pending 请假 sends the decision; a refusal by the server is shown', async () => {
    let n = 0
    const page = await loadPage(PAGE, {
      query: { id: 's1' },
      cloud: backend({
        ...base,
        'attendance/get': () => ok(view(rows, [leave])),
        'leave/decide': () =>
          ++n === 1 ? fail('STUDY.LEAVE_DECIDED') : ok({ ...leave, status: 'approved' }),
      }),
    })
    await page.waitForText('李秀英：外出就医')
    await page.tap('同意')
    await page.waitFor(() => page.toasts.length > 0, 3000, 'a toast')
    expect(page.toasts[0].title).toBe('该请假已处理')
    await page.tap('同意')
    await page.waitFor(() => page.toasts.length > 1, 3000, 'a second toast')
    expect(page.toasts[1].title).toBe('已同意请假')
    expect(page.cloudCalls.filter((c) => c.data.action === 'leave/decide').map((c) => c.data.data)).toEqual([
      { leaveId: 'l1', approve: true },
      { leaveId: 'l1', approve: true },
    ])
  })

  test('before the start: who is expected and who asked for leave, nobody 缺席, no 补签', async () => {
    const before: AttendanceView = {
      ...view(
        [
          row({ memberId: 'm1', name: '冯浩然', status: 'upcoming', method: null, at: null }),
          row({ memberId: 'm3', name: '赵丽华', status: 'upcoming', method: null, at: null }),
          row({ memberId: 'm4', name: '李秀英', status: 'leave_pending', method: null, at: null }),
        ],
        [leave],
        'upcoming',
      ),
    }
    before.summary = { ...before.summary, expected: 3, present: 0, late: 0, absent: 0 }
    const page = await loadPage(PAGE, {
      query: { id: 's1' },
      cloud: backend({ ...base, 'attendance/get': () => ok(before) }),
    })
    await page.waitForText('赵丽华')
    const text = page.text()
    expect(text).toContain('活动尚未开始，开始后统计出勤率')
    expect(text).toContain('未开始')
    expect(text).toContain('请假待批')
    expect(text).toContain('李秀英：外出就医')
    expect(text).toContain('出示签到码')
    expect(text).not.toContain('缺席')
    expect(text).not.toContain('出勤率（扣除请假）')
    const lines = text.split('\n')
    expect(lines).not.toContain('补签')
    expect(lines).not.toContain('补学')
  })

  test('after the end: no 出示签到码 and no poster code, 补签 still offered for the absent', async () => {
    const page = await loadPage(PAGE, {
      query: { id: 's1' },
      cloud: backend({ ...base, 'attendance/get': () => ok(view(rows, [], 'ended')) }),
    })
    await page.waitForText('赵丽华')
    const text = page.text()
    expect(text).toContain('活动已结束，签到已关闭')
    expect(text).not.toContain('出示签到码')
    expect(text).not.toContain('海报码（可打印张贴')
    expect(text).toContain('缺席')
    expect(text.split('\n')).toContain('补签')
  })

  test('a member without session.manage is told so and nothing is loaded', async () => {
    const page = await loadPage(PAGE, {
      query: { id: 's1' },
      cloud: backend({ ...base, 'account/me': () => ok({ ...secretary, roles: [] }) }),
    })
    await page.waitForText('你没有管理学习活动的权限')
    expect(page.cloudCalls.some((c) => c.data.action === 'attendance/get')).toBe(false)
  })
})
