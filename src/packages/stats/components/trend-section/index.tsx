import type { CompareView, TrendView } from '@contract/stats.contract'
import { Text, View } from '@tarojs/components'
import { useMemo } from 'react'

import { monthLabel } from '../../../../../cloudfunctions/domain/time'
import { Chart } from '../chart'
import { DataTable } from '../data-table'

const shortMonth = (m: string) => `${Number(m.slice(5, 7))}月`
const cell = (v: number, unit: string) => `${v}${unit}`

/** One area's 12-month lines, with the same numbers as a table beside them. */
export function TrendSection({ trend }: { trend: TrendView }) {
  const spec = useMemo(
    () => ({ kind: 'line' as const, labels: trend.months.map(shortMonth), series: trend.series }),
    [trend],
  )
  if (trend.series.length === 0) return null
  return (
    <View className="card">
      <Text className="t-title">{trend.title}：近12个月</Text>
      <Chart id={`trend-${trend.area}`} spec={spec} unit={(j) => trend.series[j]?.unit ?? ''} />
      <DataTable
        columns={['月份', ...trend.series.map((s) => s.label)]}
        rows={trend.months.map((m, i) => [
          monthLabel(m),
          ...trend.series.map((s) => cell(s.values[i], s.unit)),
        ])}
      />
    </View>
  )
}

/** The nodes directly below, side by side: bars, and the table of the same numbers. */
export function CompareSection({
  compare,
  title,
  onOrg,
}: {
  compare: CompareView
  title: string
  /** Opens a node of the table (its row tapped). */
  onOrg: (orgId: string) => void
}) {
  const spec = useMemo(
    () => ({
      kind: 'bar' as const,
      labels: compare.rows.map((r) => r.name.slice(0, 4)),
      series: compare.columns.map((c) => ({
        label: c.label,
        values: compare.rows.map((r) => r.values[c.key] ?? 0),
      })),
    }),
    [compare],
  )
  if (compare.rows.length === 0) return null
  return (
    <View className="card">
      <Text className="t-title">{title}</Text>
      <Chart id="compare" spec={spec} unit={(j) => compare.columns[j]?.unit ?? ''} />
      <DataTable
        columns={['组织', ...compare.columns.map((c) => c.label)]}
        rows={compare.rows.map((r) => [
          r.name,
          ...compare.columns.map((c) => cell(r.values[c.key] ?? 0, c.unit)),
        ])}
        onRow={(i) => onOrg(compare.rows[i].orgId)}
      />
      <Text className="t-caption">点按一行，查看该组织的统计。</Text>
    </View>
  )
}
