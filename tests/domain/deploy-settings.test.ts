import { parseArgs } from '../../deploy/cli'
import { resolveSettings, settingsProblems } from '../../deploy/settings'

const file = { appid: 'wx0123456789abcdef', envId: 'file-env', privateKeyPath: 'keys/file.key', robot: 3 }

describe('deployment settings', () => {
  it('take a variable from the environment over the config file, and say where each came from', () => {
    const settings = resolveSettings({ DEPLOY_ENV_ID: 'env-from-shell' }, file, { version: '1.2.3' })
    expect(settings).toMatchObject({
      appid: 'wx0123456789abcdef',
      envId: 'env-from-shell',
      privateKeyPath: 'keys/file.key',
      version: '1.2.3',
      desc: '基层党建助手 1.2.3',
      robot: 3,
    })
    expect(settings.sources).toMatchObject({
      envId: '$DEPLOY_ENV_ID',
      appid: 'deploy.config.json',
      version: 'default',
    })
  })

  it('read Tencent Cloud keys from the environment only, never from the config file', () => {
    const fromFile = resolveSettings({}, { ...file, secretId: 'x', secretKey: 'y' } as typeof file, {
      version: '1.0.0',
    })
    expect(fromFile.tencentCloud).toBeNull()
    const fromEnv = resolveSettings({ TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key' }, null, {
      version: '1.0.0',
    })
    expect(fromEnv.tencentCloud).toEqual({ secretId: 'id', secretKey: 'key' })
  })

  it('name every missing value a real run needs, with the variable that sets it', () => {
    const settings = resolveSettings({}, null, { version: '1.0' })
    const problems = settingsProblems(settings, { upload: true, manage: true })
    expect(problems.join('\n')).toMatch(/DEPLOY_ENV_ID/)
    expect(problems.join('\n')).toMatch(/DEPLOY_APPID/)
    expect(problems.join('\n')).toMatch(/DEPLOY_PRIVATE_KEY_PATH/)
    expect(problems.join('\n')).toMatch(/version 1.0 is not x.y.z/)
    expect(problems.join('\n')).toMatch(/TENCENTCLOUD_SECRETID/)
    expect(
      settingsProblems(resolveSettings({}, file, { version: '1.0.0' }), { upload: true, manage: false }),
    ).toEqual([])
  })

  it('refuse an AppID that is not one', () => {
    const settings = resolveSettings({ DEPLOY_APPID: 'touristappid' }, file, { version: '1.0.0' })
    expect(settingsProblems(settings, { upload: true, manage: false })).toEqual([
      'the AppID touristappid is not wx + 16 hex digits',
    ])
  })

  it('parse the command line and refuse what it does not know', () => {
    expect(parseArgs(['--dry-run', '--only=database,rules', '--current=state.json'])).toMatchObject({
      dryRun: true,
      build: true,
      only: ['database', 'rules'],
      current: 'state.json',
    })
    expect(() => parseArgs(['--only=everything'])).toThrow(/unknown step everything/)
    expect(() => parseArgs(['--force'])).toThrow(/unknown argument --force/)
  })
})
