/**
 * The staff side of 上门服务 in the real weapp build: 上门派单 (the community secretary's queue: the deployment's
 * template asked for from the 派单 tap, one tap to dispatch, the refusal of a double dispatch naming who did, the
 * phone revealed on tap), 我的任务 (the member accepts, declines with a reason, completes with duration, notes
 * and photos) and 上门服务时限 (the street admin sets the street's limits, a secretary only reads them).
 */
import type { InputOf, MeView, VisitSettingsView } from '@contract/index'

import { communitySecretary, me, role, streetAdmin } from './admin-fixtures'
import { backend, fail, ok } from './backend'
import { loadPage } from './harness'
import { VISIT_TEMPLATES, visitView } from './visit-fixtures'

jest.setTimeout(30_000)

const QUEUE = 'packages/visit/pages/queue/index'
const TASKS = 'packages/visit/pages/tasks/index'
const SETTINGS = 'packages/visit/pages/settings/index'

const withTemplates = (who: MeView): MeView => ({ ...who, visitTemplateIds: VISIT_TEMPLATES })
const secretary = withTemplates(communitySecretary)
const member = withTemplates(me([]))
const acceptAll = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, 'accept']))

describe('上门派单 (the community secretary)', () => {
  test('asks for the configured template from the 派单 tap, dispatches with one tap, and reveals the phone on tap', async () => {
    const dispatched: InputOf<'visit', 'visit/dispatch'>[] = []
    const subscribed: unknown[] = []
    const waiting = visitView({ id: 'v1', can: { dispatch: true, reject: true, contact: true } })
    const page = await loadPage(QUEUE, {
      requestSubscribeMessage: acceptAll,
      cloud: backend({
        'account/me': () => ok(secretary),
        'visit/queue': (input) =>
          ok({ items: input.view === 'waiting' ? [waiting] : [], total: 1, waiting: 1, overdue: 0 }),
        'visit/assignees': () =>
          ok([
            { id: 'm2', name: '冯浩然', orgName: '第一党支部', openTasks: 0 },
            { id: 'm3', name: '陈立新', orgName: '第二党支部', openTasks: 2 },
          ]),
        'visit/dispatch': (input) => {
          dispatched.push(input)
          return ok(
            visitView({
              id: 'v1',
              status: 'dispatched',
              statusLabel: '已派单',
              assigneeName: '冯浩然',
              dueStep: 'accept',
              can: { reject: true, contact: true },
            }),
          )
        },
        'visit/subscribe': (input) => {
          subscribed.push(input)
          return ok({ granted: { visitTask: 1 } })
        },
        'visit/contact': () => ok({ phone: '13812345678', address: '幸福街道和平里小区3号楼2单元501室' }),
      }),
    })
    await page.waitForText('待派单(1)')
    // Masked until the secretary asks; the reveal is the server's (and logged there).
    expect(page.text()).toContain('138****5678')
    expect(page.text()).not.toContain('13812345678')
    await page.tap('查看电话和地址')
    await page.waitForText('电话：13812345678')

    await page.tap('#dispatch-v1')
    await page.waitForText('派给谁？')
    expect(page.subscribeRequests).toEqual([[VISIT_TEMPLATES.visitTask]])
    await page.waitFor(() => subscribed.length === 1, 3000, 'the grant reported')
    expect(subscribed).toEqual([{ kinds: ['visitTask'] }])
    await page.waitForText('陈立新（第二党支部） 进行中2件')
    await page.tap('#assignee-m2')
    await page.waitForText('服务人员：冯浩然')
    expect(dispatched).toEqual([{ visitId: 'v1', assigneeId: 'm2' }])
    expect(page.hasText('派给谁？')).toBe(false)
    expect(page.text()).toContain('已派单')
  })

  test('tells the second of two secretaries who dispatched the request first, and sends nothing more', async () => {
    let calls = 0
    const page = await loadPage(QUEUE, {
      requestSubscribeMessage: acceptAll,
      cloud: backend({
        'account/me': () => ok(secretary),
        'visit/queue': () =>
          ok({ items: [visitView({ id: 'v1', can: { dispatch: true } })], total: 1, waiting: 1, overdue: 0 }),
        'visit/assignees': () => ok([{ id: 'm2', name: '冯浩然', orgName: '第一党支部', openTasks: 0 }]),
        'visit/dispatch': () => {
          calls++
          return fail('VISIT.ALREADY_DISPATCHED', { name: '沈静怡' })
        },
        'visit/subscribe': () => ok({ granted: {} }),
      }),
    })
    await page.tap('#dispatch-v1')
    await page.tap('#assignee-m2')
    await page.waitForText('这个请求已由沈静怡派单')
    expect(calls).toBe(1)
  })

  test('lets a secretary of two communities switch between their queues', async () => {
    const asked: string[] = []
    const twoCommunities = withTemplates(
      me([role('community_secretary', 'c1'), role('community_secretary', 'c2')]),
    )
    const page = await loadPage(QUEUE, {
      cloud: backend({
        'account/me': () => ok(twoCommunities),
        'visit/queue': (input) => {
          asked.push(input.orgId)
          const description = input.orgId === 'c2' ? '光明社区：楼道灯坏了' : '和平社区：水龙头漏水'
          return ok({
            items: [visitView({ id: `v-${input.orgId}`, description })],
            total: 1,
            waiting: 1,
            overdue: 0,
          })
        },
      }),
    })
    await page.waitForText('和平社区：水龙头漏水')
    expect(page.hasText('光明社区：楼道灯坏了')).toBe(false)
    await page.tap('#node-c2')
    await page.waitForText('光明社区：楼道灯坏了')
    expect(page.hasText('和平社区：水龙头漏水')).toBe(false)
    expect(asked).toEqual(['c1', 'c2'])
  })

  test('opens the overdue tab (escalated ones said so) and the street’s time limits', async () => {
    const views: string[] = []
    const page = await loadPage(QUEUE, {
      cloud: backend({
        'account/me': () => ok(secretary),
        'visit/queue': (input) => {
          views.push(input.view)
          const late = visitView({ id: 'v9', overdue: true, escalated: true, dueStep: 'dispatch' })
          return ok({ items: input.view === 'overdue' ? [late] : [], total: 1, waiting: 0, overdue: 1 })
        },
      }),
    })
    await page.waitForText('已超时(1)')
    await page.tap('#tab-overdue')
    await page.waitForText('派单超时')
    expect(page.text()).toContain('超时未处理，已上报街道')
    expect(views).toEqual(['waiting', 'overdue'])
    await page.tap('#open-settings')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations.map((n) => n.url)).toEqual(['/packages/visit/pages/settings/index'])
  })
})

