/**
 * The demo sign-in (src/packages/dev) and its return path exist for the H5 build and the local host
 * only; in WeChat the caller is the OPENID. Nothing of them may reach the weapp bundle: scans the real
 * `dist/weapp` (built by `npm test` before jest, or `npx taro build --type weapp`) for strings only the
 * demo code holds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(__dirname, '..', '..')
const WEAPP = join(root, 'dist', 'weapp')

/** The H5-only sources, and strings they hold that nothing the weapp needs holds. */
const DEMO_SOURCES = [
  'src/packages/dev/pages/login/index.tsx',
  'src/stores/demo-login.store.ts',
  'src/services/session.ts',
  'src/pages/mine/index.tsx',
]
const MARKERS = [
  'packages/dev', // the demo package's root, and the page the return path leads to
  'dev-return-to', // where the return path is kept
  'dev-session-token', // where the demo sign-in token is kept
  '/local/login', // the local host's demo sign-in
  '/local/personas',
  '选择演示身份',
  '切换演示身份',
  '以新微信用户进入',
]

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('the weapp build holds no H5-only code', () => {
  beforeAll(() => {
    if (!existsSync(join(WEAPP, 'app.json')))
      throw new Error('no dist/weapp: run `npx taro build --type weapp` first')
  })

  it('each marker is still in the demo sources, so its absence from the bundle means something', () => {
    const demo = DEMO_SOURCES.map((file) => readFileSync(join(root, file), 'utf8')).join('\n')
    for (const marker of MARKERS) expect(demo).toContain(marker)
  })

  it('declares and ships no demo sign-in package', () => {
    const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8')) as {
      subPackages: { root: string }[]
    }
    expect(app.subPackages.map((p) => p.root)).not.toContain('packages/dev')
    expect(existsSync(join(WEAPP, 'packages', 'dev'))).toBe(false)
  })

  it.each(MARKERS)('no file of dist/weapp contains %s', (marker) => {
    const holding = filesUnder(WEAPP)
      .filter((file) => /\.(js|json|wxml|wxss|wxs)$/.test(file))
      .filter((file) => readFileSync(file, 'utf8').includes(marker))
      .map((file) => relative(WEAPP, file))
    expect(holding).toEqual([])
  })
})
