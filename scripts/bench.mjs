// `npm run bench`: figures, never pass/fail. Sizes of the weapp packages and the bundled functions, the
// database requests each action makes, and the local host's throughput and latency under concurrent clients,
// with calls overlapping (the default, as on CloudBase) and one at a time (LOCAL_SERIAL_CALLS=1).
//
//   npm run bench                       every section
//   npm run bench -- requests host      the named sections: sizes, requests, host, burst (or checkin), quiz, volunteer, visit, stats
//   npm run bench -- host burst --serial   host figures with calls one at a time only (--overlap: overlapping only)
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

import { buildFunctions } from './build-functions.mjs'
import { buildHost } from './build-host.mjs'
import { root, run, step } from './lib.mjs'

const KB = (n) => `${(n / 1024).toFixed(1)} KB`

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  )
}

export function packageSizes(weappDir) {
  const app = JSON.parse(readFileSync(join(weappDir, 'app.json'), 'utf8'))
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''))
  const all = files(weappDir).map((f) => ({ path: relative(weappDir, f), bytes: statSync(f).size }))
  const inRoot = (path, r) => path === r || path.startsWith(`${r}/`)
  const main = all.filter((f) => !roots.some((r) => inRoot(f.path, r)))
  const subs = roots.map((r) => ({
    root: r,
    bytes: all.filter((f) => inRoot(f.path, r)).reduce((s, f) => s + f.bytes, 0),
  }))
  return { main, mainTotal: main.reduce((s, f) => s + f.bytes, 0), subs }
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** How the host runs calls: overlapping (the default) or one at a time (the comparison). */
export const MODES = {
  overlap: { label: 'overlapping calls (default)', env: {} },
  serial: { label: 'one call at a time (LOCAL_SERIAL_CALLS=1)', env: { LOCAL_SERIAL_CALLS: '1' } },
}

export function startHostProcess(dataDir, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'host', 'main.js')], {
      cwd: root,
      env: { ...process.env, LOCAL_SERIAL_CALLS: '', ...env, DATA_DIR: dataDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (c) => {
      out += c
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve({ child, url: m[1] })
    })
    child.on('exit', (code) => reject(new Error(`host exited ${code}`)))
  })
}

/** Stops a host started by startHostProcess and waits until it has exited (its data is then complete). */
export function stopHostProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** `clients` loops, each sending `perClient` requests one after another; latencies in ms. */
export async function load({ clients, perClient, send }) {
  const latencies = []
  let errors = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now()
        const ok = await send(c, i).catch(() => false)
        latencies.push(performance.now() - t)
        if (!ok) errors++
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { calls: latencies.length, errors, seconds, latencies }
}

export function report(label, r) {
  const p = (x) => `${percentile(r.latencies, x).toFixed(1)} ms`
  console.log(
    `${label}: ${r.calls} calls in ${r.seconds.toFixed(2)} s = ${(r.calls / r.seconds).toFixed(0)} calls/s, ` +
      `p50 ${p(50)}, p95 ${p(95)}, p99 ${p(99)}, errors ${r.errors}`,
  )
}

/** The same load under each mode, one row per mode: `rows` are [mode, { calls, seconds, latencies, errors }]. */
function sideBySide(title, unit, rows) {
  const ms = (r, p) => `${percentile(r.latencies, p).toFixed(1)} ms`
  const table = [
    ['', `${unit}/s`, 'p50', 'p95', 'p99', 'errors'],
    ...rows.map(([mode, r]) => [
      MODES[mode].label,
      (r.calls / r.seconds).toFixed(0),
      ms(r, 50),
      ms(r, 95),
      ms(r, 99),
      String(r.errors),
    ]),
  ]
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)))
  console.log(`${title}:`)
  for (const row of table)
    console.log(
      `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')}`,
    )
}

