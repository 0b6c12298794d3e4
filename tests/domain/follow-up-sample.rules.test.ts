import { allocate, drawSample, type SampleItem } from '../../cloudfunctions/domain/follow-up-sample.rules'

/** 60 items in three communities: 30, 20 and 10. */
const ITEMS: SampleItem[] = [
  ...Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, groupId: 'c1' })),
  ...Array.from({ length: 20 }, (_, i) => ({ id: `b${i}`, groupId: 'c2' })),
  ...Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, groupId: 'c3' })),
]

describe('回访核查 sample draw', () => {
  it('is the same for the same seed, whatever order the items come in, and differs for another seed', () => {
    const first = drawSample(ITEMS, 12, '2026Q4-纪工委').map((i) => i.id)
    const again = drawSample([...ITEMS].reverse(), 12, '2026Q4-纪工委').map((i) => i.id)
    expect(again).toEqual(first)
    expect(drawSample(ITEMS, 12, '2026Q4-另一个').map((i) => i.id)).not.toEqual(first)
  })

  it('draws the requested size, no item twice, in proportion to each community', () => {
    const sample = drawSample(ITEMS, 12, 'seed')
    expect(sample).toHaveLength(12)
    expect(new Set(sample.map((i) => i.id)).size).toBe(12)
    const per = (g: string) => sample.filter((i) => i.groupId === g).length
    expect([per('c1'), per('c2'), per('c3')]).toEqual([6, 4, 2])
  })

  it('gives everything when fewer items than asked, and nothing from nothing', () => {
    expect(drawSample(ITEMS.slice(0, 5), 12, 's')).toHaveLength(5)
    expect(drawSample([], 12, 's')).toEqual([])
  })

  it('adds shares up to the size exactly by largest remainder', () => {
    const shares = allocate(
      new Map([
        ['x', 1],
        ['y', 1],
        ['z', 1],
      ]),
      2,
    )
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(2)
    const uneven = allocate(
      new Map([
        ['c1', 7],
        ['c2', 2],
        ['c3', 1],
      ]),
      5,
    )
    expect(Object.fromEntries(uneven)).toEqual({ c1: 4, c2: 1, c3: 0 })
  })
})
