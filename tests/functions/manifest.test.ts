import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { MANIFESTS } from '../../cloudfunctions/manifests'
import { runInCall } from '../../server/call-context'
import { openSdkDatabase } from '../server/sdk-env'
import { FUNCTIONS_DIR, startBackend } from '../support/backend'
import { guardCollections } from '../support/collection-guard'

/**
 * The manifests are what reaches CloudBase: the global setup has just built dist/cloudfunctions
 * from them (scripts/build-functions.mjs), and these tests read that output back.
 */
const manifests = Object.values(MANIFESTS).map((m) => [m.name, m] as const)
const bundle = (name: string) => readFileSync(join(FUNCTIONS_DIR, name, 'index.js'), 'utf8')
const json = (name: string, file: string) => JSON.parse(readFileSync(join(FUNCTIONS_DIR, name, file), 'utf8'))
const sorted = (values: Iterable<string>) => [...new Set(values)].sort()

describe('the function manifests', () => {
  it('are what the build bundles: one folder per manifest and nothing else', () => {
    expect(readdirSync(FUNCTIONS_DIR).sort()).toEqual(manifests.map(([name]) => name).sort())
  })

  it.each(manifests)('%s: config.json grants its openapi, its trigger and its timeout', (name, manifest) => {
    const config = json(name, 'config.json')
    expect(config.permissions).toEqual({ openapi: [...manifest.openapi] })
    expect(config.timeout).toBe(manifest.timeout)
    expect(config.triggers ?? []).toEqual([...manifest.triggers])
  })

  it.each(manifests)('%s: package.json names it and pins the SDK', (name) => {
    const pkg = json(name, 'package.json')
    const root = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ name, main: 'index.js' })
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': root.dependencies['wx-server-sdk'] })
  })

  // The SDK stays outside the bundle, so every `cloud.openapi.<ns>.<name>` in it is the function's own call.
  it.each(manifests)('%s: the bundle calls exactly the openapi its manifest grants', (name, manifest) => {
    const calls = [...bundle(name).matchAll(/\.openapi\.(\w+)\.(\w+)/g)].map(([, ns, api]) => `${ns}.${api}`)
    expect(sorted(calls)).toEqual(sorted(manifest.openapi))
  })

  it.each(manifests)('%s: the bundle reads exactly the secrets its manifest declares', (name, manifest) => {
    const read = [...bundle(name).matchAll(/process\.env\.([A-Z][A-Z0-9_]*)/g)]
      .map(([, variable]) => variable)
      .filter((variable) => /SECRET|KEY|TOKEN|PASSWORD/.test(variable))
    expect(sorted(read)).toEqual(sorted(manifest.secrets))
  })

  it('never reach the SDK: the build refuses to load a manifest that does', () => {
    const load = `import { loadManifests } from './scripts/build-functions.mjs'
      await loadManifests('tests/functions/__fixtures__/manifest-reaching-sdk.ts')`
    const root = join(__dirname, '..', '..')
    expect(() =>
      execFileSync(process.execPath, ['--input-type=module', '-e', load], { cwd: root, stdio: 'pipe' }),
    ).toThrow(/manifest reaches wx-server-sdk \(imported by .*common\/cloud\.ts\)/)
  })
})

describe('the timer triggers', () => {
  const triggers = Object.values(MANIFESTS).flatMap((m) => m.triggers.map((t) => [m.name, t.name] as const))

  it('each has its handler in the function: firing it is never an unknown action', async () => {
    const backend = await startBackend({ seed: false })
    try {
      for (const [fn, trigger] of triggers) {
        const result = await backend.fireTimer(fn, trigger)
        expect(result).not.toMatchObject({ code: 'COMMON.UNKNOWN_ACTION' })
      }
      // And a name no manifest declares is one.
      const [first] = Object.values(MANIFESTS)
      expect(await backend.fireTimer(first.name, 'no-such-trigger')).toMatchObject({
        code: 'COMMON.UNKNOWN_ACTION',
      })
    } finally {
      await backend.close()
    }
  })
})

describe('the collection guard of the function tests', () => {
  it('reports a read of a collection the calling function does not declare', async () => {
    const guard = guardCollections()
    // A read of study_sessions made inside a call the runtime would label as account's: account's manifest
    // declares no study_sessions.
    const { local, db } = await openSdkDatabase(['study_sessions'])
    await runInCall({}, () => db.collection('study_sessions').limit(1).get(), 'account account/me')
    await local.close()
    expect(guard.undeclared()).toContain('account reads study_sessions')
    expect(() => guard.assertDeclared()).toThrow(/account reads study_sessions/)
  })
})
