import * as z from 'zod'

import { id } from './common.schema'

/** The most people one 提醒 tap reaches; a longer list is reminded page by page. */
export const REMIND_MAX = 100

/** The members to remind, as listed on the page; the server checks each is still behind the figure. */
export const memberIds = z
  .array(id)
  .min(1, '请选择要提醒的党员')
  .max(REMIND_MAX, `一次最多提醒${REMIND_MAX}人`)

/** One person behind a figure (未参考, 不合格, 学习未达标), as the names lists show them. */
export interface FollowUpPerson {
  memberId: string
  name: string
  orgName: string
  /** Reminded today already (a person is reminded of one follow-up at most once a day). */
  remindedToday: boolean
}

/** What one 提醒 tap did, person by person counted. */
export interface ReminderOutcome {
  /** Sent now. */
  sent: number
  /** Reminded earlier today (by anyone): not sent again. */
  already: number
  /** Not bound to WeChat: nothing to send to. */
  unreachable: number
  /** No longer behind the figure (took the exam, studied since the list was read): not sent. */
  resolved: number
  /** Has not allowed the messages in the app (WeChat 43101): not counted as reminded. */
  unsubscribed: number
  /** WeChat refused for another reason: not counted as reminded. */
  failed: number
}
