import { QUESTION_TYPE_LABELS, type QuestionType, shuffle } from './quiz.rules'

/**
 * Random papers: each draw asks for N questions of a type and/or a knowledge-point tag, and no
 * question may appear twice in one paper. A question tagged with two draws' tags can serve
 * either draw but not both, so whether a bank suffices is a matching problem: it is solved as a
 * maximum flow (source → draw, capacity N → question, capacity 1 → sink), which finds a paper
 * whenever one exists. Shuffling the candidates first makes every attempt's paper a random one.
 */
export interface Draw {
  type?: QuestionType
  tag?: string
  count: number
}

export interface DrawCandidate {
  id: string
  type: QuestionType
  tags: readonly string[]
}

export interface DrawShortage {
  /** The draw's position in the exam's list, from 0. */
  index: number
  label: string
  wanted: number
  found: number
  /** How many questions match the draw on its own: more than `found` when other draws took some. */
  matching: number
}

export type DrawResult = { ok: true; picks: string[][] } | { ok: false; shortages: DrawShortage[] }

export function drawLabel(draw: Draw): string {
  const parts = [draw.type ? QUESTION_TYPE_LABELS[draw.type] : '任意题型']
  if (draw.tag) parts.push(`知识点“${draw.tag}”`)
  return parts.join('·')
}

export function matchesDraw(draw: Draw, q: DrawCandidate): boolean {
  return (
    (draw.type === undefined || q.type === draw.type) && (draw.tag === undefined || q.tags.includes(draw.tag))
  )
}

/**
 * Picks `count` distinct questions for every draw, or reports each draw left short (how many it
 * could get at most alongside the others). `picks[i]` are the question ids of draw i.
 */
export function drawPaper(
  draws: readonly Draw[],
  bank: readonly DrawCandidate[],
  random: () => number = Math.random,
): DrawResult {
  const pool = shuffle(bank, random)
  const candidates = draws.map((d) => pool.map((_, qi) => qi).filter((qi) => matchesDraw(d, pool[qi])))
  const owner = new Array<number>(pool.length).fill(-1)
  const assigned = draws.map(() => 0)

  // One augmenting path from draw `d`: a free question, or one whose owner can move elsewhere.
  const augment = (d: number): boolean => {
    const seenDraw = new Set<number>([d])
    const seenQuestion = new Set<number>()
    const from = new Map<number, { question: number; prev: number }>()
    const queue: number[] = [d]
    while (queue.length > 0) {
      const cur = queue.shift() as number
      for (const qi of candidates[cur]) {
        if (seenQuestion.has(qi)) continue
        seenQuestion.add(qi)
        if (owner[qi] === -1) {
          // Walk back: each draw on the path takes the question the next one gave up.
          let question = qi
          let draw = cur
          for (;;) {
            owner[question] = draw
            if (draw === d) break
            const step = from.get(draw) as { question: number; prev: number }
            question = step.question
            draw = step.prev
          }
          return true
        }
        const next = owner[qi]
        if (!seenDraw.has(next)) {
          seenDraw.add(next)
          from.set(next, { question: qi, prev: cur })
          queue.push(next)
        }
      }
    }
    return false
  }

  draws.forEach((draw, d) => {
    while (assigned[d] < draw.count && augment(d)) assigned[d]++
  })
  const shortages = draws
    .map((draw, index) => ({
      index,
      label: drawLabel(draw),
      wanted: draw.count,
      found: assigned[index],
      matching: candidates[index].length,
    }))
    .filter((s) => s.found < s.wanted)
  if (shortages.length > 0) return { ok: false, shortages }
  const picks = draws.map((_, d) => pool.flatMap((q, qi) => (owner[qi] === d ? [q.id] : [])))
  return { ok: true, picks }
}

/** "第2组（多选题·知识点“党章”）需要5题，题库中只够3题" (or: only 3 left once the other draws took theirs). */
export function formatShortage(s: DrawShortage): string {
  const where = `第${s.index + 1}组（${s.label}）需要${s.wanted}题`
  return s.matching > s.found
    ? `${where}，题库中符合的${s.matching}题与其他组重复，不重复的只够${s.found}题`
    : `${where}，题库中只够${s.found}题`
}
