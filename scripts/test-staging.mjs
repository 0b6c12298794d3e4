// `npm run test:staging`: the smoke suite (tests/staging) against a real CloudBase env, through Tencent's Node SDK
// (@cloudbase/node-sdk, installed by `npm run deploy:tools`). It never reports success it did not observe:
//   - without STAGING_ENV_ID, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY, or without the SDK, it prints
//     "staging smoke suite: NOT RUN (...)" and exits 3;
//   - otherwise it runs the suite and prints "staging smoke suite: RAN against <env>" and the counts jest
//     observed; it exits 0 only when at least one test ran and none failed or was skipped.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { root } from './lib.mjs'

export const NOT_RUN_STATUS = 3
const VARS = ['STAGING_ENV_ID', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY']

function notRun(reason) {
  console.log(`staging smoke suite: NOT RUN (${reason}); nothing was checked against a real env`)
  process.exit(NOT_RUN_STATUS)
}

const missing = VARS.filter((name) => !process.env[name])
if (missing.length > 0) notRun(`set ${missing.join(', ')} to run it`)
if (!existsSync(join(root, 'deploy-tools', 'node_modules', '@cloudbase', 'node-sdk'))) {
  notRun('@cloudbase/node-sdk is not installed: run npm run deploy:tools')
}

const report = join(mkdtempSync(join(tmpdir(), 'staging-')), 'report.json')
spawnSync('npx', ['jest', '--config', 'jest.staging.config.js', '--json', `--outputFile=${report}`], {
  cwd: root,
  stdio: 'inherit',
})
if (!existsSync(report)) notRun('jest wrote no report')
const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = JSON.parse(
  readFileSync(report, 'utf8'),
)
if (numPassedTests + numFailedTests === 0) notRun('no test ran')
console.log(`staging smoke suite: RAN against ${process.env.STAGING_ENV_ID}`)
console.log(`${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`)
process.exit(numFailedTests === 0 && numPendingTests === 0 && numRuntimeErrorTestSuites === 0 ? 0 : 1)
