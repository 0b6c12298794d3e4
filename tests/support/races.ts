import { currentCall } from '../../server/call-context'
import { onRequest } from '../../server/db/transport'

/** Which call to watch: the caller and `<function> <action>` (server/runtime.ts labels every call so). */
export interface CallMatch {
  /** The caller's OPENID; null for a timer run (no caller). */
  openid: string | null
  label: string
}

/** Whether the request being made belongs to the call `who` names. */
function isCall(who: CallMatch): boolean {
  const call = currentCall()
  return call !== undefined && call.label === who.label && (call.env.WX_OPENID ?? null) === who.openid
}

/**
 * Runs `first`, and starts `second` at the moment the call matching `who` issues its `atRequest`-th database
 * request (or when `first` settles, if it makes fewer). Sweeping `atRequest` over 1..N puts the second call at
 * every point between the first one's requests, so a race that needs a particular interleaving is met in some
 * round, not left to chance.
 */
export async function startDuring<A, B>(
  first: () => Promise<A>,
  who: CallMatch,
  atRequest: number,
  second: () => Promise<B>,
): Promise<[A, B]> {
  let started: Promise<B> | null = null
  let fired = false
  const stop = onRequest(() => {
    if (fired || !isCall(who)) return
    if ((currentCall()?.requests ?? 0) + 1 < atRequest) return
    // Set before starting: the second call's own requests pass through this listener while it starts.
    fired = true
    started = second()
  })
  try {
    const a = await first()
    return [a, await (started ?? second())]
  } finally {
    stop()
  }
}

/**
 * One form sent twice with the same key, the second send starting at each of the first's database requests in
 * turn (rounds 1..`rounds`): both sends answer the same record (`idOf`), and `count` grows by exactly one a round.
 */
export async function sentTwiceStoredOnce<A>(form: {
  who: CallMatch
  rounds: number
  count: () => Promise<number>
  send: (submitKey: string) => Promise<A>
  idOf: (answer: A) => string
}): Promise<void> {
  for (let round = 1; round <= form.rounds; round++) {
    const before = await form.count()
    const submitKey = `form${round}${form.who.label.replace(/[^A-Za-z0-9]/g, '')}`
      .padEnd(16, 'k')
      .slice(0, 40)
    const [a, b] = await startDuring(
      () => form.send(submitKey),
      form.who,
      round,
      () => form.send(submitKey),
    )
    expect(form.idOf(b)).toBe(form.idOf(a))
    expect(await form.count()).toBe(before + 1)
  }
}

/**
 * Makes the call matching `who` die at its `atRequest`-th database request (that request fails, and the call with
 * it), as a function killed by its timeout or a dropped host would: what it wrote before stays, nothing after.
 * Returns the function that stops it.
 */
export function dieAt(who: CallMatch, atRequest: number): () => void {
  let died = false
  return onRequest(() => {
    if (died || !isCall(who)) return
    if ((currentCall()?.requests ?? 0) + 1 < atRequest) return
    died = true
    throw new Error(`the call died at its database request ${atRequest}`)
  })
}
