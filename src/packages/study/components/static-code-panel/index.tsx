import type { SessionView } from '@contract/study.contract'
import { Button, Image, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

import { useAttendanceStore } from '../../../../stores/study-attendance.store'

/**
 * 海报码: a static mini-program code the secretary may allow for one session, to print. It does
 * not rotate, so it is off unless chosen; switching it off makes printed copies stop working.
 */
export function StaticCodePanel({ session }: { session: SessionView }) {
  const staticCode = useAttendanceStore((s) => s.staticCode)
  const busy = useAttendanceStore((s) => s.busy)
  const setStaticCode = useAttendanceStore((s) => s.setStaticCode)
  const enabled = staticCode?.enabled ?? session.staticCodeEnabled
  const image = enabled ? staticCode?.imageBase64 : null
  if (session.status === 'cancelled') return null

  const toggle = async (enable: boolean) => {
    const outcome = await setStaticCode(enable)
    if (outcome.ok) void Taro.showToast({ title: enable ? '海报码已开启' : '海报码已关闭', icon: 'success' })
    else void Taro.showToast({ title: outcome.message, icon: 'none' })
  }

  return (
    <View className="card">
      <View className="study-row">
        <Text className="t-body">海报码（可打印张贴，不会变化）</Text>
        <Switch
          checked={enabled}
          disabled={busy !== null}
          color="#c8161d"
          onChange={(e) => toggle(e.detail.value)}
        />
      </View>
      {image ? (
        <View>
          <Image
            className="poster-image"
            src={`data:image/png;base64,${image}`}
            mode="aspectFit"
            showMenuByLongpress
          />
          <Text className="t-caption">长按图片可保存，打印后张贴在活动现场</Text>
        </View>
      ) : (
        enabled && (
          <Button className="btn btn--ghost" disabled={busy !== null} onClick={() => toggle(true)}>
            显示海报码
          </Button>
        )
      )}
    </View>
  )
}
