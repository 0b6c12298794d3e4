import './index.scss'

import type { QrView } from '@contract/study.contract'
import { Image, Text, View } from '@tarojs/components'

export interface QrPanelProps {
  qr: QrView
  secondsLeft: number
  refreshing: boolean
  /** The last refresh failed; the screen keeps retrying. */
  error: string | null
  /** Who scans it, and where in the app. */
  hint?: string
}

/** The rotating code, large, with its countdown: a photo of it stops working within a period. */
export function QrPanel({ qr, secondsLeft, refreshing, error, hint }: QrPanelProps) {
  return (
    <View className="card">
      <Image
        className="qr-image"
        src={`data:image/png;base64,${qr.imageBase64}`}
        mode="aspectFit"
        data-payload={qr.payload}
      />
      <Text className="qr-countdown">
        {secondsLeft > 0 ? `${secondsLeft} 秒后刷新` : refreshing ? '正在刷新…' : '即将刷新'}
      </Text>
      {error && <Text className="t-body error-text">刷新失败：{error}，正在重试…</Text>}
      <View>
        <Text className="t-caption">
          {hint ?? '请党员打开“基层党建助手”→ 扫码签到，扫描此码。'}二维码每{qr.rotateSeconds}秒更换一次。
        </Text>
      </View>
    </View>
  )
}
