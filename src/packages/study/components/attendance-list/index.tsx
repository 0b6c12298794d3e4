import type { AttendanceRow, AttendanceStatus, AttendanceView } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { METHOD_LABELS } from '../../../../../cloudfunctions/domain/study.rules'
import { dateTimeLabel, timeOf } from '../../../../../cloudfunctions/domain/time'
import { Chips } from '../../../../components/chips'
import { type MakeupKind, useAttendanceStore } from '../../../../stores/study-attendance.store'
import { statusLabel } from '../../lib/labels'
import { Badge } from '../badge'
import { ReasonForm } from '../reason-form'

type Filter = 'all' | 'absent' | 'late' | 'leave'
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'absent', label: '缺席' },
  { value: 'late', label: '迟到' },
  { value: 'leave', label: '请假' },
]
const SHOWN: Record<Exclude<Filter, 'all'>, (AttendanceStatus | 'upcoming')[]> = {
  absent: ['absent'],
  late: ['late'],
  leave: ['leave', 'leave_pending'],
}

/**
 * The expected members (and visitors) with their status; 补签/补学 for those absent, which only a started session
 * has, unless read-only. Before the start only 全部 and 请假 are offered.
 */
export function AttendanceList({
  rows,
  phase,
  readOnly = false,
}: {
  rows: readonly AttendanceRow[]
  phase: AttendanceView['phase']
  readOnly?: boolean
}) {
  const [filter, setFilter] = useState<Filter>('all')
  const shown = filter === 'all' ? rows : rows.filter((r) => SHOWN[filter].includes(r.status))
  const filters =
    phase === 'upcoming' ? FILTERS.filter((f) => f.value === 'all' || f.value === 'leave') : FILTERS
  return (
    <View className="card">
      <Text className="t-body study-section-title">参会名单</Text>
      <Chips options={filters} value={filter} onChange={setFilter} idPrefix="filter" />
      {shown.length === 0 ? (
        <Text className="t-caption">没有符合条件的党员</Text>
      ) : (
        shown.map((row) => (
          <MemberRow key={row.memberId} row={row} started={phase !== 'upcoming'} readOnly={readOnly} />
        ))
      )}
    </View>
  )
}

function MemberRow({ row, started, readOnly }: { row: AttendanceRow; started: boolean; readOnly: boolean }) {
  const busy = useAttendanceStore((s) => s.busy)
  const makeup = useAttendanceStore((s) => s.makeup)
  const [kind, setKind] = useState<MakeupKind | null>(null)
  const [error, setError] = useState<string | null>(null)
  const recorded = row.method === 'makeup_sign' || row.method === 'makeup_study'

  const submit = async (reason: string) => {
    if (!kind) return false
    setError(null)
    const outcome = await makeup(row.memberId, kind, reason)
    if (!outcome.ok) {
      setError(outcome.message)
      return false
    }
    void Taro.showToast({ title: `已${METHOD_LABELS[kind]}`, icon: 'success' })
    setKind(null)
    return true
  }

  return (
    <View className="study-field">
      <View className="study-row">
        <View className="study-row__main">
          <Text className="t-body">{row.name}</Text>
          <Text className="t-caption"> {row.orgName}</Text>
        </View>
        <Badge {...statusLabel(row.status, row.method)} />
      </View>
      {recorded && row.method && (
        <Text className="t-caption">
          {METHOD_LABELS[row.method]}原因：{row.reason ?? '—'} · 记录人：{row.recordedByName ?? '—'}
          {row.at ? ` · ${dateTimeLabel(row.at)}` : ''}
        </Text>
      )}
      {!recorded && row.at && <Text className="t-caption">签到时间 {timeOf(row.at)}</Text>}
      {!recorded && row.reason && <Text className="t-caption">原因：{row.reason}</Text>}
      {error && <Text className="t-body error-text">{error}</Text>}
      {started &&
        !readOnly &&
        row.status === 'absent' &&
        (kind ? (
          <ReasonForm
            placeholder={`${METHOD_LABELS[kind]}原因`}
            submitText={`确认${METHOD_LABELS[kind]}`}
            busy={busy === `makeup:${row.memberId}`}
            onSubmit={submit}
            onCancel={() => setKind(null)}
          />
        ) : (
          <View className="actions">
            <Button
              className="btn btn--ghost"
              disabled={busy !== null}
              onClick={() => setKind('makeup_sign')}
            >
              补签
            </Button>
            <Button
              className="btn btn--ghost"
              disabled={busy !== null}
              onClick={() => setKind('makeup_study')}
            >
              补学
            </Button>
          </View>
        ))}
    </View>
  )
}
