import './app.scss'

import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'

if (process.env.TARO_ENV === 'weapp') {
  // The cloud environment comes from TARO_APP_CLOUD_ENV at build time (see README); without it
  // WeChat uses the mini-program's default environment.
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
}

function App({ children }: PropsWithChildren) {
  return children
}

export default App
