import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { formatMessage } from '../../cloudfunctions/contract/errors'
import { MANIFESTS } from '../../cloudfunctions/manifests'
import { stagingApp } from './staging-env'

/**
 * The deployed env, end to end through Tencent's Node SDK (scripts/test-staging.mjs runs this only when the
 * staging variables are set). A server-side call carries no WeChat identity, so what is checked here is what can
 * be observed without one: every function is deployed, loads (bundle, wx-server-sdk installed, secrets readable)
 * and routes every action of its manifest to a stable code with its Chinese message, never COMMON.INTERNAL;
 * every declared collection exists. Scenarios that need a member (binding, check-in, exams) are not run here:
 * they need a WeChat user in the mini-program (README: 部署到微信云开发, 体验版).
 */
const app = stagingApp()
const call = async (name: string, event: unknown) =>
  (await app.callFunction({ name, data: event })).result as { ok: boolean; code?: string; message?: string }

describe.each(Object.values(MANIFESTS).map((m) => [m.name, m] as const))(
  'function %s on staging',
  (name, manifest) => {
    it('is deployed and refuses an unknown action with its code and Chinese message', async () => {
      const answer = await call(name, { action: 'no/such-action', data: {} })
      expect(answer).toEqual({
        ok: false,
        code: 'COMMON.UNKNOWN_ACTION',
        message: formatMessage('COMMON.UNKNOWN_ACTION'),
      })
    }, 60_000)

    it.each(Object.keys(manifest.routes))(
      'answers %s without a WeChat identity with a stable refusal',
      async (action) => {
        const answer = await call(name, { action, data: {} })
        expect(answer.ok).toBe(false)
        expect(['COMMON.UNAUTHENTICATED', 'COMMON.INVALID_INPUT']).toContain(answer.code)
        expect(answer.message).toMatch(/[\u4e00-\u9fff]/)
      },
      60_000,
    )
  },
)

describe('the database on staging', () => {
  it.each(Object.values(COLLECTIONS))(
    'has the collection %s',
    async (name) => {
      const { data } = await app.database().collection(name).limit(1).get()
      expect(Array.isArray(data)).toBe(true)
    },
    60_000,
  )
})
