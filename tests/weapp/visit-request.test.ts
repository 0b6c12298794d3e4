/**
 * The resident's 上门服务 request page in the real weapp build, in 大字模式: one screen, large type, every choice a
 * large tap, nothing sent until what is needed is there, the request in the plain words of its progress after
 * 提交, and the server's refusal shown as it says it.
 */
import { ERRORS } from '@contract/errors'
import type { VisitView } from '@contract/index'

import { backend, fail, ok } from './backend'
import { loadPage, type PageHarness } from './harness'
import { visitView } from './visit-fixtures'

jest.setTimeout(30_000)

const ROUTE = 'packages/visit/pages/request/index'
const LARGE = { 'ui-large-font': true }
const communities = {
  communities: [
    { id: 'org-c1', name: '和平社区党委' },
    { id: 'org-c2', name: '新华社区党委' },
  ],
  mine: null,
}

/** The request as the server answers 提交: the resident's own, unmasked, cancellable until it is accepted. */
function sent(input: Record<string, unknown>): VisitView {
  return visitView({
    id: 'v1',
    orgId: String(input.orgId),
    orgName: '新华社区党委',
    description: String(input.description),
    address: String(input.address),
    phone: String(input.phone),
    dueAt: null,
    mine: true,
    can: { cancel: true },
  })
}

/** Whether the chip showing `label` is the chosen one. */
const chosen = (page: PageHarness, label: string) =>
  Array.from(page.dom.querySelectorAll('wx-view.chip--on')).some((el) => el.textContent?.trim() === label)

/** A member asks for 帮忙买药 in their own community (chosen for them) and taps 提交. */
async function askForMedicine(page: PageHarness) {
  await page.waitFor(() => chosen(page, '和平社区党委'), 3000, 'own community')
  await page.tap('#type-elderly')
  await page.input('#address', '和平里小区3号楼')
  await page.input('#phone', '13812345678')
  await page.input('#description', '帮忙买药')
  await page.tap('#submit')
}

describe('the 上门服务 request page in 大字模式', () => {
  test('takes a request on one screen with large taps, and says in plain words that it was sent', async () => {
    const submitted: Record<string, unknown>[] = []
    const page = await loadPage(ROUTE, {
      storage: LARGE,
      query: { type: 'repair' },
      cloud: backend({
        'visit/communities': () => ok(communities),
        'visit/submit': (input) => {
          submitted.push(input)
          return ok(sent(input))
        },
      }),
    })
    await page.waitForText('需要什么帮助？')
    expect(page.dom.querySelectorAll('.screen--large').length).toBeGreaterThan(0)
    // The type chosen on the 服务 tile is chosen already; the next thing to do is said, and 提交 waits for it.
    expect(chosen(page, '维修')).toBe(true)
    expect(page.text()).toContain('请选择您所在的社区')
    expect(page.isDisabled('#submit')).toBe(true)

    await page.tap('#org-org-c2')
    await page.input('#address', '和平里小区3号楼2单元501')
    await page.input('#phone', '1381234')
    await page.waitForText('请填写11位手机号，或带区号的座机号')
    await page.input('#phone', '13812345678')
    await page.tap('#when-d1')
    await page.waitForText('下午')
    expect(page.isDisabled('#submit')).toBe(true)
    await page.tap('#slot-afternoon')
    await page.input('#description', '厨房水龙头漏水')
    await page.waitFor(() => !page.isDisabled('#submit'), 3000, '提交 enabled')
    await page.tap('#submit')

    await page.waitForText('请求已提交')
    expect(page.text()).toContain('已收到您的请求，社区正在安排人员')
    expect(submitted).toEqual([
      expect.objectContaining({
        serviceType: 'repair',
        orgId: 'org-c2',
        address: '和平里小区3号楼2单元501',
        phone: '13812345678',
        preferredSlot: 'afternoon',
        description: '厨房水龙头漏水',
        photo: null,
      }),
    ])
    expect(submitted[0].preferredDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await page.tap('查看我的上门服务')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations.map((n) => n.url)).toEqual(['/packages/visit/pages/mine/index'])
  })

  test('sends the same form again with the same key after the connection dropped, so it is stored once', async () => {
    const sentTimes: Record<string, unknown>[] = []
    const page = await loadPage(ROUTE, {
      storage: LARGE,
      cloud: backend({
        'visit/communities': () => ok({ ...communities, mine: 'org-c1' }),
        'visit/submit': (input) => {
          sentTimes.push(input)
          // The first answer is lost on the way back (the request may have been stored).
          if (sentTimes.length === 1) throw new Error('the connection dropped')
          return ok(sent(input))
        },
      }),
    })
    await page.waitForText('需要什么帮助？')
    await askForMedicine(page)
    await page.waitForText(ERRORS['COMMON.NETWORK'])
    expect(page.valueOf('#description')).toBe('帮忙买药')
    await page.tap('#submit')
    await page.waitForText('请求已提交')
    expect(sentTimes).toHaveLength(2)
    expect(sentTimes[0].submitKey).toMatch(/^[A-Za-z0-9]{16,40}$/)
    expect(sentTimes[1].submitKey).toBe(sentTimes[0].submitKey)
  })

  test('shows the server’s refusal in its words and keeps what was typed', async () => {
    const page = await loadPage(ROUTE, {
      storage: LARGE,
      cloud: backend({
        'visit/communities': () => ok({ ...communities, mine: 'org-c1' }),
        'visit/submit': () => fail('VISIT.BAD_PREFERRED', { detail: '期望时间已经过去，请选择以后的时间' }),
      }),
    })
    await page.waitForText('需要什么帮助？')
    // A member's own community is chosen for them (askForMedicine waits for it).
    await askForMedicine(page)
    await page.waitForText('期望时间已经过去，请选择以后的时间')
    expect(page.valueOf('#address')).toBe('和平里小区3号楼')
    expect(page.hasText('请求已提交')).toBe(false)
  })
})

