import { type Backend, startBackend } from './backend'

/**
 * One backend for a file of calls that must all be refused: started before them, with each
 * caller's user record made first (a user's first call stores one, even when refused), and the
 * snapshot they must all leave as it was.
 */
export function refusalBackend(callers: readonly string[]) {
  const state = {} as { backend: Backend; before: Record<string, unknown[]> }
  beforeAll(async () => {
    state.backend = await startBackend()
    for (const openid of callers)
      await state.backend.raw(openid, 'account', { action: 'account/me', data: {} })
    state.before = await state.backend.snapshot()
  })
  afterAll(() => state.backend.close())
  return state
}
