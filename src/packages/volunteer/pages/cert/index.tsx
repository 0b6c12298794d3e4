import '../../styles/volunteer.scss'

import { Button, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { Certificate } from '../../components/certificate'

const IN_H5 = process.env.TARO_ENV === 'h5'

/** 志愿服务记录证明 (`?year=`): issued from the confirmed hours of that year, printable in H5. */
export default function CertPage() {
  const { params } = useRouter()
  const cert = useVolunteerStore((s) => s.cert)
  const issue = useVolunteerStore((s) => s.issueCert)
  const year = Number(params.year)
  useLoad(() => {
    if (Number.isInteger(year) && ensureSignedIn()) void issue(year)
  })
  if (!Number.isInteger(year))
    return (
      <Screen>
        <PageNotice text="没有指定年份，请从我的志愿时长进入" />
      </Screen>
    )
  return (
    <Screen>
      <StateView state={cert} onRetry={() => issue(year)} loadingText="正在出具证明…">
        {(c) => (
          <View>
            <Certificate cert={c} />
            {IN_H5 && (
              <Button className="btn btn--ghost vol-noprint" onClick={() => window.print()}>
                打印
              </Button>
            )}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
