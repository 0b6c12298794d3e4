import Taro from '@tarojs/taro'

import { ROUTES } from '../../../services/navigation'
import { needsDemoLogin } from '../../../services/session'

/**
 * For member screens that need no profile: in the H5 demo without a sign-in, go to the demo
 * sign-in first (returns false); in WeChat the caller is always known.
 */
export function ensureSignedIn(): boolean {
  if (!needsDemoLogin()) return true
  void Taro.reLaunch({ url: ROUTES.demoLogin })
  return false
}
