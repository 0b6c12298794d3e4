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
    checkedFrom: 1,
    checkedTo: 9,
    headSeq: 9,
    checkpoint: null,
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
    expect(page.text()).toContain('前后相连的签署记录（第1至9份，共9份）：完整')
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

describe('the signature pad (Canvas 2D)', () => {
  const PAD = '.signature-pad__canvas'

  /** Writes one stroke of `n` points across the pad, 16 ms apart. */
  function stroke(
    page: Awaited<ReturnType<typeof loadPage>>,
    x0: number,
    y0: number,
    dx: number,
    dy: number,
  ) {
    page.touch(PAD, 'touchstart', x0, y0)
    for (let i = 1; i <= 8; i++) page.touch(PAD, 'touchmove', x0 + dx * i, y0 + dy * i)
    page.touch(PAD, 'touchend', x0 + dx * 8, y0 + dy * 8)
  }

  test('scales its backing store by the pixel ratio, capped at 1365 px', async () => {
    const sharp = await loadPage(SIGN, {
      query: { id: 'c1_m1' },
      canvas: { width: 375, height: 200, pixelRatio: 3 },
      cloud: backend({ 'pledge/get': () => ok(pledge()) }),
    })
    await sharp.waitFor(() => sharp.canvas?.calls.includes('scale'), 3000, 'the pad to set up')
    expect([sharp.canvas?.width, sharp.canvas?.height]).toEqual([1125, 600])
    sharp.close()
    const dense = await loadPage(SIGN, {
      query: { id: 'c1_m1' },
      canvas: { width: 375, height: 200, pixelRatio: 4 },
      cloud: backend({ 'pledge/get': () => ok(pledge()) }),
    })
    await dense.waitFor(() => dense.canvas?.calls.includes('scale'), 3000, 'the pad to set up')
    expect([dense.canvas?.width, dense.canvas?.height]).toEqual([1365, 728])
  })

  test('touches draw curves; 撤销 and 清除 redraw; a tick is refused; a signature is exported, uploaded and signed', async () => {
    const page = await loadPage(SIGN, {
      query: { id: 'c1_m1' },
      canvas: { width: 375, height: 200, pixelRatio: 2 },
      cloud: backend({
        'pledge/get': () => ok(pledge()),
        'upload/prepare': () => ok({ cloudPath: 'uploads/me/sig.png', maxBytes: 512 * 1024 }),
        'pledge/sign': () => ok(signed),
      }),
    })
    const canvas = () => page.canvas as NonNullable<typeof page.canvas>
    await page.waitFor(() => canvas().calls.includes('scale'), 3000, 'the pad to set up')
    expect(page.isDisabled('撤销')).toBe(true)

    canvas().calls.length = 0
    stroke(page, 20, 20, 2, 1)
    await page.waitFor(() => !page.isDisabled('撤销'), 3000, '撤销 to be enabled')
    expect(canvas().calls.filter((c) => c === 'quadraticCurveTo')).toHaveLength(8)

    canvas().calls.length = 0
    await page.tap('清除')
    await page.waitFor(() => page.isDisabled('清除'), 3000, '清除 to empty the pad')
    expect(canvas().calls).toEqual(['fillRect'])

    // Reading to the end and ticking enable 签署; a tiny mark is refused with a clear message.
    page.fire('.pledge-text', 'scrolltolower')
    await page.waitForNoText('请先阅读承诺书全文')
    await page.tap('本人已阅读并承诺遵守')
    stroke(page, 20, 20, 1, 1)
    await page.tap('签署承诺书')
    await page.waitForText('签名太简单，请用正楷写出你的姓名')
    expect(page.cloudCalls.some((c) => c.data.action === 'pledge/sign')).toBe(false)

    await page.tap('撤销')
    stroke(page, 20, 40, 20, 2)
    stroke(page, 60, 10, 3, 18)
    await page.tap('签署承诺书')
    await page.waitForText('已签署')
    expect(canvas().exports).toEqual([{ fileType: 'png', width: 750, height: 400 }])
    expect(page.uploads).toEqual([
      { cloudPath: 'uploads/me/sig.png', filePath: 'wxfile://tmp/signature.png' },
    ])
    const sent = page.cloudCalls.find((c) => c.data.action === 'pledge/sign')?.data.data as {
      strokes: number[][][]
      fileID: string
      confirmed: boolean
    }
    expect(sent.fileID).toBe('cloud://test/uploads/me/sig.png')
    expect(sent.confirmed).toBe(true)
    expect(sent.strokes.map((s) => s.length)).toEqual([9, 9])
    expect(sent.strokes[0][0].slice(0, 2)).toEqual([20, 40])
  })
})
