import '../../styles/stats.scss'

import type { FigureView, MonthStatsView } from '@contract/stats.contract'
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'

import { monthLabel, monthOf, shiftMonth } from '../../../../../cloudfunctions/domain/time'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { useStatsStore } from '../../../../stores/stats.store'
import { FigureGrid } from '../../components/figure-grid'
import { MeetingsTable } from '../../components/meetings-table'
import { NodeBar } from '../../components/node-bar'
import { CompareSection, TrendSection } from '../../components/trend-section'

/** 月度统计: a node and month of the caller's subtree; numbers first, then charts, each with its table. */
export default function StatsMonthPage() {
  const [query, setQuery] = useState<{ month?: string; orgId?: string }>({})
  const state = useStatsStore((s) => s.month)
  const load = useStatsStore((s) => s.loadMonth)
  useEffect(() => void load(query), [load, query])
  return (
    <Screen>
      <StateView state={state} onRetry={() => load(query)}>
        {(view) => (
          <MonthBody view={view} onQuery={(q) => setQuery({ month: view.month, orgId: view.orgId, ...q })} />
        )}
      </StateView>
    </Screen>
  )
}

function MonthBody({
  view,
  onQuery,
}: {
  view: MonthStatsView
  onQuery: (q: { month?: string; orgId?: string }) => void
}) {
  const exporting = useStatsStore((s) => s.exporting)
  const exportError = useStatsStore((s) => s.exportError)
  const exportPeriod = useStatsStore((s) => s.exportPeriod)
  const thisMonth = monthOf(Date.now())
  const open = (f: Pick<FigureView, 'key' | 'label'>) =>
    go('statsRecords', { orgId: view.orgId, period: view.month, figure: f.key, label: f.label })
  return (
    <View>
      <NodeBar
        nodes={view.nodes}
        orgId={view.orgId}
        onOrg={(orgId) => onQuery({ orgId })}
        label={monthLabel(view.month)}
        prev={{ text: '上月', go: () => onQuery({ month: shiftMonth(view.month, -1) }) }}
        next={{
          text: '下月',
          go: view.month < thisMonth ? () => onQuery({ month: shiftMonth(view.month, 1) }) : null,
        }}
      />
      <View className="stats-actions">
        <Button
          className="btn btn--ghost"
          onClick={() => go('statsTodo', { orgId: view.orgId, month: view.month })}
        >
          待办事项
        </Button>
        <Button className="btn btn--ghost" onClick={() => go('statsYear', { orgId: view.orgId })}>
          年度述职数据
        </Button>
        <Button
          className="btn btn--ghost"
          loading={exporting}
          onClick={() => void exportPeriod(view.orgId, view.month)}
        >
          {exporting ? '正在导出…' : '导出Excel'}
        </Button>
      </View>
      {exportError && <Text className="t-body stats-error">{exportError}</Text>}
      {view.areas.map((area) => (
        <View key={area.key} className="card">
          <Text className="t-title">{area.title}</Text>
          <FigureGrid figures={area.figures} onOpen={open} />
        </View>
      ))}
      <MeetingsTable
        meetings={view.meetings}
        onOpen={() => open({ key: 'study.meetings', label: '三会一课会议记录' })}
      />
      {view.trends.map((t) => (
        <TrendSection key={t.area} trend={t} />
      ))}
      <CompareSection
        compare={view.compare}
        title={`下属组织对比（${monthLabel(view.month)}）`}
        onOrg={(orgId) => onQuery({ orgId })}
      />
    </View>
  )
}
