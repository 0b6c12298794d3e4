import type { BranchMeetingsView } from '@contract/stats.contract'
import { Text, View } from '@tarojs/components'

import { DataTable } from '../data-table'
import { LIGHT_TEXT } from '../figure-grid'

const MARK = { met: '✓ 已开', due: '… 待开', missed: '✗ 未开' } as const
const LIGHT = { met: 'green', due: 'yellow', missed: 'red' } as const

/** 三会一课 per branch: each requirement's count and status, the branch's light first. */
export function MeetingsTable({
  meetings,
  onOpen,
}: {
  meetings: readonly BranchMeetingsView[]
  onOpen: () => void
}) {
  if (meetings.length === 0) return null
  const labels = meetings[0].checks.map((c) => c.label)
  return (
    <View className="card">
      <Text className="t-title">三会一课（支部工作条例）</Text>
      <Text className="t-caption">
        支委会、党小组会每月1次；党员大会每季度1次；党课每季度至少1次（上级党组织为本支部党员上的党课也算）。点按查看会议记录。
      </Text>
      <DataTable
        columns={['支部', ...labels]}
        rows={meetings.map((b) => [
          `${b.name}（${LIGHT_TEXT[LIGHT[b.status]]}）`,
          ...b.checks.map(
            (c) =>
              `${MARK[c.status]} ${c.held}/${c.required}${c.fromAbove > 0 ? `（含上级${c.fromAbove}）` : ''}`,
          ),
        ])}
        onRow={onOpen}
      />
    </View>
  )
}
