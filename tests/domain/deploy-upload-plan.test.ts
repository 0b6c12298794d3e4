import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

import type { FunctionManifest } from '../../cloudfunctions/common/manifest'
import { resolveSettings } from '../../deploy/settings'
import { formatFunctionsPlan, formatMiniProgramPlan, uploadPlan } from '../../deploy/upload-plan'

/** A built tree of one function and the mini-program, written to a temporary folder. */
function tree(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'upload-plan-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

const study = {
  name: 'study',
  openapi: ['wxacode.getUnlimited'],
  secrets: ['CHECKIN_HMAC_SECRET'],
  triggers: [],
  timeout: 10,
} as unknown as FunctionManifest
const fn = (code: string, openapi: string[]) => ({
  'dist/cloudfunctions/study/index.js': code,
  'dist/cloudfunctions/study/config.json': JSON.stringify({ permissions: { openapi }, timeout: 10 }),
  'dist/cloudfunctions/study/package.json': JSON.stringify({ dependencies: { 'wx-server-sdk': '4.0.2' } }),
})
const settings = resolveSettings({ DEPLOY_ENV_ID: 'prod-1' }, null, { version: '1.0.0' })

describe('the upload plan read from the build', () => {
  it('lists each function folder file by file, and folders no manifest names as not uploaded', () => {
    const root = tree({
      ...fn('cloud.openapi.wxacode.getUnlimited()', ['wxacode.getUnlimited']),
      'dist/cloudfunctions/old/index.js': '',
    })
    const plan = uploadPlan(root, [study], settings, {})
    expect(plan.functions[0].files.map((f) => f.path)).toEqual(['config.json', 'index.js', 'package.json'])
    expect(plan.functions[0].openapiProblems).toEqual([])
    expect(plan.strayFolders).toEqual(['old'])
    expect(formatFunctionsPlan(plan, settings)).toContain(
      '  NOT uploaded: dist/cloudfunctions/old (no manifest names it)',
    )
  })

  it('refuses a bundle whose openapi calls and grants differ, both ways', () => {
    const root = tree(fn('cloud.openapi.subscribeMessage.send()', ['wxacode.getUnlimited']))
    const plan = uploadPlan(root, [study], settings, {})
    expect(plan.functions[0].openapiProblems).toEqual([
      'calls cloud.openapi.subscribeMessage.send, which config.json does not grant',
      'config.json grants wxacode.getUnlimited, which the bundle never calls',
    ])
    expect(formatFunctionsPlan(plan, settings)).toContain(
      '    REFUSED: calls cloud.openapi.subscribeMessage.send, which config.json does not grant',
    )
  })

  it('finds the 上门服务 template ids a bundle reads among its settings, from the shell or the console', () => {
    const root = tree(
      fn(
        'cloud.openapi.subscribeMessage.send(); env["SUBSCRIBE_TEMPLATE_VISIT_PROGRESS"]; env["SUBSCRIBE_TEMPLATE_VISIT_TASK"]',
        ['subscribeMessage.send'],
      ),
    )
    const plan = uploadPlan(root, [study], settings, { SUBSCRIBE_TEMPLATE_VISIT_TASK: 'tmpl-task' })
    expect(plan.functions[0].settings).toEqual([
      { name: 'SUBSCRIBE_TEMPLATE_VISIT_PROGRESS', source: 'console' },
      { name: 'SUBSCRIBE_TEMPLATE_VISIT_TASK', source: 'deployer' },
    ])
  })

  it('refuses a mini-program built for another env, or without its project.config.json', () => {
    const ok = tree({
      ...fn('', []),
      'dist/weapp/app.js': 'cloud.init({env:"prod-1"})',
      'dist/weapp/project.config.json': '{}',
    })
    expect(uploadPlan(ok, [], settings, {}).miniprogram.boundToEnv).toBe(true)
    expect(formatMiniProgramPlan(uploadPlan(ok, [], settings, {}), settings).join('\n')).not.toMatch(
      /REFUSED/,
    )
    const other = tree({ 'dist/weapp/app.js': 'cloud.init({env:"staging-1"})' })
    const lines = formatMiniProgramPlan(uploadPlan(other, [], settings, {}), settings)
    expect(lines).toContain('  REFUSED: dist/weapp/app.js is not bound to env prod-1 (build it again)')
    expect(lines).toContain(
      '  REFUSED: dist/weapp/project.config.json is missing (miniprogram-ci reads the project from it)',
    )
  })
})
