/**
 * Where a deployment goes and with which key: from environment variables, else from the untracked
 * `deploy.config.json` (gitignored; `deploy.config.example.json` shows its fields). An environment
 * variable wins over the file, so CI can override one value. Tencent Cloud's SecretId/SecretKey and the
 * functions' secrets are read from the environment only, never from a file in the working tree.
 */

/** The fields of deploy.config.json (every one optional there; see `resolveSettings` for the defaults). */
export interface DeployConfigFile {
  appid?: string
  envId?: string
  privateKeyPath?: string
  version?: string
  desc?: string
  robot?: number
}

export interface DeploySettings {
  /** The mini-program's AppID (wx + 16 hex). */
  appid: string | null
  /** The CloudBase environment id: functions, database and storage go there; the weapp build is bound to it. */
  envId: string | null
  /** The code upload key (代码上传密钥) downloaded from 微信公众平台; read only by a real upload. */
  privateKeyPath: string | null
  /** The mini-program version and its description, shown in 版本管理. */
  version: string
  desc: string
  /** miniprogram-ci robot 1–30: each robot keeps its own 开发版. */
  robot: number
  /** Tencent Cloud API keys for @cloudbase/manager-node (collections, indexes, rules, function settings). */
  tencentCloud: { secretId: string; secretKey: string } | null
  /** Where each value came from, for the printed plan. */
  sources: Record<'appid' | 'envId' | 'privateKeyPath' | 'version' | 'desc' | 'robot', string>
}

/** The environment variables a deployment reads; the README's 部署到微信云开发 lists the same. */
export const DEPLOY_ENV = {
  appid: 'DEPLOY_APPID',
  envId: 'DEPLOY_ENV_ID',
  privateKeyPath: 'DEPLOY_PRIVATE_KEY_PATH',
  version: 'DEPLOY_VERSION',
  desc: 'DEPLOY_DESC',
  robot: 'DEPLOY_ROBOT',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
} as const

export const CONFIG_FILE = 'deploy.config.json'

type Env = Record<string, string | undefined>

/**
 * The settings from the environment, the config file's contents (null when there is none) and the
 * defaults (version from package.json, a description naming the version).
 */
export function resolveSettings(
  env: Env,
  file: DeployConfigFile | null,
  defaults: { version: string },
): DeploySettings {
  const sources = {} as DeploySettings['sources']
  const pick = (key: keyof DeploySettings['sources'], fallback: string | null): string | null => {
    const fromEnv = env[DEPLOY_ENV[key]]?.trim()
    if (fromEnv) {
      sources[key] = `$${DEPLOY_ENV[key]}`
      return fromEnv
    }
    const fromFile = file?.[key]
    if (fromFile !== undefined && fromFile !== null && String(fromFile).trim() !== '') {
      sources[key] = CONFIG_FILE
      return String(fromFile).trim()
    }
    sources[key] = fallback === null ? 'not set' : 'default'
    return fallback
  }
  const appid = pick('appid', null)
  const envId = pick('envId', null)
  const privateKeyPath = pick('privateKeyPath', null)
  const version = pick('version', defaults.version) as string
  const desc = pick('desc', `基层党建助手 ${version}`) as string
  const robot = Number(pick('robot', '1'))
  const secretId = env[DEPLOY_ENV.secretId]?.trim()
  const secretKey = env[DEPLOY_ENV.secretKey]?.trim()
  return {
    appid,
    envId,
    privateKeyPath,
    version,
    desc,
    robot,
    tencentCloud: secretId && secretKey ? { secretId, secretKey } : null,
    sources,
  }
}

/** What is wrong with the settings for the given steps, in words an operator can act on; empty when fine. */
export function settingsProblems(
  settings: DeploySettings,
  needs: { upload: boolean; manage: boolean },
): string[] {
  const problems: string[] = []
  const unset = (what: string, variable: string, field?: string) =>
    `${what} is not set: set $${variable}${field ? ` or "${field}" in ${CONFIG_FILE}` : ''}`
  if (!settings.envId) problems.push(unset('the CloudBase environment id', DEPLOY_ENV.envId, 'envId'))
  if (needs.upload) {
    if (!settings.appid) problems.push(unset('the AppID', DEPLOY_ENV.appid, 'appid'))
    else if (!/^wx[0-9a-f]{16}$/.test(settings.appid))
      problems.push(`the AppID ${settings.appid} is not wx + 16 hex digits`)
    if (!settings.privateKeyPath) {
      problems.push(unset('the upload key path', DEPLOY_ENV.privateKeyPath, 'privateKeyPath'))
    }
    if (!/^\d+\.\d+\.\d+$/.test(settings.version))
      problems.push(`the version ${settings.version} is not x.y.z`)
    if (!Number.isInteger(settings.robot) || settings.robot < 1 || settings.robot > 30) {
      problems.push(`the robot ${settings.robot} is not a whole number from 1 to 30`)
    }
  }
  if (needs.manage && !settings.tencentCloud) {
    problems.push(
      `Tencent Cloud API keys are not set: set $${DEPLOY_ENV.secretId} and $${DEPLOY_ENV.secretKey} (never in a file)`,
    )
  }
  return problems
}