describe('我的上门服务', () => {
  const MINE = 'packages/visit/pages/mine/index'
  const none = sent({ orgId: 'org-c1', description: '', address: '', phone: '' }).can

  test('asks once more before cancelling, and confirms with a score', async () => {
    const waiting = {
      ...sent({ orgId: 'org-c1', description: '帮忙买药', address: '和平里', phone: '138****5678' }),
    }
    const done = {
      ...waiting,
      id: 'v2',
      description: '修水龙头',
      status: 'completed' as const,
      statusLabel: '待确认',
      progress: '服务已完成，请您确认并评价',
      can: { ...none, cancel: false, confirm: true },
    }
    const calls: Array<[string, unknown]> = []
    const page = await loadPage(MINE, {
      storage: LARGE,
      cloud: backend({
        'visit/mine': () => ok([waiting, done]),
        'visit/cancel': (input) => {
          calls.push(['cancel', input])
          return ok({
            ...waiting,
            status: 'cancelled',
            statusLabel: '已取消',
            progress: '您已取消这次请求',
            can: { ...none, cancel: false },
          })
        },
        'visit/confirm': (input) => {
          calls.push(['confirm', input])
          return ok({
            ...done,
            status: 'confirmed',
            statusLabel: '已完成',
            progress: '服务已完成，感谢您的评价',
            rating: 5,
            can: { ...none, cancel: false },
          })
        },
      }),
    })
    await page.waitForText('服务已完成，请您确认并评价')
    expect(page.dom.querySelectorAll('.screen--large').length).toBeGreaterThan(0)
    await page.tap('不需要了，取消请求')
    await page.waitForText('确定取消')
    expect(calls).toEqual([])
    await page.tap('确定取消')
    await page.waitForText('您已取消这次请求')

    expect(page.isDisabled('#confirm')).toBe(true)
    await page.tap('5分 非常满意')
    await page.tap('#confirm')
    await page.waitForText('服务已完成，感谢您的评价')
    expect(calls).toEqual([
      ['cancel', { visitId: 'v1', reason: '' }],
      ['confirm', { visitId: 'v2', rating: 5, comment: '' }],
    ])
  })
})
