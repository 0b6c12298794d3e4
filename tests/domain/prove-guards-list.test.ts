import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

/**
 * `node scripts/prove-guards.mjs` proves each race test by removing its guard; it is too slow for `npm test`,
 * so here its list is checked for rot: each guard's exact text still in its file once, each named test still there.
 */
describe('the list of guards that scripts/prove-guards.mjs removes', () => {
  it('names text still in the source and tests that still exist', () => {
    const root = join(__dirname, '..', '..')
    const run = spawnSync(process.execPath, ['scripts/prove-guards.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    })
    expect(run.stdout).toMatch(/all \d+ guards in place/)
    expect(run.status).toBe(0)
  })
})
