import '../../styles/visit.scss'

import { Button, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { useVisitStore } from '../../../../stores/visit.store'
import { RatingForm } from '../../components/rating-form'
import { VisitCard } from '../../components/visit-card'

/** 我的上门服务: the resident's requests with their progress; cancel before acceptance, confirm and rate after. */
export default function MyVisitsPage() {
  const mine = useVisitStore((s) => s.mine)
  const load = useVisitStore((s) => s.loadMine)
  const busy = useVisitStore((s) => s.busy)
  const cancel = useVisitStore((s) => s.cancel)
  const confirm = useVisitStore((s) => s.confirm)
  const [error, setError] = useState<{ id: string; message: string } | null>(null)
  // 取消 asks once more in place (no pop-up): a stray tap must not cancel an old person's request.
  const [cancelling, setCancelling] = useState<string | null>(null)
  useDidShow(() => {
    if (ensureSignedIn()) void load()
  })
  const report = (id: string) => (outcome: { ok: boolean; message?: string }) =>
    setError(outcome.ok ? null : { id, message: outcome.message ?? '' })

  return (
    <Screen>
      <Button className="btn btn--primary" onClick={() => go('visitRequest')}>
        申请上门服务
      </Button>
      <StateView
        state={mine}
        onRetry={load}
        isEmpty={(list) => list.length === 0}
        emptyText="您还没有申请过上门服务"
      >
        {(list) =>
          list.map((visit) => (
            <VisitCard key={visit.id} visit={visit} audience="resident">
              {error?.id === visit.id && <Text className="t-body visit-error">{error.message}</Text>}
              {visit.can.confirm && (
                <RatingForm
                  busy={busy === visit.id}
                  onConfirm={(rating, comment) =>
                    void confirm(visit.id, rating, comment).then(report(visit.id))
                  }
                />
              )}
              {visit.can.cancel && cancelling !== visit.id && (
                <Button className="btn btn--ghost" onClick={() => setCancelling(visit.id)}>
                  不需要了，取消请求
                </Button>
              )}
              {visit.can.cancel && cancelling === visit.id && (
                <View className="actions">
                  <Button
                    className="btn btn--ghost"
                    disabled={busy !== null}
                    onClick={() => setCancelling(null)}
                  >
                    不取消
                  </Button>
                  <Button
                    className="btn btn--primary"
                    loading={busy === visit.id}
                    disabled={busy !== null}
                    onClick={() => void cancel(visit.id).then(report(visit.id))}
                  >
                    确定取消
                  </Button>
                </View>
              )}
            </VisitCard>
          ))
        }
      </StateView>
    </Screen>
  )
}
