/**
 * Calls overlap locally as they do on CloudBase (server/call-context.ts). These tests pin the two facts the
 * design rests on: the pinned wx-server-sdk reads the caller from `process.env` on every `getWXContext()` (an
 * upgrade that caches it fails here), and interleaved calls through the runtime each see their own caller.
 */
import { currentCall, installCallEnvironment, runInCall } from '../../server/call-context'
import { onRequest } from '../../server/db/transport'
import { startBackend } from '../support/backend'
import { loadCloud, type Sdk } from './sdk-env'

const callEnv = (openid: string) => ({
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
  WX_OPENID: openid,
  WX_APPID: 'wx-test',
})

/** Lets every other pending call run before this one goes on. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('the SDK reads the caller from the environment on every call', () => {
  let cloud: Sdk
  beforeAll(() => {
    cloud = loadCloud()
    installCallEnvironment()
  })

  it('reads WX_CONTEXT_KEYS and WX_OPENID from process.env each time getWXContext() is called', async () => {
    const reads: string[] = []
    const { result } = await runInCall(callEnv('pin-a'), async () => {
      const real = process.env
      // A spy in front of the per-call environment, for the length of this call only.
      process.env = new Proxy(real, {
        get(target, key) {
          if (key === 'WX_CONTEXT_KEYS' || key === 'WX_OPENID') reads.push(key)
          return Reflect.get(target, key)
        },
      })
      try {
        const first = cloud.getWXContext().OPENID
        const afterFirst = reads.length
        return { ids: [first, cloud.getWXContext().OPENID], afterFirst }
      } finally {
        process.env = real
      }
    })
    expect(result.ids).toEqual(['pin-a', 'pin-a'])
    // The second call reads exactly what the first did: an SDK that cached the caller would read less, or nothing.
    expect(result.afterFirst).toBeGreaterThanOrEqual(2)
    expect(reads.length).toBe(2 * result.afterFirst)
    expect(reads).toContain('WX_OPENID')
  })

  it('gives three interleaved calls their own OPENID across every await', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c'].map(async (who) => {
        const { result } = await runInCall(callEnv(`caller-${who}`), async () => {
          const ids: string[] = []
          for (let i = 0; i < 5; i += 1) {
            ids.push(cloud.getWXContext().OPENID as string)
            await yieldToOthers()
          }
          return ids
        })
        return result
      }),
    )
    expect(seen).toEqual([Array(5).fill('caller-a'), Array(5).fill('caller-b'), Array(5).fill('caller-c')])
  })

  it('keeps a call from changing another call’s caller, and leaves no caller behind', async () => {
    await runInCall(callEnv('writer'), async () => {
      expect(() => {
        process.env.WX_OPENID = 'forged'
      }).toThrow(TypeError)
      expect(() => delete process.env.WX_OPENID).toThrow(TypeError)
      expect(cloud.getWXContext().OPENID).toBe('writer')
    })
    expect(currentCall()).toBeUndefined()
    expect(process.env.WX_OPENID).toBeUndefined()
  })
})

describe('the runtime runs calls concurrently, each as its own caller', () => {
  let backend: Awaited<ReturnType<typeof startBackend>>
  beforeAll(async () => {
    backend = await startBackend()
  })
  afterAll(() => backend.close())

  it('answers account/me for twenty overlapping callers, each with their own identity, all in flight at once', async () => {
    const bound = (await backend.docs('members')).filter((m) => typeof m.openid === 'string').slice(0, 20)
    expect(bound.length).toBeGreaterThanOrEqual(10)
    const events: string[] = []
    const stop = onRequest(() => events.push(`request ${currentCall()?.env.WX_OPENID ?? '(none)'}`))
    try {
      const answers = await Promise.all(
        bound.map(async (m) => {
          const result = await backend.call(m.openid as string, 'account', 'account/me', {})
          events.push(`done ${m.openid}`)
          return result.ok ? result.data.member?.name : result.code
        }),
      )
      expect(answers).toEqual(bound.map((m) => m.name))
    } finally {
      stop()
    }
    expect(events).not.toContain('request (none)')
    // One at a time, a second caller's first request would come only after the first call was done.
    const beforeFirstDone = events.slice(
      0,
      events.findIndex((e) => e.startsWith('done')),
    )
    expect(new Set(beforeFirstDone).size).toBe(bound.length)
  })
})
