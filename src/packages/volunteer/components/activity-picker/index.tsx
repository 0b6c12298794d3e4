import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { MAX_LINKED_ACTIVITIES } from '../../../../../cloudfunctions/domain/project.rules'
import { dateTimeLabel, monthLabel, monthOf, shiftMonth } from '../../../../../cloudfunctions/domain/time'
import { StateView } from '../../../../components/screen'
import { useProjectStore } from '../../../../stores/project.store'

export interface PickedActivity {
  id: string
  title: string
  startAt: number
}

/**
 * The volunteer activities a project links: those of the organising node's subtree, browsed month by month (the
 * organiser's list), each added or removed with one tap; the server refuses any outside the subtree.
 */
export function ActivityPicker({
  orgId,
  picked,
  onChange,
}: {
  orgId: string
  picked: PickedActivity[]
  onChange: (next: PickedActivity[]) => void
}) {
  const [month, setMonth] = useState(() => monthOf(Date.now()))
  const candidates = useProjectStore((s) => s.candidates)
  const load = useProjectStore((s) => s.loadCandidates)
  useEffect(() => void load(orgId, month), [load, orgId, month])
  const has = (id: string) => picked.some((p) => p.id === id)
  const full = picked.length >= MAX_LINKED_ACTIVITIES
  return (
    <View className="vol-field">
      <Text className="t-caption">关联的志愿活动（{picked.length} 个）</Text>
      {picked.map((p) => (
        <View key={p.id} className="vol-pick vol-pick--linked">
          <Text className="t-body vol-row__main">
            {p.title} · {dateTimeLabel(p.startAt)}
          </Text>
          <Button className="btn btn--ghost" onClick={() => onChange(picked.filter((x) => x.id !== p.id))}>
            移除
          </Button>
        </View>
      ))}
      <View className="vol-actions">
        <Button className="btn btn--ghost" onClick={() => setMonth(shiftMonth(month, -1))}>
          上个月
        </Button>
        <Text className="t-body">{monthLabel(month)}</Text>
        <Button className="btn btn--ghost" onClick={() => setMonth(shiftMonth(month, 1))}>
          下个月
        </Button>
      </View>
      <StateView
        state={candidates}
        onRetry={() => load(orgId, month)}
        isEmpty={(list) => list.length === 0}
        emptyText="这个月没有可关联的志愿活动"
      >
        {(list) =>
          list.map((a) => (
            <View key={a.id} className="vol-pick vol-pick--candidate">
              <Text className="t-body vol-row__main">
                {a.title} · {dateTimeLabel(a.startAt)}
              </Text>
              {has(a.id) ? (
                <Text className="t-caption">已关联</Text>
              ) : (
                <Button
                  className="btn btn--ghost"
                  disabled={full}
                  onClick={() => onChange([...picked, { id: a.id, title: a.title, startAt: a.startAt }])}
                >
                  关联
                </Button>
              )}
            </View>
          ))
        }
      </StateView>
    </View>
  )
}
