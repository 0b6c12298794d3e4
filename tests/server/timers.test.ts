/**
 * Timer triggers: a `Timer` event reaches its handler only from the scheduler (no caller), the local host
 * runs them on their seven-field cron in China time, and an HTTP client can never fire one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import { build } from 'esbuild'

import { startHost } from '../../server/host'
import { FunctionRuntime } from '../../server/runtime'
import { bundledTriggers, nextRun, scheduleTimers, type TimerRun } from '../../server/timers'

let dir: string
let runtime: FunctionRuntime

beforeAll(async () => {
  // Inside the checkout, so the bundle resolves wx-server-sdk from node_modules as the real functions do.
  const fixtures = join(__dirname, '..', '..', 'dist', 'test-fixtures')
  mkdirSync(fixtures, { recursive: true })
  dir = mkdtempSync(join(fixtures, 'timers-'))
  await build({
    entryPoints: [join(__dirname, 'fixtures', 'timed-function.ts')],
    outfile: join(dir, 'timed', 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['wx-server-sdk'],
    logLevel: 'silent',
  })
  // What the build writes from a manifest's `triggers`: every second, for this test.
  const triggers = [{ name: 'tick', type: 'timer', config: '* * * * * * *' }]
  writeFileSync(join(dir, 'timed', 'config.json'), JSON.stringify({ timeout: 3, triggers }))
  runtime = new FunctionRuntime(dir)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the cron', () => {
  it('reads the seven fields in China time: 02:00 nightly is 18:00 UTC the day before', () => {
    const at = nextRun('0 0 2 * * * *', new Date('2026-12-01T10:00:00Z'))
    expect(at.toISOString()).toBe('2026-12-01T18:00:00.000Z')
  })

  it('refuses a cron without the year field or bound to a year', () => {
    expect(() => nextRun('0 0 2 * * *', new Date())).toThrow(/7 fields/)
    expect(() => nextRun('0 0 2 * * * 2027', new Date())).toThrow(/year/)
  })
})

describe('a timer event', () => {
  it('runs its handler when the scheduler fires it, with the trigger and the time', async () => {
    const result = (await runtime.fireTimer('timed', 'tick')) as { ok: boolean; data: { trigger: string } }
    expect(result).toMatchObject({ ok: true, data: { trigger: 'tick' } })
  })

  it('is refused from a caller: only the platform fires timers', async () => {
    const result = await runtime.invoke(
      'timed',
      { Type: 'Timer', TriggerName: 'tick' },
      { openid: 'o-someone' },
    )
    expect(result).toMatchObject({
      ok: false,
      code: 'COMMON.TIMER_ONLY',
      message: '此操作只能由系统定时执行',
    })
  })

  it('answers an unknown trigger as an unknown action', async () => {
    expect(await runtime.fireTimer('timed', 'nope')).toMatchObject({
      ok: false,
      code: 'COMMON.UNKNOWN_ACTION',
    })
  })

  it('is refused over HTTP, with or without a session', async () => {
    const host = await startHost({ port: 0, dataDir: null, functionsDir: dir, seed: false, timers: false })
    try {
      const response = await fetch(`${host.url}/fn/timed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ Type: 'Timer', TriggerName: 'tick' }),
      })
      expect(response.status).toBe(403)
      expect(await response.json()).toMatchObject({ ok: false, code: 'COMMON.TIMER_ONLY' })
    } finally {
      await host.close()
    }
  })
})

it('runs the triggers of the built config.json on their cron until stopped', async () => {
  const runs: TimerRun[] = []
  // Every second: resolves on the second run (jest's own timeout bounds the wait), no sleeping.
  let secondRun = (): void => undefined
  const two = new Promise<void>((resolve) => (secondRun = resolve))
  const schedule = scheduleTimers(runtime, bundledTriggers(dir, runtime.names()), (run) => {
    runs.push(run)
    if (runs.length === 2) secondRun()
  })
  try {
    await two
  } finally {
    schedule.stop()
  }
  expect(runs.length).toBeGreaterThanOrEqual(2)
  expect(runs[0].result).toMatchObject({ ok: true, data: { trigger: 'tick' } })
  expect(runs[1].at.getTime()).toBeGreaterThan(runs[0].at.getTime())
})
