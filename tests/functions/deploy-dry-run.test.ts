import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'

import { INDEXES } from '../../cloudfunctions/common/collections'
import { MANIFESTS } from '../../cloudfunctions/manifests'
import { FUNCTIONS_DIR } from '../support/backend'

const root = join(__dirname, '..', '..')
const execFileAsync = promisify(execFile)

/**
 * `npm run deploy -- --dry-run` on the functions the global setup has just built: what it prints is what a real
 * run would upload. It runs without an upload key, without Tencent Cloud keys and without the deployment tools.
 */
async function dryRun(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(DEPLOY_|TENCENTCLOUD_|CHECKIN_HMAC_SECRET)/.test(name),
    ),
  )
  const { stdout } = await execFileAsync(
    process.execPath,
    ['scripts/deploy.mjs', '--dry-run', '--no-build', '--config=none.json', ...args],
    { cwd: root, env: { ...clean, ...env } },
  )
  return stdout.split('\n')
}

describe('npm run deploy -- --dry-run', () => {
  let lines: string[]
  beforeAll(async () => {
    lines = await dryRun(['--only=functions,miniprogram'], {
      DEPLOY_APPID: 'wx0123456789abcdef',
      DEPLOY_ENV_ID: 'staging-4f2a',
      DEPLOY_PRIVATE_KEY_PATH: '/nowhere/private.key',
      DEPLOY_VERSION: '2.3.4',
    })
  }, 60_000)

  it('says it is a dry run, and what a real run would still need', () => {
    expect(lines[0]).toBe('DRY RUN: nothing is uploaded or changed; steps: functions, miniprogram')
    expect(lines).toContain(
      'a real run would stop here: Tencent Cloud API keys are not set: set $TENCENTCLOUD_SECRETID and $TENCENTCLOUD_SECRETKEY (never in a file)',
    )
  })

  it('uploads every function of the manifests, from its built folder, file by file', () => {
    expect(lines).toContain(
      `cloud functions: ${Object.keys(MANIFESTS).length}, each with ci.cloud.uploadFunction to env staging-4f2a ($DEPLOY_ENV_ID)`,
    )
    for (const manifest of Object.values(MANIFESTS)) {
      const at = lines.indexOf(`  function ${manifest.name}`)
      expect(at).toBeGreaterThan(-1)
      const dir = relative(root, join(FUNCTIONS_DIR, manifest.name))
      expect(lines[at + 1]).toMatch(
        new RegExp(`^    from ${dir}/ \\(\\d+ files, [\\d.]+ KB\\), remoteNpmInstall: true$`),
      )
      const block = lines.slice(
        at + 1,
        lines.findIndex((l, i) => i > at && l.startsWith('  function ')) >>> 0,
      )
      const config = readFileSync(join(FUNCTIONS_DIR, manifest.name, 'config.json'), 'utf8')
      expect(block).toContain(`    config.json: ${JSON.stringify(JSON.parse(config))}`)
      expect(block).toContain(`    timeout: ${manifest.timeout} s (manager-node updateFunctionConfig)`)
      expect(block).toContain(`    openapi: ${manifest.openapi.join(', ') || '(none)'}`)
      for (const file of ['index.js', 'package.json', 'config.json']) {
        expect(block.some((l) => l.startsWith(`      ${file} `))).toBe(true)
      }
      const secrets = manifest.secrets.map((s) => `${s} (kept as set in the console)`).join(', ')
      expect(block).toContain(`    environment: ${secrets || '(none)'}`)
    }
  })

  it('uploads the mini-program with the version, the description and the settings given', () => {
    expect(lines).toEqual(
      expect.arrayContaining([
        'mini-program: ci.upload',
        '  built with TARO_APP_CLOUD_ENV=staging-4f2a',
        '  appid: wx0123456789abcdef ($DEPLOY_APPID)',
        '  version: 2.3.4 ($DEPLOY_VERSION)',
        '  desc: 基层党建助手 2.3.4 (default)',
        '  setting: {"es6":false,"minify":true}',
        '  ignores: ["node_modules/**/*"]',
        '  upload key: /nowhere/private.key ($DEPLOY_PRIVATE_KEY_PATH; not read in a dry run)',
      ]),
    )
  })

  it('says a secret the deployer provides is set from their environment, never printing it', async () => {
    const secret = 'x'.repeat(40)
    const withSecret = await dryRun(['--only=functions'], { DEPLOY_ENV_ID: 'e', CHECKIN_HMAC_SECRET: secret })
    expect(withSecret).toContain('    environment: CHECKIN_HMAC_SECRET (from your environment)')
    expect(withSecret.join('\n')).not.toContain(secret)
  }, 60_000)

  it('plans collections and indexes against a described current state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-state-'))
    const state = join(dir, 'state.json')
    const members = INDEXES.filter((i) => i.collection === 'members' && i.name !== 'phone').map((i) => ({
      name: i.name,
      fields: i.fields,
      unique: i.unique === true,
    }))
    writeFileSync(
      state,
      JSON.stringify({ collections: { members: [...members, { name: 'old', fields: { x: 1 } }] } }),
    )
    const plan = await dryRun(['--only=database', `--current=${relative(root, state)}`])
    expect(plan).toEqual(
      expect.arrayContaining([
        '  create collection orgs',
        '  keep collection members',
        '    drop index old',
        '    create index phone (phone 1, unique)',
        '    keep index openid',
      ]),
    )
    expect(plan).not.toContain('  (no --current file: planned against an empty env)')
  }, 60_000)
})
