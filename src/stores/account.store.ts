import type { BindPreview, MeView } from '@contract/account.contract'
import { create } from 'zustand'

import { hasAnyPermission, type Permission } from '../../cloudfunctions/domain/roles'
import { call, messageOf } from '../services/cloud'
import { idle, type Loadable, track } from './async-state'

export type BindRequest = { by: 'invite'; code: string } | { by: 'phone'; name: string; phoneLast4: string }

const phoneOf = (request: { name: string; phoneLast4: string }) => ({
  name: request.name,
  phoneLast4: request.phoneLast4,
})

interface AccountState {
  me: Loadable<MeView>
  load(): Promise<void>
  /** Whom the request would bind to (name and branch), binding nothing; a mismatch counts as binding's would. */
  preview(request: BindRequest): Promise<{ ok: true; preview: BindPreview } | { ok: false; message: string }>
  /** Binds this WeChat account to a roster entry; resolves with the error message on failure. */
  bind(request: BindRequest): Promise<{ ok: true } | { ok: false; message: string }>
  /** Sets the fresh identity after a binding, without another round trip. */
  setMe(me: MeView): void
  reset(): void
}

export const useAccountStore = create<AccountState>((set) => ({
  me: idle,
  async load() {
    await track(
      (me) => set({ me }),
      () => call('account', 'account/me', {}),
    )
  },
  async preview(request) {
    try {
      const preview =
        request.by === 'invite'
          ? await call('account', 'account/previewInvite', { code: request.code })
          : await call('account', 'account/previewPhone', phoneOf(request))
      return { ok: true, preview }
    } catch (error) {
      return { ok: false, message: messageOf(error) }
    }
  },
  async bind(request) {
    try {
      const me =
        request.by === 'invite'
          ? await call('account', 'account/bindByInvite', { code: request.code })
          : await call('account', 'account/bindByPhone', phoneOf(request))
      set({ me: { status: 'ready', data: me } })
      return { ok: true }
    } catch (error) {
      return { ok: false, message: messageOf(error) }
    }
  },
  setMe(me) {
    set({ me: { status: 'ready', data: me } })
  },
  reset() {
    set({ me: idle })
  },
}))

export const selectMe = (s: AccountState): MeView | null => (s.me.status === 'ready' ? s.me.data : null)

/** Whether the signed-in person holds a permission anywhere: the client only hides, the server decides. */
export function mayAnywhere(me: MeView | null, permission: Permission): boolean {
  return me !== null && hasAnyPermission(me.roles, permission)
}
