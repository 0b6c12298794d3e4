import '../../styles/visit.scss'

import type { VisitView } from '@contract/index'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { VISIT_TYPE_KEYS, type VisitType } from '../../../../../cloudfunctions/domain/visit.rules'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { askForMessages } from '../../../../services/subscribe'
import { useVisitStore } from '../../../../stores/visit.store'
import { RequestForm } from '../../components/request-form'
import { VisitCard } from '../../components/visit-card'
import { useVisitDraft } from '../../hooks/use-visit-draft'
import { useVisitTemplates } from '../../hooks/use-visit-templates'

const typeOf = (value: string | undefined): VisitType | null =>
  VISIT_TYPE_KEYS.find((k) => k === value) ?? null

/** 上门服务: a resident asks for a visit on one screen, then sees it sent in plain words. */
export default function VisitRequestPage() {
  const { params } = useRouter()
  const communities = useVisitStore((s) => s.communities)
  const loadCommunities = useVisitStore((s) => s.loadCommunities)
  const submit = useVisitStore((s) => s.submit)
  const busy = useVisitStore((s) => s.busy === 'submit')
  const { fields, update, toDraft } = useVisitDraft(typeOf(params.type))
  const [error, setError] = useState<string | null>(null)
  const templates = useVisitTemplates()
  const [sent, setSent] = useState<VisitView | null>(null)
  useDidShow(() => {
    if (ensureSignedIn()) void loadCommunities()
  })
  // The member's own community, or the only one, is chosen for them.
  useEffect(() => {
    if (communities.status !== 'ready' || fields.orgId) return
    const { mine, communities: list } = communities.data
    const only = list.length === 1 ? list[0].id : null
    if (mine ?? only) update({ orgId: mine ?? only })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once the list arrives
  }, [communities])

  const send = async () => {
    const draft = toDraft(Date.now())
    if (!draft) return
    // From the tap, before anything is awaited, as WeChat requires.
    askForMessages(['visitProgress'], templates)
    const outcome = await submit(draft)
    setError(outcome.ok ? null : outcome.message)
    if (outcome.ok) setSent(outcome.data)
  }

  if (sent) {
    return (
      <Screen>
        <View className="card">
          <Text className="t-title">请求已提交</Text>
          <Text className="t-body visit-line">社区会尽快安排党员上门，进展会显示在“我的上门服务”里。</Text>
        </View>
        <VisitCard visit={sent} audience="resident" />
        <Button className="btn btn--primary" onClick={() => go('visitMine')}>
          查看我的上门服务
        </Button>
      </Screen>
    )
  }
  return (
    <Screen>
      <Button className="btn btn--ghost" onClick={() => go('visitMine')}>
        查看我申请过的
      </Button>
      <StateView state={communities} onRetry={loadCommunities}>
        {(data) => (
          <RequestForm
            fields={fields}
            communities={data.communities}
            busy={busy}
            error={error}
            onChange={update}
            onSubmit={send}
          />
        )}
      </StateView>
    </Screen>
  )
}
