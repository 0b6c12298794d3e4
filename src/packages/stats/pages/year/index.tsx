import '../../styles/stats.scss'

import type { YearReportView } from '@contract/stats.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { yearOf } from '../../../../../cloudfunctions/domain/time'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { useStatsStore } from '../../../../stores/stats.store'
import { NodeBar } from '../../components/node-bar'

/** 年度述职数据: the year's paragraph for a node, every figure opening its records, the whole copyable. */
export default function StatsYearPage() {
  const params = useRouter().params
  const thisYear = yearOf(Date.now())
  const [year, setYear] = useState(thisYear)
  const month = useStatsStore((s) => s.month)
  const loadMonth = useStatsStore((s) => s.loadMonth)
  const state = useStatsStore((s) => s.year)
  const loadYear = useStatsStore((s) => s.loadYear)
  const [orgId, setOrgId] = useState<string | undefined>(params.orgId)
  // The nodes to choose from come with the month's figures (the caller's subtree).
  useEffect(() => {
    if (month.status === 'idle') void loadMonth({ orgId })
  }, [loadMonth, month.status, orgId])
  const chosen = orgId ?? (month.status === 'ready' ? month.data.orgId : undefined)
  useEffect(() => {
    if (chosen) void loadYear(chosen, year)
  }, [loadYear, chosen, year])
  const nodes = month.status === 'ready' ? month.data.nodes : []
  return (
    <Screen>
      {chosen && (
        <NodeBar
          nodes={nodes}
          orgId={chosen}
          onOrg={setOrgId}
          label={`${year}年`}
          prev={{ text: '上一年', go: () => setYear(year - 1) }}
          next={{ text: '下一年', go: year < thisYear ? () => setYear(year + 1) : null }}
        />
      )}
      <StateView state={state} onRetry={() => chosen && loadYear(chosen, year)}>
        {(report) => <Paragraphs report={report} />}
      </StateView>
    </Screen>
  )
}

function Paragraphs({ report }: { report: YearReportView }) {
  const open = (figure: string, text: string) =>
    go('statsRecords', { orgId: report.orgId, period: String(report.year), figure, label: text })
  return (
    <View className="card">
      <Text className="t-title">{report.orgName}</Text>
      {report.paragraphs.map((p) => (
        <View key={p.title} className="stats-paragraph">
          <Text className="t-body stats-paragraph__title">{p.title}：</Text>
          {p.parts.map((part, i) =>
            part.figure ? (
              <View
                key={i}
                className="stats-paragraph__figure"
                onClick={() => open(part.figure ?? '', part.text)}
              >
                <Text className="t-body">{part.text}</Text>
              </View>
            ) : (
              <Text key={i} className="t-body">
                {part.text}
              </Text>
            ),
          )}
        </View>
      ))}
      <Text className="t-caption">带下划线的数字可点按，查看它背后的记录。</Text>
      <Button className="btn" onClick={() => void Taro.setClipboardData({ data: report.text })}>
        复制全文
      </Button>
    </View>
  )
}
