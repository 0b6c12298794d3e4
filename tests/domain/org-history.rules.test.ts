import {
  belongedAt,
  firstSpan,
  movedSpans,
  OPEN_SPAN_END,
  orgIdAt,
  spanAt,
  spansOf,
} from '../../cloudfunctions/domain/org-history.rules'

const STREET = 's'
const B1 = [STREET, 'c1', 'c1-b1']
const B2 = [STREET, 'c2', 'c2-b1']

describe('organisation history', () => {
  const joined = 1_000
  const moved = 5_000
  const member = { orgPath: B1, createdAt: joined, orgHistory: firstSpan(B1, joined) }
  const mover = { ...member, orgPath: B2, orgHistory: movedSpans(member, B2, moved) }

  it('expects a member at a session of their node or any node above, from the moment they joined', () => {
    expect(belongedAt(member, 'c1-b1', joined)).toBe(true)
    expect(belongedAt(member, 'c1', joined + 1)).toBe(true)
    expect(belongedAt(member, STREET, 10 ** 13)).toBe(true)
    expect(belongedAt(member, 'c1', joined - 1)).toBe(false)
    expect(belongedAt(member, 'c2', joined + 1)).toBe(false)
  })

  it('keeps a mover expected where they were before the move, and in the new branch from the move on', () => {
    expect(mover.orgHistory).toEqual([
      { orgPath: B1, from: joined, to: moved },
      { orgPath: B2, from: moved, to: OPEN_SPAN_END },
    ])
    expect(belongedAt(mover, 'c1', moved - 1)).toBe(true)
    expect(belongedAt(mover, 'c2', moved - 1)).toBe(false)
    // At the very moment of the move the member belongs to the new node only.
    expect(belongedAt(mover, 'c1', moved)).toBe(false)
    expect(belongedAt(mover, 'c2', moved)).toBe(true)
    expect(belongedAt(mover, STREET, moved)).toBe(true)
    expect(spanAt(mover, moved - 1)?.orgPath.at(-1)).toBe('c1-b1')
    expect(orgIdAt({ ...mover, orgId: 'c2-b1' }, moved - 1)).toBe('c1-b1')
    expect(orgIdAt({ ...mover, orgId: 'c2-b1' }, joined - 1)).toBe('c2-b1')
  })

  it('reads a member stored before histories existed as one span from when they were added', () => {
    const legacy = { orgPath: B1, createdAt: joined }
    expect(spansOf(legacy)).toEqual([{ orgPath: B1, from: joined, to: OPEN_SPAN_END }])
    expect(belongedAt(legacy, 'c1', joined - 1)).toBe(false)
    expect(belongedAt(legacy, 'c1', joined)).toBe(true)
    expect(movedSpans(legacy, B2, moved)).toEqual(mover.orgHistory)
  })

  it('closes only the open span on a later move back', () => {
    const back = movedSpans(mover, B1, 9_000)
    expect(back.map((s) => [s.orgPath.at(-1), s.from, s.to])).toEqual([
      ['c1-b1', joined, moved],
      ['c2-b1', moved, 9_000],
      ['c1-b1', 9_000, OPEN_SPAN_END],
    ])
    expect(belongedAt({ ...mover, orgHistory: back }, 'c1', 7_000)).toBe(false)
  })
})