async function benchSizes() {
  step('weapp production build')
  const t = performance.now()
  await run('npx', ['taro', 'build', '--type', 'weapp'], { env: { ...process.env, NODE_ENV: 'production' } })
  console.log(`weapp build took ${((performance.now() - t) / 1000).toFixed(1)} s`)
  const sizes = packageSizes(join(root, 'dist', 'weapp'))
  step('weapp main package (budget 500 KB; WeChat limit 2 MB)')
  for (const f of sizes.main.sort((a, b) => b.bytes - a.bytes))
    console.log(`  ${String(f.bytes).padStart(8)}  ${f.path}`)
  console.log(
    `main package total: ${sizes.mainTotal} bytes (${KB(sizes.mainTotal)}), ${sizes.mainTotal < 500 * 1024 ? 'within' : 'OVER'} the 500 KB budget`,
  )
  for (const s of sizes.subs) console.log(`subpackage ${s.root}: ${s.bytes} bytes (${KB(s.bytes)})`)
  step('bundled cloud functions')
  for (const name of await buildFunctions()) {
    const dir = join(root, 'dist', 'cloudfunctions', name)
    const bytes = statSync(join(dir, 'index.js')).size
    // Libraries loaded only by the routes that need them sit beside index.js (build-functions.mjs LAZY_VENDORS).
    const vendor = existsSync(join(dir, 'vendor'))
      ? files(join(dir, 'vendor')).reduce((sum, f) => sum + statSync(f).size, 0)
      : 0
    const lazy = vendor > 0 ? `, plus ${vendor} bytes (${KB(vendor)}) loaded on first use` : ''
    console.log(`  ${name}: ${bytes} bytes (${KB(bytes)})${lazy}`)
  }
}

