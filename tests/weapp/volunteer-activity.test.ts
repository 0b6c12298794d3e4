/**
 * 志愿活动 (packages/volunteer/pages/activity/index): 报名 asks for the cancellation notice from the tap; before the
 * start its organiser changes or cancels it, and a cancelled activity says so with its reason.
 */
import type { ActivityDetail } from '@contract/volunteer.contract'

import { backend, fail, ok } from './backend'
import { loadPage } from './harness'
import { activitySummary, HOUR } from './volunteer-fixtures'

const ACTIVITY = 'packages/volunteer/pages/activity/index'
const NOTICE = 'tmpl-volunteer-notice'
function detail(patch: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    ...activitySummary(Date.now() + 48 * HOUR),
    canManage: false,
    myEntries: [],
    noticeTemplateId: NOTICE,
    ...patch,
  }
}

describe('志愿活动', () => {
  test('报名 asks WeChat for the cancellation notice from the tap, then signs up', async () => {
    let joined = false
    const page = await loadPage(ACTIVITY, {
      query: { id: 'act-1' },
      requestSubscribeMessage: (ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])),
      cloud: backend({
        'activity/get': () => ok(detail({ joined, signedUp: joined ? 4 : 3 })),
        'signup/join': () => {
          joined = true
          return ok(detail({ joined: true, signedUp: 4 }))
        },
      }),
    })
    await page.tap('报名')
    await page.waitForText('取消报名')
    expect(page.subscribeRequests).toEqual([[NOTICE]])
    expect(page.cloudCalls.map((c) => c.data)).toContainEqual({
      action: 'signup/join',
      data: { activityId: 'act-1' },
    })
    expect(page.text()).not.toContain('取消活动')
  })

  test('the organiser cancels it with a reason; everyone then sees 已取消 and why, and 报名 is gone', async () => {
    let cancelled = false
    const page = await loadPage(ACTIVITY, {
      query: { id: 'act-1' },
      cloud: backend({
        'activity/get': () =>
          ok(
            detail({
              canManage: true,
              ...(cancelled ? { status: 'cancelled' as const, cancelReason: '暴雨预警，改期另行通知' } : {}),
            }),
          ),
        'activity/cancel': ({ reason }) => {
          cancelled = true
          return ok({
            activity: detail({ status: 'cancelled', cancelReason: reason }),
            sent: 2,
            unsubscribed: 1,
            unreachable: 0,
          })
        },
      }),
    })
    await page.tap('取消活动')
    await page.waitForText('已报名的3人会收到取消通知')
    expect(page.isDisabled('确认取消活动')).toBe(true)
    await page.input('.cancel-reason', '暴雨预警，改期另行通知')
    await page.tap('确认取消活动')
    await page.waitForText('活动已取消：暴雨预警，改期另行通知')
    expect(page.cloudCalls.map((c) => c.data)).toContainEqual({
      action: 'activity/cancel',
      data: { activityId: 'act-1', reason: '暴雨预警，改期另行通知' },
    })
    expect(page.toasts.map((t) => t.title)).toContain('已取消，已通知2人')
    const text = page.text()
    expect(text).toContain('已取消')
    for (const gone of ['报名', '修改活动', '取消活动', '出示签到码'])
      expect(text).not.toMatch(new RegExp(`^${gone}$`, 'm'))
  })

  test('修改活动 sends the form as changed, and says why the server refused a capacity below the sign-ups', async () => {
    const page = await loadPage(ACTIVITY, {
      query: { id: 'act-1' },
      cloud: backend({
        'activity/get': () => ok(detail({ canManage: true })),
        'activity/update': () => fail('VOLUNTEER.CAPACITY_BELOW', { count: 3 }),
      }),
    })
    await page.tap('修改活动')
    await page.waitForText('已有3人报名，人数上限不能少于3；')
    expect(page.valueOf('.form-title')).toBe('楼道杂物清理')
    await page.input('.form-capacity', '2')
    await page.tap('保存修改')
    await page.waitFor(() => page.toasts.length > 0, 3000, 'a toast')
    expect(page.toasts[0].title).toBe('已有3人报名，人数上限不能少于3')
    const sent = page.cloudCalls.find((c) => c.data.action === 'activity/update')
    expect(sent?.data).toEqual({
      action: 'activity/update',
      data: expect.objectContaining({
        activityId: 'act-1',
        capacity: 2,
        title: '楼道杂物清理',
        place: '光明里小区',
      }),
    })
    // Still open for another try.
    expect(page.text()).toContain('保存修改')
  })
})
