import Taro from '@tarojs/taro'

/**
 * H5 + local host only: the token from the demo sign-in. In WeChat the platform supplies the
 * caller's identity to every cloud call and nothing is stored here.
 */
const KEY = 'dev-session-token'

export function getSessionToken(): string | null {
  if (process.env.TARO_ENV !== 'h5') return null
  return (Taro.getStorageSync(KEY) as string) || null
}

export function setSessionToken(token: string): void {
  Taro.setStorageSync(KEY, token)
}

export function clearSessionToken(): void {
  if (process.env.TARO_ENV === 'h5') Taro.removeStorageSync(KEY)
}

export function needsDemoLogin(): boolean {
  return process.env.TARO_ENV === 'h5' && getSessionToken() === null
}
