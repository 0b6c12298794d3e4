import type { ReminderOutcome } from '../contract/follow-up.contract'
import { joinIds } from '../domain/ids'
import {
  type MessageKind,
  refusalOf,
  REMINDER_TEMPLATES,
  reminderDay,
  type ReminderKind,
  reminderTemplateId,
  reminderTopic,
} from '../domain/reminder.rules'
import { AppError } from './app-error'
import { _, cloud } from './cloud'
import { collection, fetchAll, insertOnce } from './data'

const reminders = () => collection('reminders')

/** One person to remind, with the message's fields; `openid` null for a member not bound to WeChat. */
export interface ReminderTarget {
  memberId: string
  openid: string | null
  data: Record<string, { value: string }>
}

/**
 * The members a secretary named to remind, each of whom must lie in the subtree of `orgId`, where the caller acts:
 * MEMBER.NOT_FOUND for an unknown one, COMMON.FORBIDDEN for one outside, before anything is sent.
 */
export async function recipientsIn(
  orgId: string,
  memberIds: readonly string[],
): Promise<{ _id: string; openid: string | null }[]> {
  const ids = [...new Set(memberIds)]
  const found = await collection('members')
    .where({ _id: _.in(ids) })
    .field({ orgPath: true, openid: true })
    .limit(1000)
    .get()
  if (found.data.length !== ids.length) throw new AppError('MEMBER.NOT_FOUND')
  if (found.data.some((m) => !m.orgPath.includes(orgId))) throw new AppError('COMMON.FORBIDDEN')
  return found.data.map((m) => ({ _id: m._id, openid: m.openid }))
}

/** The members reminded today of a follow-up: one read, bounded by the people behind the figure. */
export async function remindedToday(kind: ReminderKind, subject: string, now: number): Promise<Set<string>> {
  const found = await fetchAll(
    reminders()
      .where({ topic: reminderTopic(kind, subject), day: reminderDay(now) })
      .field({ memberId: true }),
  )
  return new Set(found.map((r) => r.memberId))
}

/**
 * Sends each target one subscribe message, unless they were reminded of this follow-up today. The day's record is
 * claimed first (`_id` `<topic>_<member>_<day>`: of two taps at once one insert wins and only it sends), and handed
 * back when WeChat refuses, so a later tap may try again. Two requests per person: the claim and the message.
 */
export async function sendReminders(
  ctx: { now: number },
  sentBy: string,
  kind: MessageKind,
  subject: string,
  targets: readonly ReminderTarget[],
): Promise<Omit<ReminderOutcome, 'resolved'>> {
  const topic = reminderTopic(kind, subject)
  const day = reminderDay(ctx.now)
  const { page } = REMINDER_TEMPLATES[kind]
  const templateId = reminderTemplateId(kind, process.env)
  const outcome = { sent: 0, already: 0, unreachable: 0, unsubscribed: 0, failed: 0 }
  await Promise.all(
    targets.map(async (t) => {
      if (t.openid === null) {
        outcome.unreachable++
        return
      }
      const id = joinIds(topic, t.memberId, day)
      const claim = await insertOnce('reminders', {
        _id: id,
        topic,
        memberId: t.memberId,
        day,
        sentBy,
        at: ctx.now,
      })
      if (claim.outcome === 'exists') {
        outcome.already++
        return
      }
      try {
        await cloud.openapi.subscribeMessage.send({
          touser: t.openid,
          templateId,
          page,
          data: t.data,
        })
        outcome.sent++
      } catch (error) {
        const refusal = refusalOf(error)
        if (refusal === 'failed')
          console.error('[reminders] WeChat refused a subscribe message', t.memberId, error)
        await reminders().doc(id).remove()
        outcome[refusal]++
      }
    }),
  )
  return outcome
}
