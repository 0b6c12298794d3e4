import '../../styles/study.scss'

import { Button, Text, View } from '@tarojs/components'
import Taro, { useLoad, useRouter } from '@tarojs/taro'

import { codeFromScene, tokenFromScan } from '../../../../../cloudfunctions/domain/study.rules'
import { Screen } from '../../../../components/screen'
import { go, goHomeFresh, urlOf } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useCheckinStore } from '../../../../stores/study-checkin.store'
import { CheckinAnswer } from '../../components/checkin-answer'

const IN_WEAPP = process.env.TARO_ENV === 'weapp'

function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * 扫码签到. `?t=` (the H5 link in the rotating code) checks in at once; `?scene=` is how WeChat
 * opens the page from a static poster code (URL-encoded, as wxacode.getUnlimited hands it over).
 */
export default function CheckinPage() {
  const { params } = useRouter()
  const answer = useCheckinStore((s) => s.answer)
  const withToken = useCheckinStore((s) => s.checkInWithToken)
  const withScene = useCheckinStore((s) => s.checkInWithScene)
  const reset = useCheckinStore((s) => s.reset)
  const notBound = useCheckinStore((s) => s.notBound)
  // Binding comes back to this very link (`t` or `scene`), which checks in again.
  const toBind = () => {
    const link: Record<string, string> = params.t
      ? { t: decoded(params.t) }
      : params.scene
        ? { scene: decoded(params.scene) }
        : {}
    go('bind', { back: urlOf('checkin', link) })
  }

  useLoad(() => {
    reset()
    if (!ensureSignedIn()) return
    if (params.t) void withToken(tokenFromScan(decoded(params.t)))
    else if (params.scene) void withScene(decoded(params.scene))
  })

  const scan = async () => {
    if (!IN_WEAPP) {
      reset()
      return
    }
    let scanned: Taro.scanCode.SuccessCallbackResult
    try {
      scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    } catch (error) {
      const cancelled = /cancel/.test((error as { errMsg?: string } | null)?.errMsg ?? '')
      if (!cancelled) void Taro.showToast({ title: '没有识别到二维码，请重试', icon: 'none' })
      return
    }
    // A poster of this mini-program scanned here comes back with its page path, which carries `scene=`.
    const scene = /[?&]scene=([^&#]+)/.exec(scanned.path ?? '')
    if (scene && codeFromScene(decoded(scene[1]))) void withScene(decoded(scene[1]))
    else void withToken(tokenFromScan(scanned.result ?? ''))
  }

  return (
    <Screen>
      <CheckinAnswer
        answer={answer}
        onRetry={scan}
        onDone={goHomeFresh}
        onBind={notBound ? toBind : undefined}
      />
      {answer.status === 'idle' && (
        <View className="card">
          <Text className="t-title">扫描书记出示的签到码</Text>
          <View>
            <Text className="t-body">
              {IN_WEAPP
                ? '点下面的大按钮，把手机对准书记手机上或海报上的二维码。'
                : '请用手机相机扫描书记出示的签到码，打开链接即可签到。'}
            </Text>
          </View>
          {IN_WEAPP && (
            <Button className="btn btn--primary checkin-scan" onClick={scan}>
              扫码签到
            </Button>
          )}
        </View>
      )}
    </Screen>
  )
}
