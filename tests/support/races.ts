import { currentCall } from '../../server/call-context'
import { onRequest } from '../../server/db/transport'

/** Which call to watch: the caller and `<function> <action>` (server/runtime.ts labels every call so). */
export interface CallMatch {
  /** The caller's OPENID; null for a timer run (no caller). */
  openid: string | null
  label: string
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
    const call = currentCall()
    if (fired || !call || call.label !== who.label || (call.env.WX_OPENID ?? null) !== who.openid) return
    if (call.requests + 1 < atRequest) return
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