describe('我的任务 (the member it was sent to)', () => {
  test('accepts from the tap (asking for the configured template), completes with duration, notes and a photo, declines with a reason', async () => {
    const calls: { action: string; input: unknown }[] = []
    const record = (action: string) => (input: unknown) => void calls.push({ action, input })
    const sent = visitView({
      id: 'v1',
      status: 'dispatched',
      statusLabel: '已派单',
      assigneeName: '沈静怡',
      can: { accept: true, decline: true },
    })
    const accepted = visitView({
      id: 'v2',
      serviceLabel: '助老',
      description: '陪老人去医院复查',
      status: 'accepted',
      statusLabel: '已接单',
      assigneeName: '沈静怡',
      dueStep: 'complete',
      can: { complete: true, decline: true, contact: true },
    })
    const page = await loadPage(TASKS, {
      requestSubscribeMessage: acceptAll,
      chooseMedia: () => [{ tempFilePath: 'wxfile://tmp/after.png', size: 300_000 }],
      cloud: backend({
        'account/me': () => ok(member),
        'visit/tasks': () => ok([sent, accepted]),
        'visit/subscribe': () => ok({ granted: { visitTask: 1 } }),
        'visit/accept': (input) => {
          record('accept')(input)
          return ok({
            ...sent,
            status: 'accepted',
            statusLabel: '已接单',
            can: { ...sent.can, accept: false },
          })
        },
        'upload/prepare': (input) =>
          ok({
            cloudPath: `uploads/me/p1.${input.kind === 'photoPng' ? 'png' : 'jpg'}`,
            maxBytes: 2 * 1024 * 1024,
          }),
        'visit/complete': (input) => {
          record('complete')(input)
          return ok({
            ...accepted,
            status: 'completed',
            statusLabel: '待确认',
            notes: input.notes,
            durationMinutes: input.durationMinutes,
            completionPhotos: input.photos.length,
            can: { ...accepted.can, complete: false, decline: false },
          })
        },
        'visit/decline': (input) => {
          record('decline')(input)
          return ok({
            ...sent,
            status: 'submitted',
            statusLabel: '待派单',
            assigneeName: null,
            can: { ...sent.can, accept: false, decline: false },
          })
        },
      }),
    })
    await page.waitForText('陪老人去医院复查')
    await page.tap('#accept-v1')
    await page.waitFor(() => !page.dom.querySelector('#accept-v1'), 3000, 'accepted')
    expect(calls.filter((c) => c.action === 'accept').map((c) => c.input)).toEqual([{ visitId: 'v1' }])
    expect(page.subscribeRequests).toEqual([[VISIT_TEMPLATES.visitTask]])

    await page.tap('#complete-v2')
    await page.waitForText('服务用了多长时间？')
    expect(page.isDisabled('#complete-submit')).toBe(true)
    await page.tap('#duration-60')
    await page.input('#notes', '陪同复查，已送回家')
    await page.tap('#add-photo')
    await page.waitForText('再加一张')
    await page.tap('#complete-submit')
    await page.waitForText('服务情况：陪同复查，已送回家（60分钟）')
    expect(page.text()).toContain('查看照片（1张）')
    expect(page.uploads.map((u) => u.cloudPath)).toEqual(['uploads/me/p1.png'])
    expect(calls.find((c) => c.action === 'complete')?.input).toEqual({
      visitId: 'v2',
      durationMinutes: 60,
      notes: '陪同复查，已送回家',
      photos: ['cloud://test/uploads/me/p1.png'],
    })

    await page.tap('无法前往')
    await page.input('不能去的原因（书记能看到）', '临时出差')
    await page.tap('.btn--primary')
    await page.waitFor(() => calls.some((c) => c.action === 'decline'), 3000, 'decline sent')
    expect(calls.find((c) => c.action === 'decline')?.input).toEqual({ visitId: 'v1', reason: '临时出差' })
  })

  test('refuses a photo that is neither .jpg nor .png before anything is sent', async () => {
    const page = await loadPage(TASKS, {
      chooseMedia: () => [{ tempFilePath: 'wxfile://tmp/clip.gif', size: 1000 }],
      cloud: backend({
        'account/me': () => ok(member),
        'visit/tasks': () =>
          ok([visitView({ id: 'v2', status: 'accepted', statusLabel: '已接单', can: { complete: true } })]),
      }),
    })
    await page.tap('#complete-v2')
    await page.tap('#add-photo')
    await page.waitForText('请选择 .jpg 或 .png 照片')
    expect(page.uploads).toEqual([])
  })
})

