import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

import type { FunctionManifest, TimerTrigger } from '../cloudfunctions/common/manifest'
import { REMINDER_TEMPLATES } from '../cloudfunctions/domain/reminder.rules'
import { VISIT_MESSAGE_TEMPLATES } from '../cloudfunctions/domain/visit.rules'
import { openapiMismatch } from './openapi-calls'
import type { DeploySettings } from './settings'

/**
 * What `npm run deploy` uploads, read from the build's output and the manifests, never from a list of its
 * own: one entry per manifest in cloudfunctions/manifests.ts, so a function added on another branch is
 * uploaded once it is merged. `--dry-run` prints exactly this.
 */

export interface FileEntry {
  path: string
  bytes: number
}

/** The config.json the build wrote beside a bundle (scripts/build-functions.mjs writes it from the manifest). */
export interface FunctionConfig {
  permissions: { openapi: string[] }
  triggers?: TimerTrigger[]
  timeout: number
}

export interface SecretPlan {
  name: string
  /** `deployer`: set from the deploying shell's environment; `console`: must already be set on the function. */
  source: 'deployer' | 'console'
}

export interface FunctionUpload {
  name: string
  /** The folder uploaded, relative to the project root. */
  path: string
  files: FileEntry[]
  config: FunctionConfig
  dependencies: Record<string, string>
  /** CloudBase installs the dependencies (wx-server-sdk) from package.json; node_modules is never uploaded. */
  remoteNpmInstall: true
  /** Then: its timer triggers (ci.cloud.createTimeTrigger), its timeout and environment (manager-node). */
  triggers: TimerTrigger[]
  timeout: number
  secrets: SecretPlan[]
  /**
   * Settings the bundle reads from its environment that are not secrets (the subscribe-message template ids of
   * REMINDER_TEMPLATES and VISIT_MESSAGE_TEMPLATES): found in the bundle's code, so a function that starts reading one is covered. Set from
   * the deployer's shell when given, else kept as set in the console; missing ones are reported, not refused.
   */
  settings: SecretPlan[]
  /** openapi calls in index.js that config.json does not grant, and grants it never calls: a real run refuses. */
  openapiProblems: string[]
}

export interface MiniProgramUpload {
  /** The folder uploaded, relative to the project root. */
  path: string
  /** Null when it is not built yet (a dry run with --no-build); a real run builds it first. */
  files: FileEntry[] | null
  appid: string | null
  version: string
  desc: string
  robot: number
  setting: { es6: boolean; minify: boolean }
  /** The weapp build is bound to the env with TARO_APP_CLOUD_ENV. */
  buildEnv: { TARO_APP_CLOUD_ENV: string | null }
  /** Whether the built app.js names that env (null: not built or no env): a real run refuses false. */
  boundToEnv: boolean | null
  privateKeyPath: string | null
}

export interface UploadPlan {
  envId: string | null
  functions: FunctionUpload[]
  /** Folders in dist/cloudfunctions no manifest names (left over from an older build): never uploaded. */
  strayFolders: string[]
  miniprogram: MiniProgramUpload
}

export const FUNCTIONS_OUT = join('dist', 'cloudfunctions')
export const WEAPP_OUT = join('dist', 'weapp')
/** miniprogram-ci's compile settings: Taro already transpiles to ES5 and minifies. */
export const MINIPROGRAM_SETTING = { es6: false, minify: true }
export const MINIPROGRAM_IGNORES = ['node_modules/**/*']

/** Every file under a folder, sorted, with its size; null when the folder does not exist. */
export function listFiles(root: string, dir: string): FileEntry[] | null {
  const absolute = join(root, dir)
  if (!existsSync(absolute)) return null
  const out: FileEntry[] = []
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else out.push({ path: relative(absolute, path), bytes: statSync(path).size })
    }
  }
  walk(absolute)
  return out.sort((a, b) => a.path.localeCompare(b.path))
}

/** Whether the weapp build's app.js calls `cloud.init` with this env id (it is put in by value at build time). */
function boundTo(root: string, envId: string | null): boolean | null {
  const app = join(root, WEAPP_OUT, 'app.js')
  if (!envId || !existsSync(app)) return null
  return readFileSync(app, 'utf8').includes(JSON.stringify(envId))
}

/** Non-secret variables a function may read: the subscribe-message template ids (they belong to the AppID). */
export const FUNCTION_SETTINGS: readonly string[] = [
  ...Object.values(REMINDER_TEMPLATES).map((t) => t.env),
  ...Object.values(VISIT_MESSAGE_TEMPLATES).map((t) => t.env),
]

const readJson = (root: string, path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))

