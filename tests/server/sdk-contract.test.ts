/**
 * The local transport sits on an internal interface of the SDK (`Db.reqClass`). This test records the requests
 * the pinned wx-server-sdk emits for representative calls and compares them with a committed fixture, so an
 * SDK upgrade that changes the wire format fails here instead of silently misbehaving.
 *
 * After a deliberate SDK upgrade: review the difference, then run
 *   UPDATE_SDK_FIXTURE=1 npx jest --selectProjects server tests/server/sdk-contract.test.ts
 * and commit the rewritten fixture together with the new pin.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs'
import { dirname, join } from 'path'

import { type LocalDatabase } from '../../server/db/local-database'
import { nodeSdkErrorFactory } from '../../server/db/sdk-modules'
import { onRequest, uninstallLocalTransport } from '../../server/db/transport'
import { cloudBasePrototype } from '../../server/platform/sdk-seam'
import { openSdkDatabase, type Sdk } from './sdk-env'

const FIXTURE = join(__dirname, '__fixtures__', 'sdk-requests.json')
const ROOT = join(__dirname, '..', '..')

interface Recorded {
  call: string
  api: string
  params: unknown
}

interface Fixture {
  versions: Record<string, string>
  requests: Recorded[]
}

function versionOf(pkgJson: string): string {
  return (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version
}

function installedVersions(): Record<string, string> {
  const wx = require.resolve('wx-server-sdk/package.json')
  const nodeSdk = require.resolve('@cloudbase/node-sdk/package.json', { paths: [dirname(wx)] })
  const database = require.resolve('@cloudbase/database/package.json', { paths: [dirname(nodeSdk)] })
  return {
    'wx-server-sdk': versionOf(wx),
    '@cloudbase/node-sdk': versionOf(nodeSdk),
    '@cloudbase/database': versionOf(database),
  }
}

/** Drops `undefined` members as the HTTP transport's JSON body would, and masks the random transaction id. */
function normalise(params: unknown, transactionIds: Map<string, string>): unknown {
  return JSON.parse(JSON.stringify(params ?? null), (key, value: unknown) => {
    if (key === 'transactionId' && typeof value === 'string') {
      if (!transactionIds.has(value)) transactionIds.set(value, `<transaction ${transactionIds.size + 1}>`)
      return transactionIds.get(value)
    }
    return value
  })
}

/** Representative calls, each labelled; they run against the local database, whose answers do not matter here. */
async function exercise(db: Sdk, label: (name: string) => void): Promise<void> {
  const _ = db.command
  const $ = _.aggregate
  const users = db.collection('users')
  const at = new Date('2024-05-01T00:00:00.000Z')

  label('collection.add(one)')
  await users.add({ data: { _id: 'u1', name: 'A', age: 30, score: 1.5, at, created: db.serverDate() } })
  label('collection.add(many)')
  await users.add({
    data: [
      { _id: 'u2', age: 20 },
      { _id: 'u3', age: 40 },
    ],
  })
  label('where.orderBy.skip.limit.field.get')
  await users
    .where({
      age: _.gt(18).and(_.lt(65)),
      'profile.city': 'hz',
      name: db.RegExp({ regexp: '^a', options: 'i' }),
    })
    .orderBy('age', 'desc')
    .skip(5)
    .limit(10)
    .field({ name: true })
    .get()
  label('collection.get(default limit)')
  await users.get()
  label('where(or, in).count')
  await users.where(_.or([{ age: _.in([20, 30]) }, { at: _.lte(at) }])).count()
  label('doc.get')
  await users.doc('u1').get()
  label('doc.update(operators)')
  await users.doc('u1').update({
    data: {
      age: _.inc(1),
      tags: _.push(['x']),
      profile: { city: 'hz' },
      legacy: _.remove(),
      seen: db.serverDate(),
    },
  })
  label('doc.set')
  await users.doc('u9').set({ data: { name: 'new' } })
  label('where.update')
  await users.where({ age: _.gte(30) }).update({ data: { senior: true } })
  label('doc.remove')
  await users.doc('u2').remove()
  label('where.remove')
  await users.where({ senior: true }).remove()
  label('aggregate')
  await users
    .aggregate()
    .match({ age: _.gt(1) })
    .group({ _id: '$age', n: $.sum(1) })
    .sort({ n: -1 })
    .limit(5)
    .end()
  label('runTransaction')
  await db.runTransaction(async (tx: Sdk) => {
    await tx.collection('users').doc('u9').get()
    await tx
      .collection('users')
      .doc('u9')
      .update({ data: { visits: _.inc(1) } })
    await tx.collection('users').add({ data: { _id: 'u7' } })
  })
  label('createCollection')
  await db.createCollection('fresh')
}

describe('SDK wire contract', () => {
  let local: LocalDatabase | undefined

  afterEach(async () => {
    uninstallLocalTransport()
    await local?.close()
  })

  it('runs the wx-server-sdk version pinned in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const pinned = pkg.dependencies['wx-server-sdk']
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/) // an exact pin, not a range
    expect(installedVersions()['wx-server-sdk']).toBe(pinned)
  })

  // The local transport and platform reach into node-sdk's build by path; a layout change (2.x lib/ → 3.x dist/)
  // must fail here, not fall back quietly to errors the SDK maps differently.
  it("finds node-sdk's error factory and CloudBase class where the pinned SDK keeps them", () => {
    expect(typeof nodeSdkErrorFactory()?.E).toBe('function')
    expect(typeof cloudBasePrototype().callFunction).toBe('function')
  })

  it('emits exactly the recorded requests', async () => {
    const opened = await openSdkDatabase(['users'])
    local = opened.local
    const db: Sdk = opened.db
    const requests: Recorded[] = []
    const transactionIds = new Map<string, string>()
    let call = ''
    const stop = onRequest((api, params) =>
      requests.push({ call, api, params: normalise(params, transactionIds) }),
    )
    try {
      await exercise(db, (name) => {
        call = name
      })
    } finally {
      stop()
    }
    const actual: Fixture = { versions: installedVersions(), requests }

    if (process.env.UPDATE_SDK_FIXTURE === '1') {
      writeFileSync(FIXTURE, `${JSON.stringify(actual, null, 2)}\n`)
      return
    }
    if (!existsSync(FIXTURE)) {
      throw new Error(`missing ${FIXTURE}: record it with UPDATE_SDK_FIXTURE=1 (see the header of this test)`)
    }
    const expected = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture
    const differences: string[] = []
    if (JSON.stringify(actual.versions) !== JSON.stringify(expected.versions)) {
      differences.push(
        `SDK versions: recorded ${JSON.stringify(expected.versions)}, installed ${JSON.stringify(actual.versions)}`,
      )
    }
    const length = Math.max(actual.requests.length, expected.requests.length)
    for (let i = 0; i < length; i += 1) {
      const was = JSON.stringify(expected.requests[i] ?? null)
      const now = JSON.stringify(actual.requests[i] ?? null)
      if (was !== now) differences.push(`request #${i + 1}\n  recorded: ${was}\n  emitted:  ${now}`)
    }
    if (differences.length) {
      throw new Error(
        'The SDK no longer emits the recorded database requests; the local transport may misread them.\n' +
          `${differences.join('\n')}\n` +
          'Check server/db against the new format, then re-record with UPDATE_SDK_FIXTURE=1.',
      )
    }
  })
})
