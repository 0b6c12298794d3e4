import './index.scss'

import type { MemberView } from '@contract/org.contract'
import { Text, View } from '@tarojs/components'

export interface MemberRowProps {
  member: MemberView
  /** "社区 / 支部" for the member's node: branch names repeat across communities. */
  orgLabel: string
  onOpen: (memberId: string) => void
}

/** One roster line: who, where, which category, and whether they have bound their WeChat. */
export function MemberRow({ member, orgLabel, onOpen }: MemberRowProps) {
  return (
    <View className="card member-row" onClick={() => onOpen(member.id)}>
      <View className="member-row__head">
        <Text className="t-body member-row__name">{member.name}</Text>
        <Text className={`t-caption ${member.bound ? 'ok-text' : ''}`}>
          {member.bound ? '已绑定' : '未绑定'}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {orgLabel || member.orgName} · {member.category}
          {member.cadreLevel ? ` · ${member.cadreLevel}` : ''}
        </Text>
      </View>
      <View>
        <Text className="t-caption">手机 {member.phone}</Text>
      </View>
    </View>
  )
}
