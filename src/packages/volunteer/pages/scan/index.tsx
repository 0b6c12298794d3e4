import '../../styles/volunteer.scss'

import { Button, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'

import { tokenFromScan } from '../../../../../cloudfunctions/domain/study.rules'
import { hoursLabel } from '../../../../../cloudfunctions/domain/volunteer.rules'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { go, goHomeFresh } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useVolunteerStore } from '../../../../stores/volunteer.store'

const OUTCOME = {
  signed_in: '签到成功',
  already_in: '已签到',
  signed_out: '签退成功',
  already_out: '已签退',
} as const

function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** 志愿签到 (`?t=`): the activity's code, from the H5 link or the camera — signs in, or out when signed in. */
export default function ScanPage() {
  const { params } = useRouter()
  const scan = useVolunteerStore((s) => s.scan)
  const scanCode = useVolunteerStore((s) => s.scanCode)
  useLoad(() => {
    if (params.t && ensureSignedIn()) void scanCode(tokenFromScan(decoded(params.t)))
  })
  if (!params.t)
    return (
      <Screen>
        <PageNotice text="没有签到码，请扫描组织者出示的签到码" />
      </Screen>
    )
  return (
    <Screen>
      <StateView state={scan} loadingText="正在登记…">
        {(result) => (
          <View className="card">
            <Text className="t-title ok-text">{OUTCOME[result.outcome]}</Text>
            <View>
              <Text className="t-body">{result.activityTitle}</Text>
            </View>
            {result.outcome === 'signed_out' && (
              <View>
                <Text className="t-body">
                  本次时长 {hoursLabel(result.entry.minutes ?? 0)}，
                  {result.entry.status === 'approval'
                    ? '当天超过8小时，需组织者审批'
                    : '组织者确认后计入志愿时长'}
                </Text>
              </View>
            )}
            {result.outcome !== 'signed_out' && (
              <View>
                <Text className="t-caption">离开时请再扫一次签到码签退。</Text>
              </View>
            )}
            <View className="vol-actions">
              <Button
                className="btn btn--ghost"
                onClick={() => go('volunteerActivity', { id: result.entry.activityId })}
              >
                查看活动
              </Button>
              <Button className="btn btn--ghost" onClick={goHomeFresh}>
                回到首页
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </Screen>
  )
}
