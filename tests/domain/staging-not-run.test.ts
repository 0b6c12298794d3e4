import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')

/** `npm run test:staging` without a staging env: it must say it did not run, never that it passed. */
function runStaging(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(STAGING_|TENCENTCLOUD_)/.test(name)),
  )
  return spawnSync(process.execPath, ['scripts/test-staging.mjs'], {
    cwd: root,
    env: { ...clean, ...env },
    encoding: 'utf8',
  })
}

describe('the staging smoke suite without a staging env', () => {
  it('says plainly that it was NOT run, naming what to set, and exits 3', () => {
    const { status, stdout } = runStaging({})
    expect(status).toBe(3)
    expect(stdout.trim()).toBe(
      'staging smoke suite: NOT RUN (set STAGING_ENV_ID, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY to run it); nothing was checked against a real env',
    )
    expect(stdout).not.toMatch(/passed|RAN/)
  })

  it('names only the variables still missing', () => {
    const { status, stdout } = runStaging({ STAGING_ENV_ID: 'staging-1', TENCENTCLOUD_SECRETID: 'id' })
    expect(status).toBe(3)
    expect(stdout).toContain('NOT RUN (set TENCENTCLOUD_SECRETKEY to run it)')
  })
})
