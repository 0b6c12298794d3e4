import '../../styles/pledge.scss'

import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'

import { PLEDGE_KINDS } from '../../../../../cloudfunctions/domain/pledge.rules'
import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { usePledgeStore } from '../../../../stores/pledge.store'
import { PledgeText } from '../../components/pledge-text'
import { SignForm } from '../../components/sign-form'
import { SignedView } from '../../components/signed-view'

/** 承诺书 (`?id=<assignmentId>`): read the whole text and sign it, or view a signed one and verify it. */
export default function PledgePage() {
  const { params } = useRouter()
  const id = params.id
  const pledge = usePledgeStore((s) => s.pledge)
  const verification = usePledgeStore((s) => s.verification)
  const { loadPledge, verify } = usePledgeStore.getState()
  const [readToEnd, setReadToEnd] = useState(false)
  const onRead = useCallback(() => setReadToEnd(true), [])
  useDidShow(() => {
    if (id && ensureSignedIn()) void loadPledge(id)
  })
  if (!id) {
    return (
      <Screen>
        <PageNotice text="没有指定承诺书，请从待签承诺书进入" />
      </Screen>
    )
  }
  return (
    <Screen>
      <StateView state={pledge} onRetry={() => void loadPledge(id)}>
        {(p) => (
          <View>
            <View className="card">
              <Text className="t-title">{p.title}</Text>
              <View>
                <Text className="t-caption">
                  {PLEDGE_KINDS[p.kind]} · {p.year}年度 · 第{p.version}版 · {dateOf(p.deadline)} 前签署
                  {p.overdue ? '（已逾期）' : ''}
                </Text>
              </View>
            </View>
            <PledgeText body={p.body} onReadToEnd={p.status === 'pending' && p.mine ? onRead : undefined} />
            {p.status === 'signed' ? (
              <SignedView pledge={p} verification={verification} onVerify={() => void verify(id)} />
            ) : p.mine ? (
              <SignForm assignmentId={id} readToEnd={readToEnd} />
            ) : (
              <View className="card">
                <Text className="t-body">{p.name} 尚未签署</Text>
              </View>
            )}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
