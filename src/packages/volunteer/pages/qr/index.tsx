import '../../styles/volunteer.scss'

import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'

import { QrPanel } from '../../../../components/qr-panel'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { useRotatingQr } from '../../../../hooks/use-rotating-qr'

/** 志愿签到码 (`?id=`): the organiser's phone, the code changing every few seconds; the same code signs in and out. */
export default function VolunteerQrPage() {
  const { params } = useRouter()
  return (
    <Screen>
      {params.id ? (
        <RotatingCode activityId={params.id} />
      ) : (
        <PageNotice text="没有指定活动，请从志愿活动进入" />
      )}
    </Screen>
  )
}

function RotatingCode({ activityId }: { activityId: string }) {
  const { code, state, error, closed, fetching, secondsLeft, retry } = useRotatingQr(
    { kind: 'activity', id: activityId },
    'volunteerScan',
  )
  if (closed) {
    return (
      <View className="state">
        <Text className="t-body">{closed}</Text>
      </View>
    )
  }
  return (
    <View>
      <StateView state={state} onRetry={retry} loadingText="正在生成签到码…">
        {(shown) => (
          <QrPanel
            qr={shown.qr}
            secondsLeft={secondsLeft ?? 0}
            refreshing={fetching}
            error={error}
            hint="报名的志愿者到场时扫码签到，离开时再扫码签退。"
          />
        )}
      </StateView>
      {code && (
        <Button className="btn btn--ghost" disabled={fetching} onClick={retry}>
          立即刷新
        </Button>
      )}
    </View>
  )
}
