// `npm run bench`: figures, never pass/fail. Sizes of the weapp packages and the bundled
// functions, and the local host's throughput and latency under concurrent clients.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

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

export function startHostProcess(dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist', 'host', 'main.js')], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0' },
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
    const bytes = statSync(join(root, 'dist', 'cloudfunctions', name, 'index.js')).size
    console.log(`  ${name}: ${bytes} bytes (${KB(bytes)})`)
  }
}

async function benchHost() {
  step('local host: account/me under 50 concurrent clients (durable store)')
  await buildHost()
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-host-'))
  const { child, url } = await startHostProcess(dataDir)
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
    report('account/me', await load({ clients: 50, perClient: 100, send }))
  } finally {
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Loads a TypeScript helper shared with the tests (tests/support), bundled on the fly by esbuild. */
async function loadTs(path) {
  const { build } = await import('esbuild')
  // Inside the project, so the bundle's external packages resolve from node_modules.
  const outfile = join(root, 'dist', 'bench', path.replace(/[\\/]/g, '_').replace(/\.ts$/, '.cjs'))
  await build({
    entryPoints: [join(root, path)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  })
  return createRequire(outfile)(outfile)
}

async function benchCheckin() {
  step('check-in burst: 1,000 members, 50 concurrent clients, through the local host (durable store)')
  await buildFunctions()
  await buildHost()
  const { prepareBurst, burst, percentile: pct } = await loadTs('tests/support/checkin-burst.ts')
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-checkin-'))
  const { child, url } = await startHostProcess(dataDir)
  try {
    const t = performance.now()
    const prep = await prepareBurst(url, 1000)
    console.log(
      `setup (import 1,000 members, bind each, create the session): ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )
    const { results, seconds } = await burst({
      url,
      memberTokens: prep.memberTokens,
      code: await prep.qrToken(),
      concurrency: 50,
    })
    const ms = results.map((r) => r.ms).sort((a, b) => a - b)
    const checkedIn = results.filter((r) => r.outcome === 'checked_in').length
    const errors = results.filter((r) => !r.ok).length
    console.log(
      `check-in burst: ${results.length} members in ${seconds.toFixed(2)} s = ${(results.length / seconds).toFixed(0)} check-ins/s, ` +
        `p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms, p99 ${pct(ms, 99).toFixed(1)} ms, ` +
        `签到成功 ${checkedIn}, errors ${errors}`,
    )
  } finally {
    child.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const only = process.argv[2]
if (!only || only === 'sizes') await benchSizes()
if (!only || only === 'host') await benchHost()
if (!only || only === 'quiz')
  await (await import('./bench-quiz.mjs')).benchQuiz({ load, report, startHostProcess })
if (!only || only === 'checkin') await benchCheckin()
