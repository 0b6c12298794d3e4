/**
 * 我的 (pages/mine/index): 接收提醒 asks WeChat to let the secretary's reminders through, for the templates the
 * server names; a resident is asked for nothing.
 */
import type { MeView } from '@contract/account.contract'

import { backend, ok } from './backend'
import { loadPage } from './harness'

const MINE = 'pages/mine/index'

const member: MeView = {
  bound: true,
  member: { id: 'm1', name: '冯浩然', orgId: 'b1', orgName: '幸福社区第一支部', category: '在职' },
  roles: [],
  reminderTemplateIds: ['tmpl-exam', 'tmpl-study'],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
}

describe('接收提醒 on 我的', () => {
  test('asks WeChat to allow the templates the server names, and says what the member chose', async () => {
    const page = await loadPage(MINE, {
      cloud: backend({ 'account/me': () => ok(member) }),
      requestSubscribeMessage: (ids) => Object.fromEntries(ids.map((id) => [id, 'accept'])),
    })
    await page.waitForText('冯浩然')
    await page.tap('接收提醒')
    await page.waitForText('已开启提醒：书记提醒你学习、考试或签承诺书时，微信会通知你')
    expect(page.subscribeRequests).toEqual([['tmpl-exam', 'tmpl-study']])
  })

  test('a member who declines is told the reminders will not reach them', async () => {
    const page = await loadPage(MINE, {
      cloud: backend({ 'account/me': () => ok(member) }),
      requestSubscribeMessage: (ids) => Object.fromEntries(ids.map((id) => [id, 'reject'])),
    })
    await page.waitForText('冯浩然')
    await page.tap('接收提醒')
    await page.waitForText('你没有允许接收提醒，书记的提醒将无法通知你；可随时再点这里开启')
  })

  test('a resident, with nothing to be reminded of, is not asked', async () => {
    const page = await loadPage(MINE, {
      cloud: backend({
        'account/me': () =>
          ok({
            bound: false,
            member: null,
            roles: [],
            reminderTemplateIds: [],
            visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
          }),
      }),
    })
    await page.waitForText('尚未绑定党员身份')
    expect(page.hasText('接收提醒')).toBe(false)
  })
})
