import '../../styles/stats.scss'

import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo } from 'react'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { useStatsStore } from '../../../../stores/stats.store'
import { DataTable } from '../../components/data-table'

/** The records behind one figure: who, when, where — a page at a time, 加载更多 for the next. */
export default function StatsRecordsPage() {
  const { orgId, period, figure, label } = useRouter().params
  const query = useMemo(
    () => (orgId && period && figure ? { orgId, period, figure } : null),
    [orgId, period, figure],
  )
  const state = useStatsStore((s) => s.records)
  const load = useStatsStore((s) => s.loadRecords)
  const more = useStatsStore((s) => s.moreRecords)
  useEffect(() => {
    if (query) void load(query)
  }, [load, query])
  if (!query) return <PageNotice text="页面链接不完整或已失效，请返回后重新进入" />
  return (
    <Screen>
      <StateView
        state={state}
        onRetry={() => load(query)}
        isEmpty={(p) => p.total === 0}
        emptyText="这项统计下还没有记录"
      >
        {(page) => (
          <View className="card">
            <Text className="t-title">{label ? decodeURIComponent(label) : page.title}</Text>
            <Text className="t-caption">
              {page.title}，共{page.total}条
            </Text>
            <DataTable columns={page.columns} rows={page.rows} />
            {page.nextOffset !== null && (
              <Button className="btn btn--ghost" onClick={() => void more(query)}>
                加载更多
              </Button>
            )}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