async function accountMe(mode) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-host-'))
  const { child, url } = await startHostProcess(dataDir, MODES[mode].env)
  try {
    const login = await fetch(`${url}/local/login`, {
      method: 'POST',
      body: JSON.stringify({ openid: 'demo-secretary-1' }),
    })
    const { token } = await login.json()
    const send = async () => {
      const res = await fetch(`${url}/fn/account`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'account/me', data: {} }),
      })
      return (await res.json()).ok === true
    }
    await load({ clients: 10, perClient: 20, send }) // warm-up
    const result = await load({ clients: 50, perClient: 100, send })
    report(`account/me, ${MODES[mode].label}`, result)
    return result
  } finally {
    await stopHostProcess(child)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function benchHost(modes) {
  step('local host: account/me under 50 concurrent clients (durable store)')
  await buildFunctions()
  await buildHost()
  const rows = []
  for (const mode of modes) rows.push([mode, await accountMe(mode)])
  sideBySide('account/me, 50 clients × 100 calls', 'calls', rows)
}

/**
 * Loads TypeScript helpers shared with the tests (tests/support), bundled on the fly by esbuild into one
 * module, so they share one copy of the server code (the database transport, the call context).
 */
async function loadTs(...paths) {
  const { build } = await import('esbuild')
  // Two folders below the project root, as tests/support is, so paths the helpers build from __dirname hold;
  // inside the project, so the bundle's external packages resolve from node_modules.
  const name = paths.map((p) => p.replace(/^.*[\\/]/, '').replace(/\.ts$/, '')).join('+')
  const outfile = join(root, 'dist', 'bench', `${name}.cjs`)
  await build({
    stdin: {
      contents: paths.map((p) => `export * from ${JSON.stringify(`./${p.replace(/\.ts$/, '')}`)}`).join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  })
  return createRequire(outfile)(outfile)
}

/**
 * 1,000 members, 50 at a time, scan one session's code. The street is set up once; each mode runs on its own
 * copy of that data folder, so both bursts start from the same state.
 */
async function benchBurst(modes) {
  step('check-in burst: 1,000 members, 50 concurrent clients, through the local host (durable store)')
  await buildFunctions()
  await buildHost()
  const { prepareBurst, burst } = await loadTs('tests/support/checkin-burst.ts')
  const setupDir = mkdtempSync(join(tmpdir(), 'bench-checkin-'))
  const rows = []
  try {
    const setup = await startHostProcess(setupDir)
    let prep
    try {
      const t = performance.now()
      prep = await prepareBurst(setup.url, 1000)
      console.log(
        `setup (import 1,000 members, bind each, create the session): ${((performance.now() - t) / 1000).toFixed(1)} s`,
      )
    } finally {
      await stopHostProcess(setup.child)
    }
    for (const mode of modes) {
      const dataDir = mkdtempSync(join(tmpdir(), 'bench-checkin-'))
      cpSync(setupDir, dataDir, { recursive: true })
      const { child, url } = await startHostProcess(dataDir, MODES[mode].env)
      try {
        const { results, seconds } = await burst({
          url,
          memberTokens: prep.memberTokens,
          code: await prep.qrToken(url),
          concurrency: 50,
        })
        const latencies = results.map((r) => r.ms).sort((a, b) => a - b)
        const errors = results.filter((r) => !r.ok).length
        const checkedIn = results.filter((r) => r.outcome === 'checked_in').length
        const p = (x) => `${percentile(latencies, x).toFixed(1)} ms`
        console.log(
          `check-in burst, ${MODES[mode].label}: ${results.length} members in ${seconds.toFixed(2)} s = ` +
            `${(results.length / seconds).toFixed(0)} check-ins/s, p50 ${p(50)}, p95 ${p(95)}, p99 ${p(99)}, ` +
            `签到成功 ${checkedIn}, errors ${errors}`,
        )
        rows.push([mode, { calls: results.length, seconds, latencies, errors }])
      } finally {
        await stopHostProcess(child)
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  } finally {
    rmSync(setupDir, { recursive: true, force: true })
  }
  sideBySide('check-in burst, 1,000 members, 50 clients', 'check-ins', rows)
}

/**
 * Database requests per action (issue 7): one call of each everyday action on the seeded demo street, counted
 * by the runtime (`runtime.measure`). One line per action, `requests <function> <action>: <N>`; other
 * situations of an action (a session's first check-in, a repeated scan) follow as indented notes.
 */
async function benchRequests() {
  step('database requests per action (seeded demo street, one call each)')
  await buildFunctions()
  const { startBackend, measureFlows, routedActions } = await loadTs(
    'tests/support/backend.ts',
    'tests/support/request-cost.ts',
  )
  const backend = await startBackend()
  try {
    const costs = await measureFlows(backend)
    const value = (c) => (c.failure === null ? String(c.requests) : `failed: ${c.failure}`)
    // Grouped by function, in the order the flows measured them.
    const fns = [...new Set(costs.map((c) => c.fn))]
    const typical = fns.flatMap((fn) => costs.filter((c) => c.fn === fn && c.variant === null))
    for (const c of typical) {
      console.log(`requests ${c.fn} ${c.action}: ${value(c)}`)
      for (const v of costs.filter((x) => x.variant !== null && x.fn === c.fn && x.action === c.action))
        console.log(`  (${v.fn} ${v.action}, ${v.variant}: ${value(v)})`)
    }
    const main = new Set(costs.filter((c) => c.variant === null).map((c) => `${c.fn} ${c.action}`))
    for (const v of costs.filter((c) => c.variant !== null && !main.has(`${c.fn} ${c.action}`)))
      console.log(`  (${v.fn} ${v.action}, ${v.variant}: ${value(v)})`)
    const missing = routedActions(backend.runtime.names()).filter((a) => !main.has(a))
    if (missing.length > 0) console.log(`  (not measured: ${missing.join(', ')})`)
  } finally {
    await backend.close()
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/**
 * 月度统计 (issue 11): the `stats/month` call for the whole street of a generated 5,000-member street with 3 and
 * with 24 months of history (median of 7 calls after three warm-up calls; their CPU time too), its database requests, the same figures by a
 * scan of the raw records (read in-process, then counted: tests/support/stats-direct.ts), and a year's export.
 */
async function benchStats() {
  step('monthly statistics: 5,000 members, 3 and 24 months of history (generated street, deterministic)')
  await buildFunctions()
  const { startBackend, generateStreet, loadStreet, rawStreet, directFigures } = await loadTs(
    'tests/support/backend.ts',
    'tests/support/stats-street.ts',
    'tests/support/stats-direct.ts',
  )
  const now = Date.now()
  const month = new Date(now + 8 * 3600_000).toISOString().slice(0, 7)
  const rows = {}
  for (const months of [3, 24]) {
    const started = performance.now()
    const progress = (what) =>
      console.error(`  … ${months} months: ${what} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
    let street = generateStreet({ members: 5000, months, now })
    progress('generated')
    const backend = await startBackend({ seed: false })
    try {
      await loadStreet(backend, street)
      // The generator's copy of every record is let go once the database holds them: a host holds only its
      // database, and a heap grown by a second copy of the history slows every young-generation collection.
      const checkins = street.collections.checkins.length
      const who = { openid: street.admin }
      street = null
      progress('loaded')
      const event = { action: 'stats/month', data: { orgId: 'g-s' } }
      // Three calls first: the heap is still settling from the load (its garbage collected, the generator's copy
      // let go), which no host serving a street it has held for months goes through.
      for (let i = 0; i < 3; i++) await backend.runtime.invoke('stats', event, who)
      const times = []
      const cpu = []
      let requests = 0
      for (let i = 0; i < 7; i++) {
        const t0 = performance.now()
        const c0 = process.cpuUsage()
        const measured = await backend.runtime.measure('stats', event, who)
        times.push(performance.now() - t0)
        const c1 = process.cpuUsage(c0)
        cpu.push((c1.user + c1.system) / 1000)
        requests = measured.requests
        if (!measured.result.ok)
          throw new Error(`stats/month: ${measured.result.code} ${measured.result.message}`)
      }
      progress('stats/month measured')
      const scans = []
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now()
        directFigures(await rawStreet(backend.docs), 'g-s', month, now)
        scans.push(performance.now() - t0)
      }
      progress('raw scan measured')
      rows[months] = {
        ms: median(times),
        cpu: median(cpu),
        requests,
        scan: median(scans),
        checkins,
      }
      const r = rows[months]
      console.log(
        `stats/month, street, ${months} months of history (${r.checkins} check-ins): ${r.ms.toFixed(1)} ms (median of 7); ` +
          `full scan of raw records: ${r.scan.toFixed(1)} ms; CPU time of the call ${r.cpu.toFixed(1)} ms (median, ` +
          `the process's threads, the garbage collector's included: less sensitive than the clock to a busy machine)`,
      )
      console.log(`requests stats stats/month (${months} months of history): ${r.requests}`)
      if (months === 24) {
        const ratio = `stats history ratio (24 vs 3 months): ${(rows[24].ms / rows[3].ms).toFixed(2)}`
        console.log(
          `stats history ratio of CPU time (24 vs 3 months): ${(rows[24].cpu / rows[3].cpu).toFixed(2)}`,
        )
        console.log(ratio)
        const t0 = performance.now()
        const exported = await backend.runtime.measure(
          'stats',
          { action: 'stats/export', data: { orgId: 'g-s', period: month.slice(0, 4) } },
          who,
        )
        const file = exported.result
        if (!file.ok) throw new Error(`stats/export: ${file.code} ${file.message}`)
        console.log(
          `stats/export of a year (24 months of history, 5,000 members): ${(performance.now() - t0).toFixed(0)} ms, ` +
            `${exported.requests} database requests`,
        )
        // The ratio again, so the section ends with it.
        console.log(ratio)
      }
    } finally {
      await backend.close()
    }
  }
}

/** Sections by name; `checkin` is the burst's former name. */
const SECTIONS = ['sizes', 'load', 'requests', 'host', 'burst', 'quiz', 'volunteer', 'visit', 'stats']

async function main(args) {
  const names = args.filter((a) => !a.startsWith('--')).map((a) => (a === 'checkin' ? 'burst' : a))
  const flags = new Set(args.filter((a) => a.startsWith('--')))
  const unknown = [
    ...names.filter((n) => !SECTIONS.includes(n)),
    ...[...flags].filter((f) => !['--serial', '--overlap'].includes(f)),
  ]
  if (unknown.length > 0) {
    console.error(
      `npm run bench: unknown ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}; flags: --serial, --overlap`,
    )
    process.exit(2)
  }
  const only = (name) => names.length === 0 || names.includes(name)
  // Both modes unless one is asked for.
  const modes =
    flags.has('--serial') === flags.has('--overlap')
      ? ['overlap', 'serial']
      : flags.has('--serial')
        ? ['serial']
        : ['overlap']
  if (only('sizes')) await benchSizes()
  if (only('load')) {
    step('load time of each bundled function against bare wx-server-sdk (CPU time, median of 15 processes)')
    await buildFunctions()
    const { measureLoad, printLoad } = await import('./measure-load.mjs')
    printLoad(measureLoad({ samples: 15 }))
  }
  if (only('requests')) await benchRequests()
  if (only('host')) await benchHost(modes)
  if (only('burst')) await benchBurst(modes)
  if (only('stats')) await benchStats()
  if (only('quiz')) {
    await buildFunctions()
    await buildHost()
    await (await import('./bench-quiz.mjs')).benchQuiz({ load, report, startHostProcess })
  }
  if (only('volunteer')) {
    await buildFunctions()
    await buildHost()
    await (await import('./bench-volunteer.mjs')).benchVolunteer({ load, report, startHostProcess })
  }
  if (only('visit')) {
    await buildFunctions()
    await buildHost()
    await (await import('./bench-visit.mjs')).benchVisit({ report, startHostProcess, stopHostProcess })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2))
