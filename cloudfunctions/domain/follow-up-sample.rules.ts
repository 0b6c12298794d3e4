/**
 * 回访核查: each quarter the 纪工委 calls a random sample of window-service items (and completed home visits). The
 * draw is reproducible: a recorded seed gives the same sample, so anyone can re-draw it and check that nobody picked
 * whom to call. Pure, so the page can show how a draw was made from the same rule.
 *
 * Proportional across communities: each community's share of the sample follows its share of the items (largest
 * remainder, so the shares add up to the size exactly); within a community, items are drawn without replacement by
 * a seeded shuffle (mulberry32 over the seed's hash, Fisher–Yates).
 */

export interface SampleItem {
  id: string
  /** The community the item belongs to (its organisation node). */
  groupId: string
}

/** A 32-bit hash of the seed text (FNV-1a), the generator's starting state. */
export function seedState(seed: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** mulberry32: a small, well-distributed generator of numbers in [0, 1). */
export function generator(state: number): () => number {
  let a = state >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** How many of `size` each group gets, in proportion to its items (largest remainder; ties by group id). */
export function allocate(counts: ReadonlyMap<string, number>, size: number): Map<string, number> {
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const n = Math.min(size, total)
  const out = new Map<string, number>()
  if (n <= 0) return out
  const rows = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, c]) => ({ id, c, exact: (c * n) / total }))
  let given = 0
  for (const r of rows) {
    const floor = Math.min(Math.floor(r.exact), r.c)
    out.set(r.id, floor)
    given += floor
  }
  const byRemainder = [...rows].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)),
  )
  for (const r of byRemainder) {
    if (given >= n) break
    if ((out.get(r.id) ?? 0) < r.c) {
      out.set(r.id, (out.get(r.id) ?? 0) + 1)
      given++
    }
  }
  return out
}

/**
 * The sample: `size` items (all of them when there are fewer), no item twice, each community's share in
 * proportion to its items, the same for the same seed and items whatever order the items come in.
 */
export function drawSample<T extends SampleItem>(items: readonly T[], size: number, seed: string): T[] {
  const sorted = [...new Map(items.map((i) => [i.id, i])).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  )
  const groups = new Map<string, T[]>()
  for (const item of sorted) groups.set(item.groupId, [...(groups.get(item.groupId) ?? []), item])
  const shares = allocate(new Map([...groups].map(([id, list]) => [id, list.length])), size)
  const next = generator(seedState(seed))
  const picked: T[] = []
  for (const [groupId, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pool = [...list]
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[pool[i], pool[j]] = [pool[j], pool[i]]
    }
    picked.push(...pool.slice(0, shares.get(groupId) ?? 0))
  }
  return picked
}
