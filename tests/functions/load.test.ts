import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

import { FUNCTIONS_DIR } from '../support/backend'

/**
 * A cold start pays for everything a bundle runs at load. Heavy libraries (exceljs) sit in `<function>/vendor/`
 * and are required by the routes that use them, so loading a function must not load them: a static import
 * of one would put its whole parse back on every start (scripts/measure-load.mjs measures the time).
 */
const names = readdirSync(FUNCTIONS_DIR).filter((n) => existsSync(join(FUNCTIONS_DIR, n, 'index.js')))

/** The files a fresh node process has loaded after requiring `file`. */
function loadedBy(file: string): string[] {
  const script = `require(${JSON.stringify(file)});process.stdout.write(JSON.stringify(Object.keys(require.cache)))`
  const out = execFileSync(process.execPath, ['-e', script], {
    env: { ...process.env, TCB_ENV: 'local', SCF_NAMESPACE: 'local' },
    encoding: 'utf8',
  })
  return JSON.parse(out) as string[]
}

describe('loading a bundled function', () => {
  it.each(names)('%s loads none of its vendor files at start', (name) => {
    const loaded = loadedBy(join(FUNCTIONS_DIR, name, 'index.js'))
    expect(loaded).toContain(join(FUNCTIONS_DIR, name, 'index.js'))
    expect(loaded.filter((f) => f.includes(`${name}/vendor/`))).toEqual([])
  })

  it('keeps exceljs out of the org and quiz bundles, in a vendor file beside them', () => {
    for (const name of ['org', 'quiz']) {
      expect(existsSync(join(FUNCTIONS_DIR, name, 'vendor', 'exceljs.js'))).toBe(true)
    }
    expect(existsSync(join(FUNCTIONS_DIR, 'account', 'vendor'))).toBe(false)
  })
})
