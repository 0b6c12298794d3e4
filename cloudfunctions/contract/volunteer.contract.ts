import * as z from 'zod'

import { ID_MAX, joinedIdMax } from '../domain/ids'
import {
  type ActivityStatus,
  CERT_CODE_PATTERN,
  CERT_SERIAL_PATTERN,
  type EntryMethod,
  type EntryStatus,
  MAX_CAPACITY,
  MAX_PLANNED_MINUTES,
  MIN_PLANNED_MINUTES,
  SERVICE_TYPE_KEYS,
  type ServiceType,
} from '../domain/volunteer.rules'
import { boundedId, id, shortText, submitKey } from './common.schema'
import { projectInputs, type ProjectOutputs } from './project.contract'
import type { QrView } from './study.contract'

const timestamp = z.number().int().min(1_600_000_000_000).max(4_102_444_800_000)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应如 2025-01')
const year = z.number().int('年份应为整数').min(2000, '年份不正确').max(2100, '年份不正确')
/** A pair's id `<activity>_<member>_<YYYYMMDD>_<n>` or a 补录's `<activity>_<member>_makeup`. */
const entryId = boundedId(joinedIdMax(ID_MAX, ID_MAX, 8, 1))
const linkBase = z
  .string()
  .max(200)
  .regex(/^https?:\/\/\S+$/, '链接格式不正确')
  .nullable()

/** What an organiser sets of an activity: at creation, and again until it starts. */
const activityFields = {
  title: shortText('标题', 60),
  serviceType: z.enum(SERVICE_TYPE_KEYS as [ServiceType, ...ServiceType[]], { error: '服务类别不正确' }),
  partner: shortText('共建单位', 60).nullable(),
  place: shortText('地点', 60),
  startAt: timestamp,
  plannedMinutes: z
    .number({ error: '计划时长应为数字' })
    .int('计划时长应为整数分钟')
    .min(MIN_PLANNED_MINUTES, `计划时长不能少于${MIN_PLANNED_MINUTES}分钟`)
    .max(MAX_PLANNED_MINUTES, `计划时长不能超过${MAX_PLANNED_MINUTES / 60}小时`),
  capacity: z
    .number({ error: '人数上限应为数字' })
    .int('人数上限应为整数')
    .min(1, '人数上限至少为1')
    .max(MAX_CAPACITY, `人数上限不能超过${MAX_CAPACITY}`),
}

export const volunteerInputs = {
  /** A secretary creates an activity of a node within their reach, for a future time. */
  /** `submitKey`: the form's own key, so a form sent again is one activity (common.schema.ts). */
  'activity/create': z.strictObject({ ...activityFields, orgId: id, submitKey }),
  /**
   * Before the start and before anyone signs in, its organiser changes what, when, where, how long and how many:
   * never fewer places than members already signed up. Every field is sent, as the form shows them.
   */
  'activity/update': z.strictObject({ ...activityFields, activityId: id }),
  /** Before the start and before anyone signs in: cancelled with a reason; the signed-up members are told. */
  'activity/cancel': z.strictObject({ activityId: id, reason: shortText('取消原因', 100) }),
  'activity/get': z.strictObject({ activityId: id }),
  /** A member's list: activities of the nodes they belong to, from a month ago on. */
  'activity/list': z.strictObject({}),
  /** An organiser's list: the activities of a node's subtree in a month. */
  'activity/manage': z.strictObject({ orgId: id, month }),
  /** The rotating sign-in/out code; `linkBase` (H5 only) makes the QR a link to the scan page. */
  'activity/qr': z.strictObject({ activityId: id, linkBase }),
  /** At the close the organiser enters 受益人次; no hours may be waiting. */
  'activity/close': z.strictObject({
    activityId: id,
    beneficiaries: z
      .number({ error: '受益人次应为数字' })
      .int('受益人次应为整数')
      .min(0, '受益人次不能为负数')
      .max(100_000, '受益人次过大'),
  }),
  'signup/join': z.strictObject({ activityId: id }),
  'signup/withdraw': z.strictObject({ activityId: id }),
  /** A scan of the activity's rotating code: signs in, or signs out an open pair. */
  'hours/scan': z.strictObject({ token: z.string().min(1, '二维码内容为空').max(200, '二维码内容过长') }),
  /**
   * The organiser signs a signed-up member in or out, now. `direction` is what the tapped button said (代为签到 /
   * 代为签退): sent again after a lost answer, the same tap finds it done and never turns into the other.
   */
  'hours/enter': z.strictObject({
    activityId: id,
    memberId: id,
    direction: z.enum(['in', 'out'], { error: '请选择代为签到还是代为签退' }),
  }),
  /** 补录 after the start: who entered it and why are kept, counted apart; at most the planned duration. */
  'hours/makeup': z.strictObject({
    activityId: id,
    memberId: id,
    minutes: z
      .number({ error: '时长应为数字' })
      .int('时长应为整数分钟')
      .min(1, '时长至少1分钟')
      .max(MAX_PLANNED_MINUTES, `时长不能超过${MAX_PLANNED_MINUTES / 60}小时`),
    reason: shortText('原因', 200),
  }),
  /** The organiser's view of an activity: sign-ups and every entry. */
  'hours/list': z.strictObject({ activityId: id }),
  /** The organiser confirms (or refuses) one entry: pending, or over the day's limit (approval). */
  'hours/decide': z.strictObject({ entryId, approve: z.boolean() }),
  /** Confirms every pending entry of an activity (not those waiting for approval). */
  'hours/confirmAll': z.strictObject({ activityId: id }),
  'hours/mine': z.strictObject({ year: year.optional() }),
  /** 志愿服务记录证明 of the caller's confirmed hours in a year. */
  'cert/issue': z.strictObject({ year }),
  /** Anyone (bound or not) checks a certificate by its serial and verification code. */
  'cert/verify': z.strictObject({
    serial: z
      .string({ error: '证明编号应为文字' })
      .trim()
      .toUpperCase()
      .regex(CERT_SERIAL_PATTERN, '证明编号格式应如 ZYFW-2026-AB23CD45'),
    verifyCode: z
      .string({ error: '验证码应为文字' })
      .trim()
      .toUpperCase()
      .regex(CERT_CODE_PATTERN, '验证码应为8位字母或数字'),
  }),
  /** 为民办实事 (project.contract.ts): served by the same function, beside the activities it links. */
  ...projectInputs,
}

