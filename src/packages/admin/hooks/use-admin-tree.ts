import { useDidShow } from '@tarojs/taro'

import { useOrgStore } from '../../../stores/org.store'

/** The organisation tree every admin screen needs, loaded when a page shows unless already there. */
export function useAdminTree() {
  const tree = useOrgStore((s) => s.tree)
  const loadTree = useOrgStore((s) => s.loadTree)
  useDidShow(() => {
    const { status } = useOrgStore.getState().tree
    if (status === 'idle' || status === 'error') void loadTree()
  })
  return { tree, reload: loadTree }
}
