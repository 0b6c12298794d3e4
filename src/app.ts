import './app.scss'

import Taro, { usePageNotFound } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'

import { ROUTES } from './services/navigation'

if (process.env.TARO_ENV === 'weapp') {
  // The cloud environment comes from TARO_APP_CLOUD_ENV at build time (see README); without it
  // WeChat uses the mini-program's default environment.
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  // An unknown route (an old share, a mistyped H5 address) shows a page with the way home, not a blank screen.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }))
  return children
}

export default App
