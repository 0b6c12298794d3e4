import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { buildSync } from 'esbuild'

/**
 * The monthly rules under the machine's time zone: CloudBase runs functions in UTC, a developer's laptop in
 * Asia/Shanghai. The same instants around every month end of 2025–2026 must fall in the same months, give the
 * same month ranges, the same rollup buckets and the same 每月2次 lists, whatever TZ the process has.
 */
describe('month boundaries under TZ=UTC and TZ=Asia/Shanghai', () => {
  const bundle = join(mkdtempSync(join(tmpdir(), 'tz-')), 'month-boundaries.js')
  buildSync({
    entryPoints: [join(__dirname, '__fixtures__', 'month-boundaries.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
  })
  const run = (tz: string) =>
    JSON.parse(
      execFileSync(process.execPath, [bundle], { env: { ...process.env, TZ: tz }, encoding: 'utf8' }),
    )
  const utc = run('UTC')
  const shanghai = run('Asia/Shanghai')

  it('the two processes really ran in different zones', () => {
    const offset = (tz: string) =>
      execFileSync(
        process.execPath,
        ['-e', 'process.stdout.write(String(new Date(0).getTimezoneOffset()))'],
        {
          env: { ...process.env, TZ: tz },
          encoding: 'utf8',
        },
      )
    expect([offset('UTC'), offset('Asia/Shanghai')]).toEqual(['0', '-480'])
  })

  it('gives the same months, ranges, rollup buckets and 每月2次 lists', () => {
    expect(shanghai).toEqual(utc)
  })

  it('puts China midnight on the 1st in the new month and the millisecond before in the old one', () => {
    // Instants per month: start − 1 h, start − 1 ms, start, start + 1 ms, start + 1 h; index 5 is February 2025.
    expect(utc.months.slice(5, 10)).toEqual(['2025-01', '2025-01', '2025-02', '2025-02', '2025-02'])
    expect(utc.year).toEqual([Date.UTC(2025, 11, 31, 16), Date.UTC(2026, 11, 31, 16)])
    expect(utc.below).toEqual([
      ['2026-01', [{ id: 'a', count: 1 }]],
      [
        '2026-02',
        [
          { id: 'a', count: 1 },
          { id: 'b', count: 0 },
        ],
      ],
    ])
  })
})
