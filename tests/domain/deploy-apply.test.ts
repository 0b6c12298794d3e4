import { COLLECTIONS, INDEXES } from '../../cloudfunctions/common/collections'
import {
  applyDatabasePlan,
  applyRules,
  type CloudbaseManager,
  deployFunctions,
  type MiniprogramCi,
  readDatabaseState,
} from '../../deploy/apply'
import {
  type DatabaseState,
  hasChanges,
  indexesFromDescription,
  planDatabase,
} from '../../deploy/database-plan'
import { RULES } from '../../deploy/rules'
import type { FunctionUpload } from '../../deploy/upload-plan'

const names = Object.values(COLLECTIONS) as string[]

/** A stand-in for an env behind manager-node: it keeps collections and indexes as CloudBase describes them. */
function fakeEnv() {
  const tables = new Map<
    string,
    { Name: string; Keys: { Name: string; Direction: string }[]; Unique: boolean }[]
  >()
  const calls: string[] = []
  const variables = new Map<string, Record<string, string>>()
  const manager: CloudbaseManager = {
    database: {
      listCollections: async ({ MgoOffset = 0, MgoLimit = 100 } = {}) => ({
        Collections: [...tables.keys()]
          .slice(MgoOffset, MgoOffset + MgoLimit)
          .map((CollectionName) => ({ CollectionName })),
      }),
      describeCollection: async (name) => ({ Indexes: tables.get(name) }),
      createCollectionIfNotExists: async (name) => {
        calls.push(`createCollectionIfNotExists ${name}`)
        if (!tables.has(name))
          tables.set(name, [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }])
      },
      updateCollection: async (name, { CreateIndexes = [], DropIndexes = [] }) => {
        calls.push(`updateCollection ${name} +${CreateIndexes.length} -${DropIndexes.length}`)
        const table = (tables.get(name) ?? []).filter((i) => !DropIndexes.some((d) => d.IndexName === i.Name))
        for (const c of CreateIndexes) {
          if (table.some((i) => i.Name === c.IndexName)) throw new Error(`index ${c.IndexName} exists`)
          table.push({
            Name: c.IndexName,
            Keys: c.MgoKeySchema.MgoIndexKeys,
            Unique: c.MgoKeySchema.MgoIsUnique,
          })
        }
        tables.set(name, table)
      },
      checkIndexExists: async (name, index) => ({
        Exists: !!tables.get(name)?.some((i) => i.Name === index),
      }),
    },
    permission: {
      modifyResourcePermission: async (o) =>
        void calls.push(`rule ${o.resource} ${o.permission} ${o.securityRule}`),
    },
    storage: {
      setStorageAcl: async (acl, rule) => void calls.push(`storage ${acl} ${JSON.stringify(rule)}`),
    },
    functions: {
      getFunctionDetail: async (name) => ({
        Environment: {
          Variables: Object.entries(variables.get(name) ?? {}).map(([Key, Value]) => ({ Key, Value })),
        },
      }),
      updateFunctionConfig: async ({ name, timeout, envVariables }) => {
        calls.push(`config ${name} ${timeout} ${Object.keys(envVariables).join(',')}`)
        variables.set(name, envVariables)
      },
    },
  }
  const state = async (): Promise<DatabaseState> => readDatabaseState(manager, names)
  return { manager, calls, state, variables, tables }
}

const quiet = () => undefined

describe('applying to an env (manager-node and miniprogram-ci, stood in for)', () => {
  it('creates the declared collections and indexes, and a second run changes nothing', async () => {
    const env = fakeEnv()
    await applyDatabasePlan(env.manager, planDatabase(names, INDEXES, await env.state()), quiet)
    const after = await env.state()
    expect(Object.keys(after.collections).sort()).toEqual([...names].sort())
    expect(
      indexesFromDescription({ Indexes: env.tables.get('members') }).find((i) => i.name === 'phone'),
    ).toEqual({
      name: 'phone',
      fields: { phone: 1 },
      unique: true,
    })
    const again = planDatabase(names, INDEXES, after)
    expect(hasChanges(again)).toBe(false)
    env.calls.length = 0
    await applyDatabasePlan(env.manager, again, quiet)
    expect(env.calls).toEqual([])
  })

  it('sets the database rule on every declared collection and the storage rule once', async () => {
    const env = fakeEnv()
    await applyRules(env.manager, names, RULES, quiet)
    expect(env.calls.filter((c) => c.startsWith('rule '))).toEqual(
      names.map((n) => `rule ${n} CUSTOM {"read":false,"write":false}`),
    )
    expect(env.calls.filter((c) => c.startsWith('storage '))).toEqual([
      'storage CUSTOM {"read":false,"write":"resource.openid == auth.openid"}',
    ])
  })

  const study: FunctionUpload = {
    name: 'study',
    path: 'dist/cloudfunctions/study',
    files: [],
    config: { permissions: { openapi: [] }, timeout: 10 },
    dependencies: {},
    remoteNpmInstall: true,
    triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }],
    timeout: 10,
    secrets: [{ name: 'CHECKIN_HMAC_SECRET', source: 'console' }],
    openapiProblems: [],
  }
  const ci = (triggerAnswer = '创建定时触发器成功') => {
    const seen: string[] = []
    const tool = {
      cloud: {
        uploadFunction: async (o: { name: string; path: string; remoteNpmInstall: boolean }) => {
          seen.push(`upload ${o.name} ${o.path} ${o.remoteNpmInstall}`)
          return { filesCount: 3, packSize: 100 }
        },
        createTimeTrigger: async (o: { functionName: string; triggersConfig: unknown }) => {
          seen.push(`trigger ${o.functionName} ${JSON.stringify(o.triggersConfig)}`)
          return triggerAnswer
        },
      },
    } as unknown as MiniprogramCi
    return { tool, seen }
  }

  it('uploads a function, creates its timer, sets its timeout, and keeps the secrets set in the console', async () => {
    const env = fakeEnv()
    env.variables.set('study', { CHECKIN_HMAC_SECRET: 's'.repeat(40), OTHER: '1' })
    const { tool, seen } = ci()
    await deployFunctions(
      { ci: tool, manager: env.manager, project: {} },
      'e',
      [study],
      {},
      (p) => `/root/${p}`,
      quiet,
    )
    expect(seen).toEqual([
      'upload study /root/dist/cloudfunctions/study true',
      'trigger study [{"name":"nightly","type":"timer","config":"0 0 2 * * * *"}]',
    ])
    expect(env.calls).toEqual(['config study 10 CHECKIN_HMAC_SECRET,OTHER'])
    expect(env.variables.get('study')?.CHECKIN_HMAC_SECRET).toBe('s'.repeat(40))
  })

  it('stops when a declared secret is set neither on the function nor by the deployer', async () => {
    const env = fakeEnv()
    await expect(
      deployFunctions(
        { ci: ci().tool, manager: env.manager, project: {} },
        'e',
        [study],
        {},
        (p) => p,
        quiet,
      ),
    ).rejects.toThrow(/study: CHECKIN_HMAC_SECRET is set neither on the function nor in your environment/)
    expect(env.calls).toEqual([])
  })

  it('stops when miniprogram-ci refuses a timer trigger (it answers a sentence instead of throwing)', async () => {
    const env = fakeEnv()
    const { tool } = ci('请检查传入的 triggersConfig 是否符合格式')
    await expect(
      deployFunctions(
        { ci: tool, manager: env.manager, project: {} },
        'e',
        [study],
        { CHECKIN_HMAC_SECRET: 'x' },
        (p) => p,
        quiet,
      ),
    ).rejects.toThrow(/timer triggers refused/)
  })
})
