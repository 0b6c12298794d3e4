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

/**
 * The demo sign-in page (H5 only; src/app.config.ts declares its package for H5 alone). Kept out of
 * ROUTES and read only behind `TARO_ENV === 'h5'`, so the weapp build drops it with the rest of the
 * demo code (tests/weapp/h5-only.test.ts scans dist/weapp for it).
 */
export const DEMO_LOGIN_PAGE = '/packages/dev/pages/login/index'

const RETURN_KEY = 'dev-return-to'

/** The page being shown, as a URL a relaunch can open again (path and query). */
function currentUrl(): string | null {
  const router = Taro.getCurrentInstance().router
  if (!router?.path) return null
  const path = router.path.split('?')[0]
  const query = Object.entries(router.params ?? {})
    .filter(([key, value]) => key !== '$taroTimestamp' && typeof value === 'string')
    .map(([key, value]) => `${key}=${encodeURIComponent(value as string)}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/**
 * H5 demo only: when nobody is signed in, goes to the demo sign-in and remembers this page
 * (a check-in link, say), so signing in comes back to it. Returns whether the caller is known.
 */
export function ensureSignedIn(): boolean {
  // A constant condition in each build: in weapp the minifier drops the rest, the return path included.
  if (process.env.TARO_ENV !== 'h5' || !needsDemoLogin()) return true
  const here = currentUrl()
  if (here && !here.startsWith(DEMO_LOGIN_PAGE)) Taro.setStorageSync(RETURN_KEY, here)
  void Taro.reLaunch({ url: DEMO_LOGIN_PAGE })
  return false
}

/** After the demo sign-in: the page that asked for it, once, or 首页. Only app pages are accepted. */
export function takeReturnUrl(): string | null {
  const url = Taro.getStorageSync(RETURN_KEY) as string
  Taro.removeStorageSync(RETURN_KEY)
  return typeof url === 'string' && /^\/(pages|packages)\//.test(url) ? url : null
}
