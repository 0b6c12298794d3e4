/**
 * 大字模式 in the real weapp build: the main pages carry the large-mode class when the setting is on
 * (and not when it is off), and the compiled styles give every text at least 36 rpx (18 px on a phone
 * 375 px wide) and every tappable class at least 96 rpx (48 px) of height, in large mode.
 * tests/e2e/large-font.e2e.test.ts measures the rendered sizes in a browser.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { MeView } from '@contract/account.contract'

import { MEMBER_CATEGORIES } from '../../cloudfunctions/domain/member.rules'
import { backend, ok } from './backend'
import { DIST_DIR, loadPage } from './harness'
import { myStudy } from './study-fixtures'

jest.setTimeout(30_000)

const member: MeView = {
  bound: true,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: { id: 'm1', name: '王红', orgId: 'b1', orgName: '第一党支部', category: MEMBER_CATEGORIES[0] },
  roles: [],
}
const resident: MeView = {
  bound: false,
  reminderTemplateIds: [],
  visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
  member: null,
  roles: [],
}

const LARGE = { 'ui-large-font': true }

const cloud = (me: MeView) =>
  backend({
    'account/me': () => ok(me),
    'study/mine': () => ok(myStudy()),
    'visit/communities': () => ok({ communities: [{ id: 'c1', name: '和平社区党委' }], mine: null }),
  })

describe('the main pages in 大字模式', () => {
  test.each([
    ['pages/home/index', member, '王红，你好'],
    ['pages/services/index', member, '上门服务'],
    ['pages/mine/index', member, '大字模式'],
    ['pages/home/index', resident, '你目前是居民身份'],
    ['packages/account/pages/bind/index', resident, '请输入支部书记给你的8位邀请码'],
    ['packages/study/pages/checkin/index', member, '扫描书记出示的签到码'],
    ['packages/study/pages/mine/index', member, '每月至少参加'],
    ['pages/not-found/index', member, '没有找到这个页面'],
    ['packages/visit/pages/request/index', resident, '需要什么帮助？'],
  ] as const)(
    '%s (as %#) has the large class with the setting on, and not with it off',
    async (route, me, text) => {
      const on = await loadPage(route, { cloud: cloud(me), storage: LARGE })
      await on.waitForText(text)
      expect(on.dom.querySelectorAll('.screen--large').length).toBeGreaterThan(0)
      const off = await loadPage(route, { cloud: cloud(me) })
      await off.waitForText(text)
      expect(off.dom.querySelectorAll('.screen').length).toBeGreaterThan(0)
      expect(off.dom.querySelectorAll('.screen--large')).toHaveLength(0)
    },
  )
})

/** Every rule of every compiled style sheet: selector list and declarations. */
function compiledRules(): { selector: string; decls: Map<string, string> }[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.wxss')) files.push(full)
    }
  }
  walk(DIST_DIR)
  const rules: { selector: string; decls: Map<string, string> }[] = []
  for (const file of files) {
    const css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '')
    for (const match of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      const decls = new Map<string, string>()
      for (const d of match[2].split(';')) {
        const i = d.indexOf(':')
        if (i > 0) decls.set(d.slice(0, i).trim(), d.slice(i + 1).trim())
      }
      for (const selector of match[1].split(',')) rules.push({ selector: selector.trim(), decls })
    }
  }
  return rules
}

const rpx = (value: string | undefined): number | null => {
  const m = /^(\d+(?:\.\d+)?)rpx/.exec(value ?? '')
  return m ? Number(m[1]) : null
}

/** The class a selector styles (its last class), e.g. `.screen--large .t-caption` → `t-caption`. */
const lastClass = (selector: string) => /\.([\w-]+)[^.\s]*$/.exec(selector)?.[1] ?? null

describe('the compiled styles in 大字模式', () => {
  const rules = compiledRules()
  const large = rules.filter((r) => r.selector.startsWith('.screen--large'))

  test('every font size the app declares is at least 36 rpx, or raised to it in large mode', () => {
    const short: string[] = []
    for (const rule of rules) {
      const size = rpx(rule.decls.get('font-size'))
      if (size === null || size >= 36 || rule.selector.startsWith('.screen--large')) continue
      const cls = lastClass(rule.selector)
      const raised = large.some(
        (r) => lastClass(r.selector) === cls && (rpx(r.decls.get('font-size')) ?? 0) >= 36,
      )
      if (!raised) short.push(`${rule.selector} ${size}rpx`)
    }
    expect(short).toEqual([])
    for (const rule of large) {
      const size = rpx(rule.decls.get('font-size'))
      if (size !== null) expect(`${rule.selector} ${size}`).toBe(`${rule.selector} ${Math.max(size, 36)}`)
    }
  })

  test.each(['btn', 'input', 'chip', 'tile', 'bind-tab', 'study-link', 'admin-link', 'quiz-action'])(
    'the tappable .%s is at least 96 rpx high in large mode',
    (cls) => {
      const heights = rules
        .filter((r) => lastClass(r.selector) === cls)
        .flatMap((r) => [rpx(r.decls.get('min-height')), rpx(r.decls.get('height'))])
        .filter((h): h is number => h !== null)
      expect(Math.max(0, ...heights)).toBeGreaterThanOrEqual(96)
    },
  )
})
