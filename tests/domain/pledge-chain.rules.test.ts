import { pledgeRollup } from '../../cloudfunctions/domain/pledge.rollup'
import { pngSize, templateVersionId } from '../../cloudfunctions/domain/pledge.rules'
import {
  type ChainRecord,
  GENESIS_HASH,
  type SignedContent,
  signingHash,
  verifyChain,
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
