/**
 * What the study stores share: a guard so that only the answer to the latest request of a kind
 * reaches the screen (a secretary flipping months quickly must not see an older month's answer).
 */
export function latestOnly(): () => () => boolean {
  let seq = 0
  return () => {
    const mine = ++seq
    return () => mine === seq
  }
}
