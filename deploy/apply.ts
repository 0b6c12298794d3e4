import {
  createIndexRequest,
  type DatabasePlan,
  type DatabaseState,
  indexesFromDescription,
} from './database-plan'
import type { SecurityRules } from './rules'
import type { FunctionUpload, MiniProgramUpload } from './upload-plan'

/**
 * The real side of a deployment: what miniprogram-ci and @cloudbase/manager-node are called with. Both are
 * loaded only here, only by a real run (deploy/tools.ts), so `npm ci` never installs them and a dry run never
 * needs them or the keys. The types below are the parts of their APIs this file uses.
 */

type Awaitable<T> = Promise<T>

export interface MiniprogramCi {
  Project: new (options: {
    appid: string
    type: 'miniProgram'
    projectPath: string
    privateKeyPath: string
    ignores?: string[]
  }) => unknown
  upload(options: {
    project: unknown
    version: string
    desc: string
    robot: number
    setting: { es6: boolean; minify: boolean }
    onProgressUpdate?: (task: unknown) => void
  }): Awaitable<unknown>
  cloud: {
    uploadFunction(options: {
      project: unknown
      env: string
      name: string
      path: string
      remoteNpmInstall: boolean
    }): Awaitable<{ filesCount: number; packSize: number }>
    createTimeTrigger(options: {
      project: unknown
      envId: string
      functionName: string
      triggersConfig: { name: string; type: string; config: string }[]
    }): Awaitable<string>
  }
}

export interface CloudbaseManager {
  database: {
    listCollections(options?: { MgoLimit?: number; MgoOffset?: number }): Awaitable<{
      Collections: { CollectionName: string }[]
      Pager?: { Total: number }
    }>
    describeCollection(name: string): Awaitable<Parameters<typeof indexesFromDescription>[0]>
    createCollectionIfNotExists(name: string): Awaitable<unknown>
    updateCollection(
      name: string,
      indexes: {
        CreateIndexes?: ReturnType<typeof createIndexRequest>[]
        DropIndexes?: { IndexName: string }[]
      },
    ): Awaitable<unknown>
    checkIndexExists(name: string, index: string): Awaitable<{ Exists: boolean }>
  }
  permission: {
    modifyResourcePermission(options: {
      resourceType: 'collection'
      resource: string
      permission: 'CUSTOM'
      securityRule: string
    }): Awaitable<unknown>
  }
  storage: {
    setStorageAcl(
      acl: 'CUSTOM',
      rule: { read: boolean | string; write: boolean | string },
    ): Awaitable<unknown>
  }
  functions: {
    getFunctionDetail(
      name: string,
    ): Awaitable<{ Environment?: { Variables?: { Key: string; Value: string }[] } }>
    updateFunctionConfig(options: {
      name: string
      timeout: number
      envVariables: Record<string, string>
    }): Awaitable<unknown>
  }
}

export type Log = (line: string) => void

/** The env's collections and their indexes, read with manager-node (read-only). */
export async function readDatabaseState(
  manager: CloudbaseManager,
  names: readonly string[],
): Promise<DatabaseState> {
  const existing = new Set<string>()
  for (let offset = 0; ; offset += 100) {
    const page = await manager.database.listCollections({ MgoLimit: 100, MgoOffset: offset })
    for (const c of page.Collections) existing.add(c.CollectionName)
    if (page.Collections.length < 100) break
  }
  const collections: DatabaseState['collections'] = {}
  for (const name of existing) {
    collections[name] = names.includes(name)
      ? indexesFromDescription(await manager.database.describeCollection(name))
      : []
  }
  return { collections }
}

/**
 * Applies a database plan: creates missing collections (createCollectionIfNotExists), drops what differs or is not
 * declared, then creates what is missing (updateCollection), and checks each declared index exists afterwards
 * (checkIndexExists). Every step is idempotent, so a run that stopped half-way is finished by running it again.
 */
