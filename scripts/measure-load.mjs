// Load time of each bundled cloud function, as a ratio to loading bare wx-server-sdk: what a cold start pays
// before `main` runs. Every sample is a fresh `node -e` process that times `require(<bundle>)` in-process
// (so node's own start-up is left out); samples of the baseline and of each function are interleaved, so a
// busy machine slows them alike, and the median of N is reported.
//
//   node scripts/measure-load.mjs [samples]      (bundles first: node scripts/build-functions.mjs)
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

import { root } from './lib.mjs'

/** The budget: every function loads within this multiple of bare wx-server-sdk. */
export const LOAD_RATIO_BUDGET = 1.3

const BASELINE = 'wx-server-sdk'

/** What CloudBase sets for the process; the SDK reads some of it when a bundle calls `cloud.init` at load. */
const CLOUD_ENV = {
  TCB_ENV: 'local',
  SCF_NAMESPACE: 'local',
  TENCENTCLOUD_SECRETID: 'local-placeholder',
  TENCENTCLOUD_SECRETKEY: 'local-placeholder',
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Milliseconds one fresh process spends in `require(target)`. */
export function sampleLoad(target, cwd = root) {
  const script =
    'const t = process.cpuUsage();' +
    `require(${JSON.stringify(target)});` +
    'const d = process.cpuUsage(t);' +
    'process.stdout.write(String((d.user + d.system) / 1000));' +
    'process.exit(0)'
  let out
  try {
    out = execFileSync(process.execPath, ['-e', script], {
      cwd,
      env: { ...process.env, ...CLOUD_ENV },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const why =
      String(error.stderr ?? '')
        .split('\n')
        .find((line) => /Error/.test(line)) ?? error.message
    throw new Error(`require(${target}) failed: ${why}`)
  }
  const ms = Number(out.trim())
  if (!Number.isFinite(ms)) throw new Error(`could not time require(${target}): ${out}`)
  return ms
}

/**
 * Median load time of bare wx-server-sdk and of each bundled function in `functionsDir`, with each
 * function's ratio to the baseline. `samples` processes per target.
 */
export function measureLoad({
  functionsDir = join(root, 'dist', 'cloudfunctions'),
  names,
  samples = 15,
} = {}) {
  functionsDir = resolve(functionsDir)
  const list = (names ?? readdirSync(functionsDir)).filter((n) =>
    existsSync(join(functionsDir, n, 'index.js')),
  )
  const targets = [BASELINE, ...list.map((n) => join(functionsDir, n, 'index.js'))]
  const times = targets.map(() => [])
  sampleLoad(BASELINE) // warm the disk cache so the first sample is not an outlier
  for (let i = 0; i < samples; i++) targets.forEach((t, j) => times[j].push(sampleLoad(t)))
  const baseline = median(times[0])
  return {
    baseline,
    functions: list.map((name, i) => {
      const ms = median(times[i + 1])
      return { name, ms, ratio: ms / baseline }
    }),
  }
}

export function printLoad({ baseline, functions }) {
  console.log(`load ${BASELINE}: ${baseline.toFixed(1)} ms (median)`)
  for (const f of functions) {
    const flag = f.ratio > LOAD_RATIO_BUDGET ? `  over the ${LOAD_RATIO_BUDGET}× budget` : ''
    console.log(`load ${f.name}: ${f.ms.toFixed(1)} ms = ${f.ratio.toFixed(2)}× ${BASELINE}${flag}`)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const samples = Number(process.argv[2] ?? 15)
  printLoad(measureLoad({ samples }))
}
