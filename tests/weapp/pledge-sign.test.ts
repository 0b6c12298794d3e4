/** 承诺书 (packages/pledge/pages/sign/index) and 待签承诺书 (packages/pledge/pages/mine/index). */
import type { MyPledge, PledgeVerification, PledgeView } from '@contract/pledge.contract'

import { backend, ok } from './backend'
import { loadPage } from './harness'

const SIGN = 'packages/pledge/pages/sign/index'
const MINE = 'packages/pledge/pages/mine/index'
const DAY = 86_400_000

function pledge(over: Partial<PledgeView> = {}): PledgeView {
  return {
    assignmentId: 'c1_m1',
    kind: 'integrity',
    title: '2026年度廉政承诺书',
    year: 2026,
    deadline: Date.now() + 7 * DAY,
    status: 'pending',
    overdue: false,
    signedAt: null,
    name: '冯浩然',
    version: 2,
    body: '一、严守政治纪律和政治规矩。\n二、不收受礼品礼金。\n如有违反，自愿接受组织处理。',
    confirmation: '本人已阅读并承诺遵守',
    signature: null,
    mine: true,
    ...over,
  }
}

const signed = pledge({
  status: 'signed',
  signedAt: Date.now() - DAY,
  signature: {
    seq: 7,
    hash: 'ab'.repeat(32),
    prevHash: 'cd'.repeat(32),
    signedAt: Date.now() - DAY,
    imageUrl: 'https://example.invalid/sig.png',
    imageWidth: 600,
    imageHeight: 300,
  },
})

function verification(intact: boolean): PledgeVerification {
  return {
    intact,
    recordIntact: intact,
    imageIntact: true,
    chainIntact: intact,
    chainBreak: intact ? null : { kind: 'altered', seq: 3 },
    chainLength: 9,
    seq: 7,
    hash: 'ab'.repeat(32),
    checkedAt: Date.now(),
  }
}

describe('承诺书', () => {
  test('shows the whole text and keeps 签署 off until it has been read to the end, with the fine print', async () => {
    const page = await loadPage(SIGN, {
      query: { id: 'c1_m1' },
      cloud: backend({ 'pledge/get': () => ok(pledge()) }),
    })
    await page.waitForText('如有违反，自愿接受组织处理。')
    expect(page.text()).toContain('一、严守政治纪律和政治规矩。')
    expect(page.text()).toContain('第2版')
    expect(page.text()).toContain('本人已阅读并承诺遵守')
    expect(page.text()).toContain('不是《电子签名法》第十三条所称的可靠电子签名')
    expect(page.isDisabled('签署承诺书')).toBe(true)
    expect(page.cloudCalls[0].data).toEqual({ action: 'pledge/get', data: { assignmentId: 'c1_m1' } })
  })

  test('a signed pledge shows who signed and when, and 验证 shows 未被篡改 or 已被篡改', async () => {
    let intact = true
    const page = await loadPage(SIGN, {
      query: { id: 'c1_m1' },
      cloud: backend({
        'pledge/get': () => ok(signed),
        'pledge/verify': () => ok(verification(intact)),
      }),
    })
    await page.waitForText('已签署')
    expect(page.text()).toContain('冯浩然 于')
    expect(page.text()).toContain('第7份')
    expect(page.hasText('签署承诺书')).toBe(false)
    await page.tap('验证')
    await page.waitForText('未被篡改')
    expect(page.text()).toContain('全部签署记录（共9份）：完整')
    intact = false
    await page.tap('验证')
    await page.waitForText('已被篡改')
    expect(page.text()).toContain('第3份被改动')
  })

  test('opened without an id, says so and offers the way back', async () => {
    const page = await loadPage(SIGN, { cloud: backend({}) })
    await page.waitForText('没有指定承诺书')
    expect(page.cloudCalls).toHaveLength(0)
  })
})

describe('待签承诺书', () => {
  const row = (over: Partial<MyPledge>): MyPledge => ({
    assignmentId: 'c1_m1',
    kind: 'integrity',
    title: '2026年度廉政承诺书',
    year: 2026,
    deadline: Date.now() + DAY,
    status: 'pending',
    overdue: false,
    signedAt: null,
    ...over,
  })

  test('lists the unsigned first with 待签 or 已逾期, the signed apart, and opens one to sign', async () => {
    const page = await loadPage(MINE, {
      cloud: backend({
        'pledge/mine': () =>
          ok([
            row({}),
            row({ assignmentId: 'c2_m1', title: '负面清单承诺书', kind: 'negative', overdue: true }),
            row({
              assignmentId: 'c3_m1',
              title: '岗位职责清单承诺书',
              status: 'signed',
              signedAt: Date.now(),
            }),
          ]),
      }),
    })
    await page.waitForText('待签 2 份')
    expect(page.text()).toContain('已签 1 份')
    expect(page.text().split('\n')).toEqual(expect.arrayContaining(['待签', '已逾期', '已签']))
    await page.tap('负面清单承诺书')
    await page.waitFor(() => page.navigations.length === 1, 3000, 'the signing page')
    expect(page.navigations[0].url).toBe('/packages/pledge/pages/sign/index?id=c2_m1')
  })

  test('says so when there is nothing to sign', async () => {
    const page = await loadPage(MINE, { cloud: backend({ 'pledge/mine': () => ok([]) }) })
    await page.waitForText('目前没有需要签署的承诺书')
  })
})