/** The plan for the built output under `root`; throws when a manifest's function has not been built. */
export function uploadPlan(
  root: string,
  manifests: readonly FunctionManifest[],
  settings: DeploySettings,
  env: Record<string, string | undefined>,
): UploadPlan {
  const functions = manifests.map((manifest): FunctionUpload => {
    const path = join(FUNCTIONS_OUT, manifest.name)
    const files = listFiles(root, path)
    if (!files) throw new Error(`${path} is missing: build the functions first (npm run build:functions)`)
    const config = readJson(root, join(path, 'config.json')) as FunctionConfig
    const pkg = readJson(root, join(path, 'package.json')) as { dependencies: Record<string, string> }
    const code = readFileSync(join(root, path, 'index.js'), 'utf8')
    const { undeclared, unused } = openapiMismatch(code, config.permissions.openapi)
    return {
      name: manifest.name,
      path,
      files,
      config,
      dependencies: pkg.dependencies,
      remoteNpmInstall: true,
      triggers: [...manifest.triggers],
      timeout: manifest.timeout,
      secrets: manifest.secrets.map((name) => ({ name, source: env[name] ? 'deployer' : 'console' })),
      settings: FUNCTION_SETTINGS.filter(
        (name) => code.includes(JSON.stringify(name)) || code.includes(`'${name}'`),
      ).map((name) => ({ name, source: env[name] ? 'deployer' : 'console' })),
      openapiProblems: [
        ...undeclared.map((c) => `calls cloud.openapi.${c}, which config.json does not grant`),
        ...unused.map((c) => `config.json grants ${c}, which the bundle never calls`),
      ],
    }
  })
  const named = new Set(manifests.map((m) => m.name as string))
  const built = existsSync(join(root, FUNCTIONS_OUT)) ? readdirSync(join(root, FUNCTIONS_OUT)) : []
  return {
    envId: settings.envId,
    functions,
    strayFolders: built.filter((name) => !named.has(name) && !name.startsWith('.')).sort(),
    miniprogram: {
      path: WEAPP_OUT,
      files: listFiles(root, WEAPP_OUT),
      appid: settings.appid,
      version: settings.version,
      desc: settings.desc,
      robot: settings.robot,
      setting: MINIPROGRAM_SETTING,
      buildEnv: { TARO_APP_CLOUD_ENV: settings.envId },
      boundToEnv: boundTo(root, settings.envId),
      privateKeyPath: settings.privateKeyPath,
    },
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const total = (files: FileEntry[]) => files.reduce((sum, f) => sum + f.bytes, 0)
const or = (value: string | null, missing = 'NOT SET') => value ?? missing

/** The functions' part of the plan as the lines `--dry-run` prints. */
export function formatFunctionsPlan(plan: UploadPlan, settings: DeploySettings): string[] {
  const lines: string[] = []
  lines.push(
    `cloud functions: ${plan.functions.length}, each with ci.cloud.uploadFunction to env ${or(plan.envId)} (${settings.sources.envId})`,
  )
  for (const fn of plan.functions) {
    lines.push(`  function ${fn.name}`)
    lines.push(
      `    from ${fn.path}/ (${fn.files.length} files, ${kb(total(fn.files))}), remoteNpmInstall: true`,
    )
    for (const file of fn.files) lines.push(`      ${file.path} ${kb(file.bytes)}`)
    lines.push(
      `    dependencies: ${Object.entries(fn.dependencies)
        .map(([n, v]) => `${n}@${v}`)
        .join(', ')}`,
    )
    lines.push(`    config.json: ${JSON.stringify(fn.config)}`)
    lines.push(`    openapi: ${fn.config.permissions.openapi.join(', ') || '(none)'}`)
    for (const problem of fn.openapiProblems) lines.push(`    REFUSED: ${problem}`)
    lines.push(
      `    timer triggers: ${fn.triggers.map((t) => `${t.name} "${t.config}"`).join(', ') || '(none)'}` +
        (fn.triggers.length ? ' (ci.cloud.createTimeTrigger)' : ''),
    )
    lines.push(`    timeout: ${fn.timeout} s (manager-node updateFunctionConfig)`)
    lines.push(
      `    environment: ${
        [...fn.secrets, ...fn.settings]
          .map(
            (s) =>
              `${s.name} ${s.source === 'deployer' ? '(from your environment)' : '(kept as set in the console)'}`,
          )
          .join(', ') || '(none)'
      }`,
    )
  }
  for (const stray of plan.strayFolders)
    lines.push(`  NOT uploaded: ${FUNCTIONS_OUT}/${stray} (no manifest names it)`)
  return lines
}

/** The mini-program's part of the plan as the lines `--dry-run` prints. */
export function formatMiniProgramPlan(plan: UploadPlan, settings: DeploySettings): string[] {
  const lines: string[] = []
  const mp = plan.miniprogram
  lines.push('mini-program: ci.upload')
  lines.push(
    `  from ${mp.path}/ ${mp.files ? `(${mp.files.length} files, ${kb(total(mp.files))})` : '(not built yet: a real run builds it first)'}`,
  )
  for (const file of mp.files ?? []) lines.push(`    ${file.path} ${kb(file.bytes)}`)
  if (mp.files && !mp.files.some((f) => f.path === 'project.config.json')) {
    lines.push(
      `  REFUSED: ${mp.path}/project.config.json is missing (miniprogram-ci reads the project from it)`,
    )
  }
  lines.push(`  ignores: ${JSON.stringify(MINIPROGRAM_IGNORES)}`)
  lines.push(`  built with TARO_APP_CLOUD_ENV=${or(mp.buildEnv.TARO_APP_CLOUD_ENV)}`)
  if (mp.boundToEnv === false) {
    lines.push(
      `  REFUSED: ${mp.path}/app.js is not bound to env ${mp.buildEnv.TARO_APP_CLOUD_ENV} (build it again)`,
    )
  }
  lines.push(`  appid: ${or(mp.appid)} (${settings.sources.appid})`)
  lines.push(`  version: ${mp.version} (${settings.sources.version})`)
  lines.push(`  desc: ${mp.desc} (${settings.sources.desc})`)
  lines.push(`  robot: ${mp.robot} (${settings.sources.robot})`)
  lines.push(`  setting: ${JSON.stringify(mp.setting)}`)
  lines.push(
    `  upload key: ${or(mp.privateKeyPath)} (${settings.sources.privateKeyPath}; not read in a dry run)`,
  )
  return lines
}
