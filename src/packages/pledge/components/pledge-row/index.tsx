import type { MyPledge } from '@contract/pledge.contract'
import { Text, View } from '@tarojs/components'

import { PLEDGE_KINDS } from '../../../../../cloudfunctions/domain/pledge.rules'
import { dateOf } from '../../../../../cloudfunctions/domain/time'

/** One pledge in 待签承诺书: what it is, its deadline, and whether it is signed (a word, not colour alone). */
export function PledgeRow({ pledge, onOpen }: { pledge: MyPledge; onOpen(): void }) {
  const badge =
    pledge.status === 'signed'
      ? { cls: 'ok-text', text: '已签' }
      : pledge.overdue
        ? { cls: 'error-text', text: '已逾期' }
        : { cls: 'warn-text', text: '待签' }
  return (
    <View className="pledge-row" onClick={onOpen} data-assignment={pledge.assignmentId}>
      <View className="pledge-row__main">
        <Text className="t-body">{pledge.title}</Text>
        <View>
          <Text className="t-caption">
            {PLEDGE_KINDS[pledge.kind]} · {pledge.year}年度 ·{' '}
            {pledge.status === 'signed' && pledge.signedAt
              ? `${dateOf(pledge.signedAt)} 签署`
              : `${dateOf(pledge.deadline)} 前签署`}
          </Text>
        </View>
      </View>
      <Text className={`pledge-badge ${badge.cls}`}>{badge.text}</Text>
    </View>
  )
}
