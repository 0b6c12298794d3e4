import { useDidShow } from '@tarojs/taro'

import { ensureSignedIn } from '../services/session'
import { useAccountStore } from '../stores/account.store'

/** The signed-in person, loaded when a page shows. In H5 without a demo sign-in, goes to it first. */
export function useMe() {
  const me = useAccountStore((s) => s.me)
  const load = useAccountStore((s) => s.load)
  useDidShow(() => {
    if (!ensureSignedIn()) return
    if (useAccountStore.getState().me.status !== 'ready') void load()
  })
  return { me, reload: load }
}
