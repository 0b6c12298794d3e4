import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { COLLECTIONS, INDEXES } from '../cloudfunctions/common/collections'
import { MANIFESTS } from '../cloudfunctions/manifests'
import {
  applyDatabasePlan,
  applyRules,
  type CloudbaseManager,
  deployFunctions,
  type MiniprogramCi,
  readDatabaseState,
  uploadMiniProgram,
} from './apply'
import { type DatabaseState, formatDatabasePlan, planDatabase } from './database-plan'
import { RULES } from './rules'
import { CONFIG_FILE, type DeployConfigFile, resolveSettings, settingsProblems } from './settings'
import { loadTool } from './tools'
import { formatFunctionsPlan, formatMiniProgramPlan, MINIPROGRAM_IGNORES, uploadPlan } from './upload-plan'

/**
 * `npm run deploy [-- options]`: builds, then brings the CloudBase env and the mini-program to what this
 * commit declares, in this order: collections and indexes, security rules, cloud functions, mini-program.
 *   --dry-run          print what would be done and exit; needs no key, loads no deployment tool
 *   --only=a,b         some of: database, rules, functions, miniprogram
 *   --no-build         use dist/ as it is
 *   --current=<file>   (dry run) the env's database as a JSON DatabaseState, instead of reading it
 *   --config=<file>    instead of deploy.config.json
 * Exit status: 0 done (or planned), 1 failed, 2 settings missing.
 */

export const STEPS = ['database', 'rules', 'functions', 'miniprogram'] as const
type Step = (typeof STEPS)[number]

export interface CliOptions {
  dryRun: boolean
  build: boolean
  only: Step[]
  current: string | null
  config: string
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    dryRun: false,
    build: true,
    only: [...STEPS],
    current: null,
    config: CONFIG_FILE,
  }
  for (const arg of argv) {
    const [flag, value] = arg.split(/=(.*)/s, 2)
    if (flag === '--dry-run') options.dryRun = true
    else if (flag === '--no-build') options.build = false
    else if (flag === '--current' && value) options.current = value
    else if (flag === '--config' && value) options.config = value
    else if (flag === '--only' && value) {
      const only = value.split(',').map((s) => s.trim())
      const unknown = only.filter((s) => !(STEPS as readonly string[]).includes(s))
      if (unknown.length)
        throw new Error(`--only: unknown step ${unknown.join(', ')} (steps: ${STEPS.join(', ')})`)
      options.only = only as Step[]
    } else throw new Error(`unknown argument ${arg}`)
  }
  return options
}

type Env = Record<string, string | undefined>

function readConfigFile(root: string, file: string): DeployConfigFile | null {
  const path = join(root, file)
  if (!existsSync(path)) return null
  return JSON.parse(readFileSync(path, 'utf8')) as DeployConfigFile
}

function run(root: string, command: string, args: string[], env: Env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: env as NodeJS.ProcessEnv })
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`)
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[], root: string, env: Env, log: (line: string) => void) {
  const options = parseArgs(argv)
  const has = (step: Step) => options.only.includes(step)
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  const settings = resolveSettings(env, readConfigFile(root, options.config), { version: pkg.version })
  const problems = settingsProblems(settings, {
    upload: has('functions') || has('miniprogram'),
    manage: has('database') || has('rules') || has('functions'),
  })
  const collections = Object.values(COLLECTIONS) as string[]
  const manifests = Object.values(MANIFESTS)

  if (options.dryRun) {
    log(`DRY RUN: nothing is uploaded or changed; steps: ${options.only.join(', ')}`)
    for (const problem of problems) log(`a real run would stop here: ${problem}`)
  } else if (problems.length > 0) {
    for (const problem of problems) log(`cannot deploy: ${problem}`)
    return 2
  }

  if (options.build && (has('functions') || has('miniprogram'))) {
    if (has('functions')) run(root, process.execPath, ['scripts/build-functions.mjs'], env)
    if (has('miniprogram')) {
      run(root, 'npx', ['taro', 'build', '--type', 'weapp'], {
        ...env,
        TARO_APP_CLOUD_ENV: settings.envId ?? '',
      })
    }
  }

  const upload = has('functions') || has('miniprogram') ? uploadPlan(root, manifests, settings, env) : null
  const manager =
    !options.dryRun && (has('database') || has('rules') || has('functions'))
      ? loadTool<{ init(o: object): CloudbaseManager }>(root, '@cloudbase/manager-node').init({
          ...settings.tencentCloud,
          envId: settings.envId,
        })
      : null

  if (has('database')) {
    log('')
    log('database: collections and indexes (cloudfunctions/common/collections.ts)')
    let current: DatabaseState
    if (options.current)
      current = JSON.parse(readFileSync(join(root, options.current), 'utf8')) as DatabaseState
    else if (manager) current = await readDatabaseState(manager, collections)
    else {
      log('  (no --current file: planned against an empty env)')
      current = { collections: {} }
    }
    const plan = planDatabase(collections, INDEXES, current)
    for (const line of formatDatabasePlan(plan)) log(line)
    if (manager) await applyDatabasePlan(manager, plan, log)
  }

  if (has('rules')) {
    log('')
    log('security rules (deploy/rules/)')
    log(`  database: ${JSON.stringify(RULES.database)} on every collection (${collections.length})`)
    log(`  storage: ${JSON.stringify(RULES.storage)}`)
    if (manager) await applyRules(manager, collections, RULES, log)
  }

  if (upload) {
    if (has('functions')) for (const line of ['', ...formatFunctionsPlan(upload, settings)]) log(line)
    if (has('miniprogram')) for (const line of ['', ...formatMiniProgramPlan(upload, settings)]) log(line)
  }

  if (options.dryRun || !upload) return 0
  const refused = upload.functions.flatMap((fn) => fn.openapiProblems.map((p) => `${fn.name}: ${p}`))
  if (refused.length > 0) throw new Error(`refusing to upload:\n  ${refused.join('\n  ')}`)
  const ci = loadTool<MiniprogramCi>(root, 'miniprogram-ci')
  const project = new ci.Project({
    appid: settings.appid as string,
    type: 'miniProgram',
    projectPath: join(root, upload.miniprogram.path),
    privateKeyPath: settings.privateKeyPath as string,
    ignores: MINIPROGRAM_IGNORES,
  })
  if (has('functions')) {
    log('')
    log('uploading cloud functions')
    await deployFunctions(
      { ci, manager: manager as CloudbaseManager, project },
      settings.envId as string,
      upload.functions,
      env,
      (path) => join(root, path),
      log,
    )
  }
  if (has('miniprogram')) {
    log('')
    log('uploading the mini-program')
    await uploadMiniProgram(ci, project, upload.miniprogram, log)
  }
  return 0
}
