import { pledgeRollup } from '../../cloudfunctions/domain/pledge.rollup'
import { pngSize, templateVersionId } from '../../cloudfunctions/domain/pledge.rules'
import {
  type ChainRecord,
  CHECKPOINT_EVERY,
  GENESIS_HASH,
  isCheckpoint,
  segmentOf,
  type SignedContent,
  signingHash,
  verifyChain,
  verifyLinks,
} from '../../cloudfunctions/domain/pledge-chain.rules'

function chainOf(n: number): ChainRecord[] {
  const out: ChainRecord[] = []
  for (let seq = 1; seq <= n; seq++) {
    const content: SignedContent = {
      seq,
      prevHash: out[seq - 2]?.hash ?? GENESIS_HASH,
      assignmentId: `c1_m${seq}`,
      campaignId: 'c1',
      templateVersionId: 'tpl_v1',
      version: 1,
      title: '廉政承诺书',
      text: '一、严守纪律。',
      confirmation: '本人已阅读并承诺遵守',
      imageSha256: 'a'.repeat(64),
      strokes: [
        [
          [1, 2, 0],
          [3, 4, 16],
        ],
      ],
      memberId: `m${seq}`,
      openid: `o${seq}`,
      signedAt: 1_700_000_000_000 + seq,
    }
    out.push({ ...content, hash: signingHash(content) })
  }
  return out
}

describe('the canonical hash and the chain', () => {
  it('gives the same hash whatever order the fields come in', () => {
    const [r] = chainOf(1)
    const shuffled = Object.fromEntries(Object.entries(r).reverse()) as unknown as ChainRecord
    expect(signingHash(shuffled)).toBe(r.hash)
  })

  it('holds for an untouched chain', () => {
    expect(verifyChain(chainOf(5))).toBeNull()
    expect(verifyChain([])).toBeNull()
  })

  it.each([
    ['text', (r: ChainRecord) => ({ ...r, text: `${r.text} ` })],
    ['image', (r: ChainRecord) => ({ ...r, imageSha256: `b${r.imageSha256.slice(1)}` })],
    [
      'strokes',
      (r: ChainRecord) => ({
        ...r,
        strokes: [
          [
            [1, 2, 0],
            [3, 5, 16],
          ],
        ] as ChainRecord['strokes'],
      }),
    ],
    ['signer', (r: ChainRecord) => ({ ...r, memberId: 'm99' })],
    ['time', (r: ChainRecord) => ({ ...r, signedAt: r.signedAt + 1 })],
    ['version', (r: ChainRecord) => ({ ...r, version: 2 })],
  ])('breaks when one earlier record’s %s changes', (_name, change) => {
    const chain = chainOf(4)
    chain[1] = change(chain[1])
    expect(verifyChain(chain)).toEqual({ kind: 'altered', seq: 2 })
  })

  it('breaks when a record is deleted, or re-hashed after a change', () => {
    const chain = chainOf(4)
    expect(verifyChain([chain[0], chain[2], chain[3]])).toEqual({ kind: 'missing', seq: 2 })
    const forged = { ...chain[1], text: '改过' }
    forged.hash = signingHash(forged)
    expect(verifyChain([chain[0], forged, chain[2], chain[3]])).toEqual({ kind: 'relinked', seq: 3 })
  })
})

