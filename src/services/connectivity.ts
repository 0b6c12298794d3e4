import Taro from '@tarojs/taro'

/**
 * Calls `listener` each time the phone's connection comes back: WeChat's network-status change with
 * `isConnected`, or the browser's `online` event in H5. Answers the function that stops listening.
 */
export function onReconnect(listener: () => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    const online = () => listener()
    window.addEventListener('online', online)
    return () => window.removeEventListener('online', online)
  }
  const changed = (res: { isConnected: boolean }) => {
    if (res.isConnected) listener()
  }
  Taro.onNetworkStatusChange(changed)
  return () => Taro.offNetworkStatusChange(changed)
}
