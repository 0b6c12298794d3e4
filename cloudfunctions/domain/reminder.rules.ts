/**
 * Reminders a secretary sends to the members behind a figure (未参考, 不合格, 学习未达标): one subscribe message per
 * person, at most one per person, follow-up and day. Pure, so the page can word its buttons from the same rules.
 */
import { chinaClock } from './time'

/** What a reminder is about: an exam (未参考 or 不合格) or a month's 理论学习 (每月2次). */
export const REMINDER_KINDS = ['exam', 'study', 'pledge'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]
/**
 * Every kind of message sent through `sendReminders`: the reminders above (asked for together by 接收提醒, at most
 * three templates per ask as WeChat allows), and a volunteer activity's notice to its signed-up members (asked for
 * on the 报名 tap).
 */
export type MessageKind = ReminderKind | 'volunteer'

/**
 * The subscribe-message templates, chosen from WeChat's public library in the mini-program's console
 * (订阅消息 → 公共模板库). Their ids belong to the AppID, so each deployment sets them as environment variables of
 * the functions that send or offer them (account, study, quiz: docs/DEPLOY.md); the placeholders are the local
 * host's. Fields: thing1 事项 (≤ 20 characters), phrase2 状态 (≤ 5 汉字), thing3 备注 (≤ 20 characters).
 */
export const REMINDER_TEMPLATES: Record<MessageKind, { env: string; placeholder: string; page: string }> = {
  exam: {
    env: 'SUBSCRIBE_TEMPLATE_EXAM',
    placeholder: 'LOCAL_EXAM_REMINDER',
    page: 'packages/quiz/pages/index/index',
  },
  study: {
    env: 'SUBSCRIBE_TEMPLATE_STUDY',
    placeholder: 'LOCAL_STUDY_REMINDER',
    page: 'packages/study/pages/mine/index',
  },
  pledge: {
    env: 'SUBSCRIBE_TEMPLATE_PLEDGE',
    placeholder: 'LOCAL_PLEDGE_REMINDER',
    page: 'packages/pledge/pages/mine/index',
  },
  volunteer: {
    env: 'SUBSCRIBE_TEMPLATE_VOLUNTEER',
    placeholder: 'LOCAL_VOLUNTEER_NOTICE',
    page: 'packages/volunteer/pages/activities/index',
  },
}

/** A kind's template id in this environment: its variable, or the local placeholder. */
export function reminderTemplateId(
  kind: MessageKind,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const template = REMINDER_TEMPLATES[kind]
  return env[template.env]?.trim() || template.placeholder
}

/**
 * WeChat sends a member a subscribe message only after they allowed it (`wx.requestSubscribeMessage`, one message
 * per allowance unless they ticked 总是保持以上选择); otherwise `subscribeMessage.send` answers 43101.
 */
export const NOT_SUBSCRIBED_ERRCODE = 43101

/** How a refused send counts: the member has not allowed the messages, or anything else went wrong. */
export function refusalOf(error: unknown): 'unsubscribed' | 'failed' {
  const errCode =
    typeof error === 'object' && error !== null ? (error as { errCode?: unknown }).errCode : undefined
  return errCode === NOT_SUBSCRIBED_ERRCODE ? 'unsubscribed' : 'failed'
}

/** WeChat refuses a `thing` value over 20 characters and a `phrase` over 5. */
export const THING_MAX = 20
export const PHRASE_MAX = 5

/** Cuts a text to a template field's length, marking the cut with an ellipsis. */
export function fitField(text: string, max: number): string {
  const chars = [...text.trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** The day a reminder counts for, in China: a person is reminded of one follow-up at most once a day. */
export function reminderDay(now: number): string {
  return chinaClock(now).format('YYYYMMDD')
}

/** The follow-up a reminder belongs to: `exam-<examId>` or `study-<YYYY-MM>`. */
export function reminderTopic(kind: MessageKind, subject: string): string {
  return `${kind}-${subject}`
}

export type ExamFollowUp = 'absent' | 'failed'

/** The message's fields: what it is about, its state, and what to do. */
export function examReminderData(title: string, why: ExamFollowUp): Record<string, { value: string }> {
  return {
    thing1: { value: fitField(title, THING_MAX) },
    phrase2: { value: why === 'absent' ? '未参考' : '未合格' },
    thing3: { value: why === 'absent' ? '请在考试截止前完成答题' : '请按要求重新参加考试' },
  }
}

export function studyReminderData(
  month: string,
  count: number,
  required: number,
): Record<string, { value: string }> {
  const [, m] = month.split('-')
  return {
    thing1: { value: fitField(`${Number(m)}月理论学习`, THING_MAX) },
    phrase2: { value: '未达标' },
    thing3: { value: fitField(`本月已学${count}次，每月需${required}次`, THING_MAX) },
  }
}

/** 待签承诺书: what to sign and by when. */
export function pledgeReminderData(
  title: string,
  deadline: string,
  overdue: boolean,
): Record<string, { value: string }> {
  return {
    thing1: { value: fitField(title, THING_MAX) },
    phrase2: { value: overdue ? '已逾期' : '待签署' },
    thing3: { value: fitField(`请于${deadline}前签署`, THING_MAX) },
  }
}
