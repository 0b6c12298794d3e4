import { rmSync } from 'node:fs'

import { COLLECTIONS, INDEXES } from '../cloudfunctions/common/collections'
import { LocalDatabase } from './db/local-database'
import { recordQueryShapes } from './db/query-shapes'
import { installLocalTransport } from './db/transport'
import { defaultFilesDir, installLocalPlatform } from './platform'
import { FunctionRuntime, prepareProcessEnv } from './runtime'
import { provideFunctionSecrets } from './secrets'
import { type Persona, seedIfEmpty } from './seed'

export interface BackendOptions {
  /** Folder of the durable store; null keeps everything in memory (tests). */
  dataDir: string | null
  functionsDir: string
  seed?: boolean
  /**
   * Whether the seed includes the demo street's year of 学习签到 and 党建考核 (server/seed-study.ts). `npm start` and
   * the statistics' tests do; the capabilities' own tests start from a street with none, so what they create is all
   * there is.
   */
  history?: boolean
}

export interface LocalBackend {
  database: LocalDatabase
  runtime: FunctionRuntime
  personas: Persona[]
  filesDir: string
  /** The address QR links and file URLs point at, known once the HTTP server listens. */
  setPublicUrl(url: string): void
  close(): Promise<void>
}

/** Creates every declared collection and index, as the deploy step does on CloudBase. */
export async function prepareDatabase(database: LocalDatabase): Promise<void> {
  for (const name of Object.values(COLLECTIONS)) await database.createCollection(name)
  for (const index of INDEXES) await database.ensureIndex(index.collection, index)
}

/**
 * Everything CloudBase provides, locally: the process environment and secrets the SDK and the
 * functions read, the database transport, openapi and storage stand-ins (server/platform), the
 * declared collections and indexes, the demo street, and the runtime for the bundled functions.
 * The host serves this over HTTP; the function tests call the runtime directly.
 */
export async function startLocalBackend(options: BackendOptions): Promise<LocalBackend> {
  prepareProcessEnv()
  provideFunctionSecrets(options.dataDir)
  const database = await LocalDatabase.open({ dir: options.dataDir })
  installLocalTransport(database)
  // `npm run test:indexes` sets it: every query's shape is checked against the declared indexes.
  if (process.env.RECORD_QUERY_SHAPES) recordQueryShapes(process.env.RECORD_QUERY_SHAPES)
  const filesDir = defaultFilesDir(options.dataDir)
  let publicUrl = ''
  installLocalPlatform({ filesDir, baseUrl: () => publicUrl, database })
  await prepareDatabase(database)
  const { personas } =
    options.seed === false
      ? { personas: [] }
      : await seedIfEmpty(Date.now(), { history: options.history !== false })
  return {
    database,
    // LOCAL_SERIAL_CALLS=1 runs calls one at a time: only `npm run bench` sets it, to compare with overlapping.
    runtime: new FunctionRuntime(options.functionsDir, { overlap: process.env.LOCAL_SERIAL_CALLS !== '1' }),
    personas,
    filesDir,
    setPublicUrl(url) {
      publicUrl = url
    },
    async close() {
      await database.close()
      if (!options.dataDir) rmSync(filesDir, { recursive: true, force: true })
    },
  }
}
