import { useDidHide, useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Runs `callback` when the page shows again after being hidden (back from an edit screen), not
 * on its first show: the first load belongs to the component's own effect.
 */
export function useOnReturn(callback: () => void): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    callback()
  })
}