describe('上门服务时限', () => {
  const saved: VisitSettingsView = {
    streetId: 's',
    dispatchHours: 2,
    acceptHours: 2,
    completeHours: 72,
    confirmDays: 7,
    escalateHours: 24,
    editable: true,
  }

  test('lets the street admin change the limits, saying what is wrong before anything is sent', async () => {
    const sentLimits: unknown[] = []
    const page = await loadPage(SETTINGS, {
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        'visit/settings': () => ok(saved),
        'visit/saveSettings': (input) => {
          sentLimits.push(input)
          return ok({ ...saved, ...input })
        },
      }),
    })
    await page.waitForText('自动确认天数（天）')
    expect(page.valueOf('#limit-confirmDays')).toBe('7')
    await page.input('#limit-confirmDays', '0')
    await page.waitForText('自动确认天数至少为1')
    expect(page.isDisabled('#save-limits')).toBe(true)
    await page.input('#limit-confirmDays', '31')
    await page.waitForText('自动确认天数不能超过30')
    await page.input('#limit-confirmDays', '3')
    await page.input('#limit-dispatchHours', '1')
    await page.waitFor(() => !page.isDisabled('#save-limits'), 3000, '保存 enabled')
    await page.tap('#save-limits')
    await page.waitForText('已保存')
    expect(sentLimits).toEqual([
      { dispatchHours: 1, acceptHours: 2, completeHours: 72, confirmDays: 3, escalateHours: 24 },
    ])
  })

  test('shows a community secretary the street’s limits without a way to change them', async () => {
    const page = await loadPage(SETTINGS, {
      cloud: backend({
        'account/me': () => ok(withTemplates(me([role('community_secretary', 'c1')]))),
        'visit/settings': () => ok({ ...saved, editable: false }),
      }),
    })
    await page.waitForText('时限由街道管理员统一设置，社区书记只能查看。')
    expect(page.text()).toContain('派单时限：2小时')
    expect(page.text()).toContain('自动确认天数：7天')
    expect(page.dom.querySelector('#save-limits')).toBeNull()
    expect(page.dom.querySelector('#limit-confirmDays')).toBeNull()
  })

  test('shows the server’s refusal in its words', async () => {
    const page = await loadPage(SETTINGS, {
      cloud: backend({
        'account/me': () => ok(streetAdmin),
        'visit/settings': () => ok(saved),
        'visit/saveSettings': () => fail('COMMON.FORBIDDEN'),
      }),
    })
    await page.waitForText('派单时限（小时）')
    await page.tap('#save-limits')
    await page.waitForText(/没有权限|无权/)
  })
})
