/**
 * Where a member belonged, and when: the spans of their organisation history. A study session's 应到 is the
 * members whose span held the session's node at its start, so a past session's figures never move when the
 * roster changes — a member added later is not expected, one who moved away stays expected where they were.
 * Spans are half-open, [from, to): at the moment of a move the member belongs to the new node.
 */
export interface OrgSpan {
  /** The node and its ancestors, root first, as `orgPath` on the member. */
  orgPath: string[]
  from: number
  /** OPEN_SPAN_END while the member is still there. */
  to: number
}

/**
 * The end of a span that has not ended: the last millisecond a Date can hold, a number rather than null so that
 * "from ≤ t < to" is one range condition in the database.
 */
export const OPEN_SPAN_END = 8_640_000_000_000_000

export interface HistoryHolder {
  orgPath: string[]
  createdAt: number
  orgHistory?: OrgSpan[]
}

/** A new member's history: one open span from now. */
export function firstSpan(orgPath: readonly string[], at: number): OrgSpan[] {
  return [{ orgPath: [...orgPath], from: at, to: OPEN_SPAN_END }]
}

/** The stored history; a member stored before histories existed has one span from when they were added. */
export function spansOf(member: HistoryHolder): OrgSpan[] {
  return member.orgHistory ?? firstSpan(member.orgPath, member.createdAt)
}

/** The history after a move at `at`: the open span closes there and a new one opens in `orgPath`. */
export function movedSpans(member: HistoryHolder, orgPath: readonly string[], at: number): OrgSpan[] {
  const closed = spansOf(member).map((s) => (s.to === OPEN_SPAN_END ? { ...s, to: at } : s))
  return [...closed, ...firstSpan(orgPath, at)]
}

/** The span the member was in at `at`, or null when they were not on the roster then. */
export function spanAt(member: HistoryHolder, at: number): OrgSpan | null {
  return spansOf(member).find((s) => s.from <= at && at < s.to) ?? null
}

/** The node the member was placed on at `at` (the one they are on now, if they were on none then). */
export function orgIdAt(member: HistoryHolder & { orgId: string }, at: number): string {
  return spanAt(member, at)?.orgPath.at(-1) ?? member.orgId
}

/** Whether the member belonged to `orgId` or a node below it at `at`: expected at a session starting then. */
export function belongedAt(member: HistoryHolder, orgId: string, at: number): boolean {
  return spanAt(member, at)?.orgPath.includes(orgId) ?? false
}