describe('one signing’s bounded check and the paged full check', () => {
  const K = CHECKPOINT_EVERY

  it('reads from the checkpoint at or before a signing to the one after it and one link more, capped at the head', () => {
    expect(segmentOf(1, 1)).toEqual({ from: 1, to: 1, checkpoint: K })
    expect(segmentOf(5, 3 * K)).toEqual({ from: 1, to: K + 1, checkpoint: K })
    expect(segmentOf(K, 3 * K)).toEqual({ from: 1, to: K + 1, checkpoint: K })
    expect(segmentOf(K + 1, 3 * K)).toEqual({ from: K, to: 2 * K + 1, checkpoint: 2 * K })
    expect(segmentOf(2 * K + 3, 2 * K + 7)).toEqual({ from: 2 * K, to: 2 * K + 7, checkpoint: 3 * K })
    // However long the chain, the window holds at most K + 2 links.
    for (const seq of [1, K, K + 1, 7 * K + 5, 10_000]) {
      const { from, to } = segmentOf(seq, 1_000_000)
      expect(to - from + 1).toBeLessThanOrEqual(K + 2)
      expect(from <= seq && seq <= to).toBe(true)
    }
    expect([K - 1, K, K + 1, 2 * K].map(isCheckpoint)).toEqual([false, true, false, true])
  })

  it('holds for an untouched window, anchored on its first link, with the head at its end', () => {
    const chain = chainOf(2 * K + 5)
    const head = { seq: chain.length, hash: chain[chain.length - 1].hash }
    const window = (seq: number) => {
      const { from, to } = segmentOf(seq, head.seq)
      return verifyLinks(chain.slice(from - 1, to), { from, to, head })
    }
    expect(window(3)).toBeNull()
    expect(window(K + 4)).toBeNull()
    expect(window(2 * K + 5)).toBeNull()
  })

  it('sees a change, a deletion or a re-hash inside the window, and a head that names another hash', () => {
    const chain = chainOf(2 * K + 5)
    const head = { seq: chain.length, hash: chain[chain.length - 1].hash }
    const { from, to } = segmentOf(K + 4, head.seq)
    const changed = [...chain]
    changed[K + 1] = { ...changed[K + 1], text: '改过' }
    expect(verifyLinks(changed.slice(from - 1, to), { from, to, head })).toEqual({
      kind: 'altered',
      seq: K + 2,
    })
    const rehashed = [...chain]
    rehashed[K + 1] = { ...rehashed[K + 1], text: '改过' }
    rehashed[K + 1].hash = signingHash(rehashed[K + 1])
    expect(verifyLinks(rehashed.slice(from - 1, to), { from, to, head })).toEqual({
      kind: 'relinked',
      seq: K + 3,
    })
    const cut = chain.slice(from - 1, to).filter((r) => r.seq !== 2 * K + 1)
    expect(verifyLinks(cut, { from, to, head })).toEqual({ kind: 'missing', seq: 2 * K + 1 })
    // The checkpoint the window starts on is itself recomputed.
    const anchor = [...chain]
    anchor[K - 1] = { ...anchor[K - 1], memberId: 'm99' }
    expect(verifyLinks(anchor.slice(from - 1, to), { from, to, head })).toEqual({ kind: 'altered', seq: K })
    // At the end: the head names a link that is gone, or another hash.
    const last = segmentOf(chain.length, head.seq)
    expect(verifyLinks(chain.slice(last.from - 1, chain.length - 1), { ...last, to: last.to, head })).toEqual(
      { kind: 'missing', seq: chain.length },
    )
    expect(
      verifyLinks(chain.slice(last.from - 1), { ...last, head: { seq: head.seq, hash: GENESIS_HASH } }),
    ).toEqual({ kind: 'altered', seq: head.seq })
  })

  it('does not see a change outside the window, which the full check pages over', () => {
    const chain = chainOf(2 * K + 5)
    chain[2] = { ...chain[2], text: '改过' }
    const head = { seq: chain.length, hash: chain[chain.length - 1].hash }
    const { from, to } = segmentOf(2 * K + 2, head.seq)
    expect(verifyLinks(chain.slice(from - 1, to), { from, to, head })).toBeNull()
    // Pages of 7 links, each anchored on the last link of the page before: the first page finds it.
    const pages: (ReturnType<typeof verifyLinks> | null)[] = []
    for (let start = 1; start <= head.seq; start += 7) {
      const range = { from: Math.max(1, start - 1), to: Math.min(head.seq, start + 6), head }
      pages.push(verifyLinks(chain.slice(range.from - 1, range.to), range))
    }
    expect(pages.find((p) => p !== null)).toEqual({ kind: 'altered', seq: 3 })
    expect(verifyChain(chain)).toEqual({ kind: 'altered', seq: 3 })
  })
})

describe('pledge rules', () => {
  it('reads a PNG’s size from its header and refuses other bytes', () => {
    const header = Buffer.from('89504e470d0a1a0a0000000d494844520000025800000130', 'hex')
    expect(pngSize(header)).toEqual({ width: 600, height: 304 })
    expect(pngSize(Buffer.from('GIF89a................'))).toBeNull()
  })

  it('names a template version once per template and number', () => {
    expect(templateVersionId('tpl1', 3)).toBe('tpl1_v3')
  })

  it('counts assigned, due, signed and signed on time in their months', () => {
    const jan = Date.UTC(2026, 0, 10)
    const feb = Date.UTC(2026, 1, 10)
    const mar = Date.UTC(2026, 2, 10)
    const base = { orgPath: ['s', 'c'], assignedAt: jan, deadline: feb }
    expect(pledgeRollup({ ...base, status: 'pending', signedAt: null }).map((c) => c.counts)).toEqual([
      { 'pledge.assigned': 1 },
      { 'pledge.due': 1 },
    ])
    const late = pledgeRollup({ ...base, status: 'signed', signedAt: mar })
    expect(late.map((c) => c.counts)).toEqual([
      { 'pledge.assigned': 1 },
      { 'pledge.due': 1 },
      { 'pledge.signed': 1 },
    ])
    const onTime = pledgeRollup({ ...base, status: 'signed', signedAt: jan })
    expect(onTime[3]).toEqual({ orgPath: ['s', 'c'], time: feb, counts: { 'pledge.signedOnTime': 1 } })
  })
})