/** The signed-up members told of a cancellation: sent, not allowing messages, without WeChat. */
export interface CancelOutcome {
  activity: ActivitySummary
  sent: number
  unsubscribed: number
  unreachable: number
}

export interface ActivitySummary {
  id: string
  title: string
  serviceType: ServiceType
  orgId: string
  orgName: string
  partner: string | null
  place: string
  startAt: number
  endAt: number
  plannedMinutes: number
  capacity: number
  signedUp: number
  status: ActivityStatus
  beneficiaries: number | null
  /** Why the organiser cancelled it (status cancelled). */
  cancelReason: string | null
  /** Whether the caller holds a place. */
  joined: boolean
}

export interface EntryView {
  id: string
  activityId: string
  memberId: string
  memberName: string
  method: EntryMethod
  signInAt: number
  signOutAt: number | null
  minutes: number | null
  status: EntryStatus
  reason: string | null
  recordedByName: string | null
}

export interface ActivityDetail extends ActivitySummary {
  /** The subscribe message a member is asked to allow on 报名 (WeChat: from the tap), to hear of a cancellation. */
  noticeTemplateId: string
  /** The caller may manage it (secretary of the organising node or above). */
  canManage: boolean
  myEntries: EntryView[]
}

export interface ActivityRoster {
  activity: ActivitySummary
  signups: { memberId: string; name: string; at: number }[]
  entries: EntryView[]
}

export interface ScanResult {
  outcome: 'signed_in' | 'already_in' | 'signed_out' | 'already_out'
  activityTitle: string
  entry: EntryView
}

/** The same view as a study session's code (the same token scheme). */
export type VolunteerQrView = QrView

export interface MyServiceEntry extends EntryView {
  title: string
  place: string
  serviceType: string
  activityStartAt: number
}

export interface MyHoursView {
  year: number
  /** Every month of the year: confirmed minutes count; pending ones wait for the organiser. */
  months: { month: string; confirmedMinutes: number; pendingMinutes: number; activities: number }[]
  confirmedMinutes: number
  pendingMinutes: number
  /** Of the confirmed minutes, those from 补录 (counted apart). */
  makeupMinutes: number
  entries: MyServiceEntry[]
}

export interface CertificateView {
  serial: string
  verifyCode: string
  name: string
  gender: string
  orgName: string
  year: number
  rows: { date: string; time: string; place: string; content: string; orgName: string; minutes: number }[]
  totalMinutes: number
  issuer: string
  issuedAt: number
  notice: string
}

export interface VolunteerOutputs extends ProjectOutputs {
  'activity/create': ActivitySummary
  'activity/get': ActivityDetail
  'activity/list': { activities: ActivitySummary[] }
  'activity/manage': { activities: ActivitySummary[] }
  'activity/qr': VolunteerQrView
  'activity/close': ActivitySummary
  'activity/update': ActivitySummary
  'activity/cancel': CancelOutcome
  'signup/join': ActivitySummary
  'signup/withdraw': ActivitySummary
  'hours/scan': ScanResult
  'hours/enter': ScanResult
  'hours/makeup': EntryView
  'hours/list': ActivityRoster
  'hours/decide': EntryView
  'hours/confirmAll': { confirmed: number; waitingApproval: number }
  'hours/mine': MyHoursView
  'cert/issue': CertificateView
  'cert/verify': CertificateView
}
