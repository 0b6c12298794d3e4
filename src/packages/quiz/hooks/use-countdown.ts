import { useEffect, useRef, useState } from 'react'

/**
 * Milliseconds left until `deadline` by the server's clock (`offset` = server − phone), ticking
 * each second; calls `onExpire` once when it reaches zero.
 */
export function useCountdown(deadline: number | null, offset: number, onExpire: () => void): number {
  const left = () => (deadline === null ? 0 : Math.max(0, deadline - (Date.now() + offset)))
  const [ms, setMs] = useState(left)
  const expire = useRef(onExpire)
  expire.current = onExpire
  useEffect(() => {
    if (deadline === null) return
    let fired = false
    const tick = () => {
      const now = left()
      setMs(now)
      if (now === 0 && !fired) {
        fired = true
        expire.current()
      }
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `left` reads only deadline and offset
  }, [deadline, offset])
  return ms
}
