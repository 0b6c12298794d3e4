import type { ReminderOutcome } from '@contract/follow-up.contract'

/** 已提醒3人；2人今天已提醒过；1人未绑定微信，无法提醒 */
export function reminderSummary(o: ReminderOutcome): string {
  const parts = [`已提醒${o.sent}人`]
  if (o.already > 0) parts.push(`${o.already}人今天已提醒过`)
  if (o.resolved > 0) parts.push(`${o.resolved}人已不在名单中`)
  if (o.unreachable > 0) parts.push(`${o.unreachable}人未绑定微信，无法提醒`)
  if (o.unsubscribed > 0)
    parts.push(`${o.unsubscribed}人未开启消息提醒（需本人在“我的”或“党建考核”页点“接收提醒”），未能送达`)
  if (o.failed > 0) parts.push(`${o.failed}人发送失败，可稍后再提醒`)
  return parts.join('；')
}
