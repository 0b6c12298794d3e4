import { Text, View } from '@tarojs/components'

import { CADRE_LEVELS, MEMBER_CATEGORIES } from '../../../../../cloudfunctions/domain/member.rules'
import { ROSTER_COLUMNS, ROSTER_MAX_ROWS } from '../../../../../cloudfunctions/domain/roster-import.rules'

type RosterColumn = (typeof ROSTER_COLUMNS)[number]

/** What each column of the sheet must hold, worded for the person filling it in. */
const HINTS: Record<RosterColumn, string> = {
  姓名: '党员姓名',
  性别: '男 或 女',
  手机号: '11位手机号，每人不同，且不能与花名册中已有的重复',
  所在组织: '支部名称，或写成“社区 / 支部”（支部重名时必须这样写）',
  党员类别: MEMBER_CATEGORIES.join(' / '),
  干部类别: `可空；或 ${CADRE_LEVELS.join(' / ')}`,
}

/** The sheet's layout: first row is the header with these column names, one member per row below. */
export function RosterColumns() {
  return (
    <View className="card">
      <Text className="t-title">表格要求</Text>
      <View>
        <Text className="t-caption">
          第一行为表头，需包含下列各列（顺序不限）；从第二行起每行一名党员，一次最多{ROSTER_MAX_ROWS}
          行，文件不超过1MB。
        </Text>
      </View>
      {ROSTER_COLUMNS.map((column) => (
        <View key={column} className="admin-line">
          <Text className="t-body admin-line__label">{column}</Text>
          <Text className="t-caption admin-line__value">{HINTS[column]}</Text>
        </View>
      ))}
      <View className="admin-field">
        <Text className="t-caption">只要有一行有误，整张表都不会导入；请按提示逐行改正后重新导入。</Text>
      </View>
    </View>
  )
}
