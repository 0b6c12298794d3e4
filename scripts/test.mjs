// `npm test`: every check the project has, in the order a failure is cheapest to find.
// 1. lint + format, 2. typecheck, 3. build what the tests drive (functions, weapp, h5, host),
// 4. Chromium for the browser tests, 5. jest: domain, server, functions, weapp pages, e2e.
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
await run('npx', ['jest', ...jestArgs], { env: { ...process.env, CHROMIUM_PATH: chromium } })
