import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { type BrowserContext, chromium, type Page } from 'playwright-core'

import { type RunningHost, startHost } from '../../server/host'
import { FUNCTIONS_DIR } from './backend'

export const H5_DIR = join(__dirname, '..', '..', 'dist', 'h5')
const ARTIFACTS = join(__dirname, '..', '..', 'dist', 'test-artifacts')

/**
 * Debian's Chromium with the flags this closed network needs (ARCHITECTURE.md), a fresh
 * profile (user data dir) each time, and a phone-sized viewport.
 */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  return {
    context,
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/**
 * The local host as `npm start` runs it, on a free port, with an in-memory seeded store: with the demo street's
 * year of study and quiz records when `history` is asked for (as `npm start` has), else without (server/backend.ts).
 */
export function startTestHost(options: { history?: boolean } = {}): Promise<RunningHost> {
  return startHost({
    port: 0,
    dataDir: null,
    functionsDir: FUNCTIONS_DIR,
    h5Dir: H5_DIR,
    history: options.history ?? false,
  })
}

/**
 * Waits for text the person can see (H5 keeps earlier pages in the document, hidden). When it never shows, the
 * failure says what the screen showed instead (its route and visible text) and keeps a screenshot in
 * dist/test-artifacts/, so a failure on CI can be read from its log.
 */
export async function seen(page: Page, text: string | RegExp): Promise<void> {
  try {
    await page
      .getByText(text, { exact: false })
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 15_000 })
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${await whatShows(page)}`)
  }
}

/** The route, the visible text and a screenshot of the page as it is now (for a failure's message). */
export async function whatShows(page: Page): Promise<string> {
  try {
    const { hash, text } = await page.evaluate(() => ({
      hash: location.hash,
      text: Array.from(document.querySelectorAll('.taro_page'))
        .filter((p) => getComputedStyle(p).display !== 'none')
        .map((p) => (p as HTMLElement).innerText.replace(/\s+/g, ' ').slice(0, 400))
        .join(' | '),
    }))
    mkdirSync(ARTIFACTS, { recursive: true })
    const shot = join(ARTIFACTS, `failed-${Date.now()}.png`)
    await page.screenshot({ path: shot })
    return `the screen showed ${hash || '(no route)'}: ${text || '(no visible page)'}; screenshot ${shot}`
  } catch (error) {
    return `the screen could not be read: ${(error as Error).message}`
  }
}

/** A fresh phone screen signed in as a demo person (by name), on their 首页. */
export async function signInAs(context: BrowserContext, url: string, name: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${url}/healthz`)
  await page.evaluate(() => localStorage.clear())
  await page.goto(url)
  await seen(page, '选择演示身份')
  await page.getByText(name, { exact: false }).first().click()
  await seen(page, `${name}，你好`)
  return page
}