export async function applyDatabasePlan(
  manager: CloudbaseManager,
  plan: DatabasePlan,
  log: Log,
): Promise<void> {
  for (const c of plan.collections) {
    if (c.create) {
      await manager.database.createCollectionIfNotExists(c.collection)
      log(`  created collection ${c.collection}`)
    }
    if (c.dropIndexes.length > 0) {
      await manager.database.updateCollection(c.collection, {
        DropIndexes: c.dropIndexes.map((IndexName) => ({ IndexName })),
      })
      log(`  ${c.collection}: dropped ${c.dropIndexes.join(', ')}`)
    }
    if (c.createIndexes.length > 0) {
      await manager.database.updateCollection(c.collection, {
        CreateIndexes: c.createIndexes.map(createIndexRequest),
      })
      log(`  ${c.collection}: created ${c.createIndexes.map((i) => i.name).join(', ')}`)
    }
    for (const name of [...c.keep, ...c.createIndexes.map((i) => i.name)]) {
      const { Exists } = await manager.database.checkIndexExists(c.collection, name)
      if (!Exists) throw new Error(`${c.collection}.${name} does not exist after it was created`)
    }
  }
}

/** The database rule on every declared collection, and the storage rule. */
export async function applyRules(
  manager: CloudbaseManager,
  collections: readonly string[],
  rules: SecurityRules,
  log: Log,
): Promise<void> {
  for (const collection of collections) {
    await manager.permission.modifyResourcePermission({
      resourceType: 'collection',
      resource: collection,
      permission: 'CUSTOM',
      securityRule: JSON.stringify(rules.database),
    })
  }
  log(`  database rule ${JSON.stringify(rules.database)} on ${collections.length} collections`)
  await manager.storage.setStorageAcl('CUSTOM', rules.storage)
  log(`  storage rule ${JSON.stringify(rules.storage)}`)
}

/**
 * Uploads each function (its folder with package.json and config.json; CloudBase installs wx-server-sdk), creates
 * its timer triggers, then sets its timeout and environment: the variables already on the function are kept
 * (secrets set in the console), those the deployer's shell provides are set, and a declared secret found in
 * neither stops the deployment. Values are never printed.
 */
export async function deployFunctions(
  tools: { ci: MiniprogramCi; manager: CloudbaseManager; project: unknown },
  envId: string,
  functions: readonly FunctionUpload[],
  env: Record<string, string | undefined>,
  root: (path: string) => string,
  log: Log,
): Promise<void> {
  const { ci, manager, project } = tools
  for (const fn of functions) {
    const sent = await ci.cloud.uploadFunction({
      project,
      env: envId,
      name: fn.name,
      path: root(fn.path),
      remoteNpmInstall: fn.remoteNpmInstall,
    })
    log(`  ${fn.name}: uploaded ${sent.filesCount} files (${sent.packSize} bytes)`)
    if (fn.triggers.length > 0) {
      const answer = await ci.cloud.createTimeTrigger({
        project,
        envId,
        functionName: fn.name,
        triggersConfig: fn.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
      })
      // miniprogram-ci answers a sentence instead of throwing when the trigger is refused.
      if (answer !== '创建定时触发器成功') throw new Error(`${fn.name}: timer triggers refused: ${answer}`)
      log(`  ${fn.name}: timer triggers ${fn.triggers.map((t) => t.name).join(', ')}`)
    }
    const detail = await manager.functions.getFunctionDetail(fn.name)
    const variables: Record<string, string> = {}
    for (const v of detail.Environment?.Variables ?? []) variables[v.Key] = v.Value
    for (const secret of fn.secrets) {
      const provided = env[secret.name]
      if (provided) variables[secret.name] = provided
      if (!variables[secret.name]) {
        throw new Error(
          `${fn.name}: ${secret.name} is set neither on the function nor in your environment (README: 部署到微信云开发)`,
        )
      }
    }
    await manager.functions.updateFunctionConfig({
      name: fn.name,
      timeout: fn.timeout,
      envVariables: variables,
    })
    log(
      `  ${fn.name}: timeout ${fn.timeout} s, environment ${Object.keys(variables).sort().join(', ') || '(none)'}`,
    )
  }
}

export async function uploadMiniProgram(
  ci: MiniprogramCi,
  project: unknown,
  mp: MiniProgramUpload,
  log: Log,
): Promise<void> {
  await ci.upload({ project, version: mp.version, desc: mp.desc, robot: mp.robot, setting: mp.setting })
  log(`  uploaded ${mp.version} (robot ${mp.robot}): set it as 体验版 or submit it for review in 版本管理`)
}
