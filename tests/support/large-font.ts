/**
 * 大字模式 as a person meets it, measured in Chromium: every visible text at 18 px or more, every tap target at
 * least 48 × 48 px (the phone is 390 px wide, as in launchBrowser). Used by tests/e2e/large-font and the stats e2e.
 */
import type { Page } from 'playwright-core'

/**
 * What a person taps: buttons, inputs, switches, pickers, and the app's own tappable views (tiles,
 * chips, tabs, text actions), with Taro's tab bar and navigation bar.
 */
export const TAPPABLE = [
  'taro-button-core',
  'taro-input-core',
  'taro-textarea-core',
  'taro-switch-core .weui-switch',
  'taro-switch-core .weui-switch-cb',
  'taro-checkbox-core',
  'taro-radio-core',
  '.tile',
  '.chip',
  '.bind-tab',
  '.study-link',
  '.admin-link',
  '.quiz-action',
  '.quiz-option',
  '.quiz-back',
  '.weui-tabbar__item',
  '.taro-navigation-bar-back',
  '.taro-navigation-bar-home',
  'taro-picker-core',
  '[class*="--tap"]',
].join(', ')

export interface Finding {
  what: string
  size: string
}

export type Measured = { small: Finding[]; tiny: Finding[]; texts: number; taps: number }

/**
 * Runs in the page: texts under 18 px and tap targets under 48 × 48 px among what is visible now. With `onlyClean`
 * it answers null while there are any, so `waitForFunction` can poll it until the page is laid out as it stays.
 */
export function findings({ tappable, onlyClean }: { tappable: string; onlyClean: boolean }): Measured | null {
  const visible = (el: Element) =>
    el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
    el.getBoundingClientRect().width > 0
  const small: { what: string; size: string }[] = []
  const tiny: { what: string; size: string }[] = []
  let texts = 0
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim()
    const el = node.parentElement
    if (!text || !el || !visible(el) || el.closest('script, style, svg')) continue
    texts++
    const size = parseFloat(getComputedStyle(el).fontSize)
    if (size < 18) small.push({ what: text.slice(0, 30), size: `${size}px` })
  }
  const taps = Array.from(document.querySelectorAll(tappable)).filter(visible)
  for (const el of taps) {
    const box = el.getBoundingClientRect()
    // Sub-pixel layout: 96 design px are 49.9 px at this width; 47.5 allows rounding only.
    if (box.width < 47.5 || box.height < 47.5) {
      tiny.push({
        what: `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 20)}”`,
        size: `${Math.round(box.width)}×${Math.round(box.height)}`,
      })
    }
  }
  if (onlyClean && small.length + tiny.length > 0) return null
  return { small, tiny, texts, taps: taps.length }
}

/** What `findings` gives now, with `extraTaps` (selectors) counted as tap targets too. */
export async function measure(page: Page, extraTaps: string[] = []): Promise<Measured> {
  const found = await page.evaluate(findings, {
    tappable: [TAPPABLE, ...extraTaps].join(', '),
    onlyClean: false,
  })
  if (!found) throw new Error('nothing measured')
  return found
}
