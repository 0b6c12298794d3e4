/** 绑定党员身份 (sub-package page packages/account/pages/bind/index) of the real weapp build. */
import type { MeView } from '@contract/account.contract'
import type { Result } from '@contract/envelope'

import { MEMBER_CATEGORIES } from '../../cloudfunctions/domain/member.rules'
import { backend, deferred, fail, ok } from './backend'
import { loadPage, parseUrl } from './harness'

const BIND = 'packages/account/pages/bind/index'

const whom = { name: '王红', orgName: '幸福社区第一支部' }
const preview = { 'account/previewInvite': () => ok(whom), 'account/previewPhone': () => ok(whom) } as const

const bound: MeView = {
  bound: true,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: {
    id: 'm1',
    name: '王红',
    orgId: 'b1',
    orgName: '幸福社区第一支部',
    category: MEMBER_CATEGORIES[0],
  },
  roles: [],
}

describe('绑定党员身份', () => {
  test('an invite code shows whom it binds to (name and branch); 确认绑定 binds, then 返回首页 relaunches 首页', async () => {
    const page = await loadPage(BIND, {
      cloud: backend({ ...preview, 'account/bindByInvite': () => ok(bound) }),
    })
    await page.waitForText('请输入支部书记给你的8位邀请码')
    expect(page.hasText('绑定成功')).toBe(false)

    await page.input('邀请码', 'AB12CD34')
    await page.waitFor(() => page.valueOf('邀请码') === 'AB12CD34', 3000, 'the code to show in the field')
    await page.tap('下一步')
    await page.waitForText('请确认是你本人')
    expect(page.text()).toContain('王红')
    expect(page.text()).toContain('幸福社区第一支部')
    // Nothing is bound until the person confirms.
    expect(page.cloudCalls.map((c) => c.data.action)).toEqual(['account/previewInvite'])
    await page.tap('确认绑定')
    await page.waitForText('绑定成功')
    expect(page.text()).toContain('你现在可以使用党员功能了。')
    expect(page.cloudCalls).toEqual([
      { name: 'account', data: { action: 'account/previewInvite', data: { code: 'AB12CD34' } } },
      { name: 'account', data: { action: 'account/bindByInvite', data: { code: 'AB12CD34' } } },
    ])

    await page.tap('返回首页')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations.map((n) => [n.type, parseUrl(n.url!).route])).toEqual([
      ['reLaunch', 'pages/home/index'],
    ])
  })

  test('不是我，重新填写 goes back to the form and binds nothing', async () => {
    const page = await loadPage(BIND, { cloud: backend({ ...preview }) })
    await page.input('邀请码', 'AB12CD34')
    await page.tap('下一步')
    await page.waitForText('请确认是你本人')
    await page.tap('不是我，重新填写')
    await page.waitForText('请输入支部书记给你的8位邀请码')
    expect(page.hasText('绑定成功')).toBe(false)
    expect(page.cloudCalls.map((c) => c.data.action)).toEqual(['account/previewInvite'])
  })

  test('a shared invite (`?code=`) arrives filled in; after binding from a check-in link, 返回签到 goes back to it', async () => {
    const back = '/packages/study/pages/checkin/index?t=tok123'
    const page = await loadPage(BIND, {
      query: { code: 'AB12CD34', back: encodeURIComponent(back) },
      cloud: backend({ ...preview, 'account/bindByInvite': () => ok(bound) }),
    })
    await page.waitFor(() => page.valueOf('邀请码') === 'AB12CD34', 3000, 'the shared code in the field')
    await page.tap('下一步')
    await page.tap('确认绑定')
    await page.waitForText('绑定成功')
    expect(page.hasText('返回首页')).toBe(false)
    await page.tap('返回签到')
    await page.waitFor(() => page.navigations.length > 0, 3000, 'a navigation')
    expect(page.navigations).toEqual([{ type: 'reLaunch', url: back }])
  })

  test('下一步 stays disabled until something is typed, so nothing is sent empty', async () => {
    const page = await loadPage(BIND, { cloud: backend({ ...preview }) })
    await page.waitForText('请输入支部书记给你的8位邀请码')
    expect(page.isDisabled('下一步')).toBe(true)
    await page.input('邀请码', 'AB12CD34')
    await page.waitFor(() => !page.isDisabled('下一步'), 3000, '下一步 to be enabled')
    await page.tap('姓名+手机号')
    await page.input('姓名', '王红')
    await page.input('手机号后四位', '12')
    await page.waitFor(() => page.isDisabled('下一步'), 3000, '下一步 to be disabled for 2 digits')
    expect(page.cloudCalls).toEqual([])
  })

  test('the backend’s Chinese message is shown when the code has expired, and a new code then binds', async () => {
    const page = await loadPage(BIND, {
      cloud: backend({
        'account/previewInvite': ({ code }) =>
          code === 'OLD00001' ? fail('ACCOUNT.INVITE_EXPIRED') : ok(whom),
        'account/bindByInvite': () => ok(bound),
      }),
    })
    await page.input('邀请码', 'OLD00001')
    await page.tap('下一步')
    await page.waitForText('邀请码已过期，请联系书记重新生成')
    expect(page.hasText('请确认是你本人')).toBe(false)

    await page.input('邀请码', 'NEW00002')
    await page.tap('下一步')
    await page.tap('确认绑定')
    await page.waitForText('绑定成功')
    expect(page.hasText('邀请码已过期')).toBe(false)
    expect(page.cloudCalls.map((c) => c.data.data)).toEqual([
      { code: 'OLD00001' },
      { code: 'NEW00002' },
      { code: 'NEW00002' },
    ])
  })

  test.each([
    ['ACCOUNT.INVITE_INVALID', '邀请码无效，请向书记核对'],
    ['ACCOUNT.INVITE_USED', '邀请码已被使用，请联系书记重新生成'],
    ['ACCOUNT.ALREADY_BOUND', '你已绑定党员身份，无需重复绑定'],
    ['ACCOUNT.MEMBER_TAKEN', '该党员身份已被其他微信绑定，请联系书记处理'],
  ] as const)('%s shows “%s”', async (code, message) => {
    const page = await loadPage(BIND, { cloud: backend({ 'account/previewInvite': () => fail(code) }) })
    await page.input('邀请码', 'ZZ99ZZ99')
    await page.tap('下一步')
    await page.waitForText(message)
  })

  test('确认绑定 is disabled while the call is under way', async () => {
    const answer = deferred<Result<MeView>>()
    const page = await loadPage(BIND, {
      cloud: backend({ ...preview, 'account/bindByInvite': () => answer.promise }),
    })
    await page.input('邀请码', 'AB12CD34')
    await page.tap('下一步')
    await page.tap('确认绑定')
    await page.waitFor(() => page.isDisabled('确认绑定'), 3000, '确认绑定 to be disabled')
    answer.resolve(ok(bound))
    await page.waitForText('绑定成功')
  })

  test('by name and the last four phone digits; a mismatch shows how many tries are left', async () => {
    const page = await loadPage(BIND, {
      cloud: backend({ 'account/previewPhone': () => fail('ACCOUNT.MATCH_FAILED', { remaining: 2 }) }),
    })
    await page.tap('姓名+手机号')
    await page.waitForText('请输入花名册上的姓名和手机号后四位')
    await page.input('姓名', '王红')
    await page.input('手机号后四位', '1234')
    await page.tap('下一步')
    await page.waitForText('姓名与手机号后四位与花名册不符，还可尝试2次')
    expect(page.cloudCalls).toEqual([
      {
        name: 'account',
        data: { action: 'account/previewPhone', data: { name: '王红', phoneLast4: '1234' } },
      },
    ])
  })

  test('a network failure says so, in Chinese', async () => {
    const page = await loadPage(BIND, {
      cloud: () => {
        throw new Error('offline')
      },
    })
    await page.input('邀请码', 'AB12CD34')
    await page.tap('下一步')
    await page.waitForText('网络不通，请检查网络后重试')
  })
})
