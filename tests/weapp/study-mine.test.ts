/** 我的学习 (packages/study/pages/mine/index): the month's count against 每月2次 and 请假 before a session. */
import type { LeaveView, MyStudyView } from '@contract/study.contract'

import { backend, fail, ok } from './backend'
import { loadPage } from './harness'
import { myStudy, session } from './study-fixtures'

const MINE = 'packages/study/pages/mine/index'

const entries: MyStudyView['sessions'] = [
  { session: session({ id: 'a', title: '集体学习一' }), status: 'present', method: 'qr', leave: null },
  {
    session: session({ id: 'b', title: '集体学习二' }),
    status: 'present',
    method: 'makeup_study',
    leave: null,
  },
  { session: session({ id: 'c', title: '主题党日' }), status: 'absent', method: null, leave: null },
  { session: session({ id: 'd', title: '月底党课' }), status: 'upcoming', method: null, leave: null },
]

describe('我的学习', () => {
  test('shows 还差N次 for this month and each session’s status, 补学 as such', async () => {
    const page = await loadPage(MINE, {
      cloud: backend({ 'study/mine': () => ok(myStudy({ theoryCount: 1, sessions: entries })) }),
    })
    await page.waitForText('还差1次')
    const lines = page.text().split('\n')
    expect(lines).toEqual(expect.arrayContaining(['已签到', '补学', '缺席', '未开始']))
    expect(page.hasText('已达标')).toBe(false)
    const sent = page.cloudCalls[0].data
    expect(sent.action).toBe('study/mine')
    expect((sent.data as { month: string }).month).toMatch(/^\d{4}-\d{2}$/)
  })

  test('reads 已达标 when the rule is met, and 上月 asks for the month before', async () => {
    const page = await loadPage(MINE, {
      cloud: backend({
        'study/mine': ({ month }) => ok(myStudy({ month: month ?? '', theoryCount: 2, met: true })),
      }),
    })
    await page.waitForText('已达标')
    expect(page.text()).toContain('本月没有需要参加的学习活动')
    await page.tap('上月')
    await page.waitFor(() => page.cloudCalls.length === 2, 3000, 'a second load')
    const [first, second] = page.cloudCalls.map((c) => (c.data.data as { month: string }).month)
    const [y, m] = first.split('-').map(Number)
    expect(second).toBe(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`)
  })

  test('请假 for an upcoming session sends the reason and shows it waiting for approval', async () => {
    const leave: LeaveView = {
      id: 'l1',
      memberId: 'm1',
      memberName: '冯浩然',
      reason: '外出就医',
      status: 'pending',
      requestedAt: Date.now(),
    }
    const page = await loadPage(MINE, {
      cloud: backend({
        'study/mine': () => ok(myStudy({ sessions: entries })),
        'leave/request': () => ok(leave),
      }),
    })
    await page.tap('请假')
    await page.waitForText('提交请假')
    expect(page.isDisabled('提交请假')).toBe(true)
    await page.input('请假原因', '外出就医')
    await page.tap('提交请假')
    await page.waitForText('请假待审批：外出就医')
    expect(page.cloudCalls.at(-1)?.data).toEqual({
      action: 'leave/request',
      data: { sessionId: 'd', reason: '外出就医' },
    })
    expect(page.toasts.map((t) => t.title)).toContain('请假已提交')
    expect(page.hasText('提交请假')).toBe(false)
  })

  test('a failed load shows the message and 重试 loads again', async () => {
    let n = 0
    const page = await loadPage(MINE, {
      cloud: backend({ 'study/mine': () => (++n === 1 ? fail('COMMON.INTERNAL') : ok(myStudy())) }),
    })
    await page.waitForText('服务暂时不可用，请稍后再试')
    await page.tap('重试')
    await page.waitForText('还差2次')
  })
})
