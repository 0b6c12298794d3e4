import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

import type { ActionOf, FunctionName, InputOf, OutputOf, Result } from '../../cloudfunctions/contract'
import { startLocalBackend } from '../../server/backend'
import { LocalFileStore } from '../../server/platform/files'
import { localFileId } from '../../server/platform/storage'
import { guardCollections } from './collection-guard'

/** A stored document as tests read it back: loosely typed on purpose, tests assert on fields. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Stored = Record<string, any>

export const FUNCTIONS_DIR = join(__dirname, '..', '..', 'dist', 'cloudfunctions')

/**
 * The bundled cloud functions on the real wx-server-sdk over an in-memory local database,
 * seeded with the demo street: the same path a call from the app takes, minus HTTP.
 */
export async function startBackend(options: { seed?: boolean; history?: boolean } = {}) {
  const local = await startLocalBackend({
    dataDir: null,
    functionsDir: FUNCTIONS_DIR,
    seed: options.seed,
    // The demo street's year of study and quiz records only where a test asks for it (server/backend.ts).
    history: options.history ?? false,
  })
  const { database, runtime, filesDir } = local
  const files = new LocalFileStore(filesDir)
  const guard = guardCollections()

  async function snapshot(): Promise<Record<string, unknown[]>> {
    const entries = await Promise.all(
      database.listCollections().map(async (name) => [name, await database.documents(name)] as const),
    )
    return Object.fromEntries(entries)
  }

  return {
    database,
    runtime,
    /** A typed call as `openid` (null: no WeChat identity). */
    call<F extends FunctionName, A extends ActionOf<F>>(
      openid: string | null,
      fn: F,
      action: A,
      data: InputOf<F, A>,
    ): Promise<Result<OutputOf<F, A>>> {
      return runtime.invoke(fn, { action, data }, { openid }) as Promise<Result<OutputOf<F, A>>>
    },
    /** Fires a function's timer trigger as CloudBase's scheduler would (no caller). */
    fireTimer(fn: FunctionName, trigger: string): Promise<Result<unknown>> {
      return runtime.fireTimer(fn, trigger) as Promise<Result<unknown>>
    },
    /** An arbitrary event, for bad-input tests. */
    raw(openid: string | null, fn: string, event: unknown): Promise<Result<unknown>> {
      return runtime.invoke(fn, event, { openid }) as Promise<Result<unknown>>
    },
    /**
     * What the app does with a file the person chose: asks `upload/prepare` where to put it (as `openid`), puts
     * the bytes there in storage, and answers the fileID to pass to an action.
     */
    async upload(openid: string, bytes: Buffer): Promise<string> {
      const ticket = await runtime.invoke(
        'account',
        { action: 'upload/prepare', data: { kind: 'xlsx' } },
        { openid },
      )
      const { cloudPath } = ok(ticket as Result<{ cloudPath: string }>)
      await files.write(cloudPath, bytes)
      return localFileId('local', cloudPath)
    },
    /** Writes bytes at any path, as someone with access to the storage console could. */
    async putFile(cloudPath: string, bytes: Buffer): Promise<string> {
      await files.write(cloudPath, bytes)
      return localFileId('local', cloudPath)
    },
    /** The bytes stored behind a fileID, or null when there is no such file. */
    stored: (fileID: string) => files.read(fileID.replace(/^cloud:\/\/[^/]+\//, '')),
    /** The cloudPaths of the files stored under a folder (`visit-photos`), sorted; none when it does not exist. */
    async storedUnder(folder: string): Promise<string[]> {
      const dir = join(filesDir, folder)
      const names = await readdir(dir).catch(() => [] as string[])
      return names.map((n) => `${folder}/${n}`).sort()
    },
    docs: (collection: string) => database.documents(collection) as Promise<Stored[]>,
    snapshot,
    /** Closes the store, then fails if any call touched a collection its manifest does not declare. */
    async close() {
      await local.close()
      guard.assertDeclared()
    },
  }
}

export type Backend = Awaited<ReturnType<typeof startBackend>>

/** Unwraps a success or fails the test with the code and message the function answered. */
export function ok<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(
      `expected success, got ${result.code}: ${result.message} ${JSON.stringify(result.details ?? '')}`,
    )
  }
  return result.data
}

export function failed(result: Result<unknown>): { code: string; message: string; details?: unknown } {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.data).slice(0, 200)}`)
  return result
}

/** Demo people of the seeded street (server/seed.ts). */
export const DEMO = {
  admin: 'demo-admin',
  inspector: 'demo-inspector',
  secretary1: 'demo-secretary-1',
  secretary2: 'demo-secretary-2',
  branchSecretary1: 'demo-branch-secretary-1',
  member1: 'demo-member-1',
  resident1: 'demo-resident-1',
  resident2: 'demo-resident-2',
} as const
