// The browser tests drive Debian's Chromium. On a fresh Debian machine it is installed here,
// with apt-get (as root, or through sudo), so the test command needs nothing done by hand.
import { existsSync } from 'node:fs'
import { run } from './lib.mjs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM
  console.log(`${CHROMIUM} not found: installing Debian's chromium package`)
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const prefix = asRoot ? [] : ['sudo', '-n']
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  // Another apt (an unattended upgrade, a second test run) may hold dpkg's lock: wait for it, do not fail.
  const wait = ['-o', 'DPkg::Lock::Timeout=600']
  const apt = (args) =>
    asRoot
      ? run('apt-get', [...wait, ...args], { env })
      : run(prefix[0], [...prefix.slice(1), 'apt-get', ...wait, ...args], { env })
  await apt(['update', '-qq'])
  await apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk'])
  if (!existsSync(CHROMIUM)) throw new Error(`chromium is still missing at ${CHROMIUM}`)
  return CHROMIUM
}
