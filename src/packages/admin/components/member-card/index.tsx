import type { MemberView } from '@contract/org.contract'
import { Text, View } from '@tarojs/components'

import { ROLES } from '../../../../../cloudfunctions/domain/roles'

export interface MemberCardProps {
  member: MemberView
  /** The name to show for an organisation id ("社区 / 支部"), from the tree. */
  orgLabel: (orgId: string) => string
}

/** A member's roster entry as anyone who may read the roster sees it; the phone is as the server sent it. */
export function MemberCard({ member, orgLabel }: MemberCardProps) {
  const lines: [string, string][] = [
    ['性别', member.gender],
    ['手机号', member.phone],
    ['所在组织', orgLabel(member.orgId) || member.orgName],
    ['党员类别', member.category],
    ['干部类别', member.cadreLevel ?? '无'],
    ['微信绑定', member.bound ? '已绑定' : '未绑定'],
  ]
  return (
    <View className="card">
      <Text className="t-title">{member.name}</Text>
      {lines.map(([label, value]) => (
        <View key={label} className="admin-line">
          <Text className="t-caption">{label}</Text>
          <Text className="t-body">{value}</Text>
        </View>
      ))}
      <View className="admin-field">
        <Text className="t-caption">担任角色</Text>
        {member.roles.length === 0 ? (
          <View>
            <Text className="t-body">无</Text>
          </View>
        ) : (
          member.roles.map((g) => (
            <View key={`${g.role}@${g.orgId}`}>
              <Text className="t-body">
                {ROLES[g.role]}（{orgLabel(g.orgId) || '组织已删除'}）
              </Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
