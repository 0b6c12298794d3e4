/**
 * The clock for page tests whose screen waits on time: a countdown, a rotating code, a retry after a failure.
 * Waiting in real time would make such a test as slow as the clock, and near its timeout on a busy machine.
 *
 *   driveClock()            // before loadPage: the page's timers are jest's from the start
 *   await passTime(20_000)  // twenty seconds pass at once
 *
 * The fake timers still run with real time, so the harness's polling and the page's own short timers work as
 * usual. Real timers come back after each test.
 */
export function driveClock(): void {
  jest.useFakeTimers({ advanceTimers: true })
}

if (typeof afterEach === 'function') afterEach(() => jest.useRealTimers())

/** Moves the clock on by `ms` at once, then runs a second of timers so every page tick (250 ms to 1 s) sees it. */
export async function passTime(ms: number): Promise<void> {
  jest.setSystemTime(Date.now() + ms)
  await jest.advanceTimersByTimeAsync(1000)
}
