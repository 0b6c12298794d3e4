// `npm test`: every check the project has, in the order a failure is cheapest to find.
// 1. lint + format, 2. typecheck, 3. build what the tests drive (functions, weapp, h5, host),
// 4. Chromium for the browser tests, 5. jest: domain, server, functions, weapp pages, e2e, then the query shapes
// they recorded against the declared indexes.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from './build-functions.mjs'
import { buildHost } from './build-host.mjs'
import { ensureChromium } from './ensure-chromium.mjs'
import { run, step } from './lib.mjs'

const jestArgs = process.argv.slice(2)

step('lint and format')
await run('npm', ['run', 'lint', '--silent'])
step('typecheck')
await run('npm', ['run', 'typecheck', '--silent'])
step('build: cloud functions, weapp, h5, local host')
await buildFunctions()
await run('npx', ['taro', 'build', '--type', 'weapp'])
await run('npx', ['taro', 'build', '--type', 'h5'])
await buildHost()
step('chromium for the browser tests')
const chromium = await ensureChromium()
step('jest')
const env = { ...process.env, CHROMIUM_PATH: chromium }
if (jestArgs.length > 0) await run('npx', ['jest', ...jestArgs], { env })
else {
  // The local database records every query's shape during this run; the indexes project then checks them.
  const shapes = mkdtempSync(join(tmpdir(), 'query-shapes-'))
  await run('npx', ['jest', '--ignoreProjects', 'indexes'], { env: { ...env, RECORD_QUERY_SHAPES: shapes } })
  step('every query over a growing collection served by a declared index')
  await run('npx', ['jest', '--selectProjects', 'indexes'], { env: { ...env, QUERY_SHAPES_DIR: shapes } })
}
