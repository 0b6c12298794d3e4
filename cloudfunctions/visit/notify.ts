/**
 * Subscribe messages for home visits. WeChat delivers one message per grant the user gave from a tap
 * (`requestSubscribeMessage`) and offers no way to read what is left, so each grant is counted here
 * (`visit_grants`, `<openid>_<kind>`) and spent by a conditional decrement before a message is sent: two steps at
 * once never spend one grant twice, and a person who granted nothing is simply not messaged. Locally
 * `subscribeMessage.send` writes to the outbox. A message is a courtesy: a failure never fails the step.
 */
import { _, cloud } from '../common/cloud'
import { collection, isDuplicateKey } from '../common/data'
import { joinIds } from '../domain/ids'
import { fitField, PHRASE_MAX, THING_MAX } from '../domain/reminder.rules'
import { type VisitMessageKind, visitTemplateIds } from '../domain/visit.rules'

/** The page each message opens (the template ids are the deployment's variables: domain/visit.rules.ts). */
const PAGES: Record<VisitMessageKind, string> = {
  visitProgress: 'packages/visit/pages/mine/index',
  visitTask: 'packages/visit/pages/queue/index',
}

const TASK_PAGE = 'packages/visit/pages/tasks/index'

export interface VisitMessage {
  openid: string
  kind: VisitMessageKind
  what: string
  state: string
  note: string
  /** The page the message opens, when not the kind's usual one. */
  page?: 'tasks'
}

const grants = () => collection('visitGrants')

/** Counts one more grant of each kind for the caller (created the first time; overlapping grants all count). */
export async function addGrants(
  openid: string,
  kinds: readonly VisitMessageKind[],
  now: number,
): Promise<void> {
  for (const kind of kinds) {
    const id = joinIds(openid, kind)
    const bumped = await grants()
      .where({ _id: id })
      .update({ data: { count: _.inc(1), updatedAt: now } })
    if (bumped.stats.updated === 1) continue
    try {
      await grants().add({ data: { _id: id, openid, kind, count: 1, updatedAt: now } })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
      await grants()
        .where({ _id: id })
        .update({ data: { count: _.inc(1), updatedAt: now } })
    }
  }
}

export async function grantCounts(openid: string): Promise<Record<string, number>> {
  const found = await grants().where({ openid }).limit(10).get()
  return Object.fromEntries(found.data.map((g) => [g.kind, g.count]))
}

/** Sends each message its person granted; spends one grant per message, hands it back when WeChat refuses. */
export async function notify(messages: readonly VisitMessage[], now: number): Promise<number> {
  let sent = 0
  await Promise.all(
    messages.map(async (m) => {
      const id = joinIds(m.openid, m.kind)
      try {
        const spent = await grants()
          .where({ _id: id, count: _.gt(0) })
          .update({ data: { count: _.inc(-1), updatedAt: now } })
        if (spent.stats.updated !== 1) return
        try {
          await cloud.openapi.subscribeMessage.send({
            touser: m.openid,
            templateId: visitTemplateIds(process.env)[m.kind],
            page: m.page === 'tasks' ? TASK_PAGE : PAGES[m.kind],
            data: {
              thing1: { value: fitField(m.what, THING_MAX) },
              phrase2: { value: fitField(m.state, PHRASE_MAX) },
              thing3: { value: fitField(m.note, THING_MAX) },
            },
          })
          sent++
        } catch (error) {
          console.error('[visit] WeChat refused a subscribe message', m.kind, error)
          await grants()
            .where({ _id: id })
            .update({ data: { count: _.inc(1), updatedAt: now } })
        }
      } catch (error) {
        console.error('[visit] a message could not be sent', m.kind, error)
      }
    }),
  )
  return sent
}
