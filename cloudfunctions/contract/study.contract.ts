import * as z from 'zod'

import type {
  AttendanceSummary,
  CheckinMethod,
  SessionFormat,
  SessionPhase,
  SessionType,
} from '../domain/study.rules'
import {
  MAX_ROTATE_SECONDS,
  MIN_ROTATE_SECONDS,
  SESSION_FORMATS,
  SESSION_TYPE_KEYS,
} from '../domain/study.rules'
import { id, pairId, shortText, submitKey } from './common.schema'
import type { ExportedFile } from './files.contract'
import { memberIds, type ReminderOutcome } from './follow-up.contract'

const timestamp = z.number().int().min(1_600_000_000_000).max(4_102_444_800_000)
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应如 2025-01')
const sessionFields = {
  type: z.enum(SESSION_TYPE_KEYS as [SessionType, ...SessionType[]], { error: '活动类型不正确' }),
  format: z.enum(Object.keys(SESSION_FORMATS) as [SessionFormat, ...SessionFormat[]], {
    error: '形式不正确',
  }),
  title: shortText('标题', 60),
  lecturerId: id.nullable(),
  /** The node whose members are expected (应到); the session belongs to it. */
  orgId: id,
  startAt: timestamp,
  endAt: timestamp,
  place: shortText('地点', 60),
  allowVisitors: z.boolean(),
  rotateSeconds: z
    .number({ error: '二维码刷新间隔应为数字' })
    .int('二维码刷新间隔应为整数秒')
    .min(MIN_ROTATE_SECONDS, `二维码刷新间隔不能少于${MIN_ROTATE_SECONDS}秒`)
    .max(MAX_ROTATE_SECONDS, `二维码刷新间隔不能超过${MAX_ROTATE_SECONDS}秒`),
  lateAfterMinutes: z
    .number({ error: '迟到判定应为数字' })
    .int('迟到判定应为整数分钟')
    .min(0, '迟到判定不能为负数')
    .max(120, '迟到判定不能超过120分钟'),
}
const reason = shortText('原因', 200)

export const studyInputs = {
  /** `submitKey`: the form's own key, so a form sent again is one session (common.schema.ts). */
  'session/create': z.strictObject({ ...sessionFields, submitKey }),
  'session/update': z.strictObject({
    sessionId: id,
    patch: z.strictObject(sessionFields).omit({ orgId: true }).partial(),
  }),
  'session/cancel': z.strictObject({ sessionId: id, reason }),
  'session/get': z.strictObject({ sessionId: id }),
  'session/list': z.strictObject({ orgId: id, month }),
  /** The secretary's rotating code; `linkBase` (H5 only) makes the QR a link to the check-in page. */
  'session/qr': z.strictObject({
    sessionId: id,
    linkBase: z
      .string()
      .max(200)
      .regex(/^https?:\/\/\S+$/, '链接格式不正确')
      .nullable(),
  }),
  'session/staticCode': z.strictObject({ sessionId: id, enable: z.boolean() }),
  'checkin/scan': z.strictObject({ token: z.string().min(1, '二维码内容为空').max(200, '二维码内容过长') }),
  'checkin/scene': z.strictObject({ scene: z.string().min(1).max(64) }),
  'checkin/makeup': z.strictObject({
    sessionId: id,
    memberId: id,
    kind: z.enum(['makeup_sign', 'makeup_study'], { error: '补录类型应为补签或补学' }),
    reason,
  }),
  'leave/request': z.strictObject({ sessionId: id, reason }),
  'leave/decide': z.strictObject({ leaveId: pairId, approve: z.boolean() }),
  'attendance/get': z.strictObject({ sessionId: id }),
  'study/mine': z.strictObject({ month: month.optional() }),
  'study/rule': z.strictObject({ orgId: id, month }),
  /** 提醒 the members below 每月2次 of a node's month (each at most once a day). */
  'study/remind': z.strictObject({ orgId: id, month, memberIds }),
  /** The members below 每月2次 as an .xlsx. */
  'study/ruleExport': z.strictObject({ orgId: id, month }),
  'lecturer/list': z.strictObject({ orgId: id }),
  'lecturer/save': z.strictObject({
    lecturerId: id.optional(),
    orgId: id,
    name: shortText('姓名', 30),
    isStaff: z.boolean(),
    speciality: shortText('专长', 60),
  }),
  'lecturer/report': z.strictObject({ orgId: id, year: z.number().int().min(2000).max(2100) }),
}

export interface SessionView {
  id: string
  type: SessionType
  format: SessionFormat
  title: string
  lecturerId: string | null
  lecturerName: string | null
  orgId: string
  orgName: string
  startAt: number
  endAt: number
  place: string
  allowVisitors: boolean
  rotateSeconds: number
  lateAfterMinutes: number
  status: 'scheduled' | 'cancelled'
  cancelReason: string | null
  staticCodeEnabled: boolean
}

export interface QrView {
  token: string
  /** The QR image (PNG, base64) of `payload`. */
  imageBase64: string
  payload: string
  rotateSeconds: number
  /** Server time, so the phone's countdown does not depend on its own clock. */
  serverNow: number
  periodEndsAt: number
}

export interface StaticCodeView {
  enabled: boolean
  scene: string | null
  imageBase64: string | null
}

export interface CheckinResult {
  /** 'checked_in': 签到成功 now; 'already': 已签到 before, nothing changed. */
  outcome: 'checked_in' | 'already'
  late: boolean
  visitor: boolean
  at: number
  sessionTitle: string
}

export type AttendanceStatus = 'present' | 'late' | 'leave' | 'leave_pending' | 'absent' | 'visitor'

export interface AttendanceRow {
  memberId: string
  name: string
  orgName: string
  /** 'upcoming': expected, the session has not started yet (not 缺席). */
  status: AttendanceStatus | 'upcoming'
  method: CheckinMethod | null
  at: number | null
  reason: string | null
  recordedByName: string | null
}

export interface LeaveView {
  id: string
  memberId: string
  memberName: string
  reason: string
  status: 'pending' | 'approved' | 'declined'
  requestedAt: number
}

export interface AttendanceView {
  session: SessionView
  /** On the server's clock: 补签/补学 only once started, 出示签到码 only until it has ended. */
  phase: SessionPhase
  summary: AttendanceSummary & { byMethod: Record<CheckinMethod, number> }
  rows: AttendanceRow[]
  leaves: LeaveView[]
  /**
   * The organisations the figures and rows are limited to when the reader sees only part of the session (a
   * 支部书记 at a community's session: their branch's members); null when they see all of it.
   */
  limitedTo: string[] | null
}

export interface MyStudyView {
  month: string
  required: number
  theoryCount: number
  met: boolean
  sessions: Array<{
    session: SessionView
    status: AttendanceStatus | 'upcoming'
    method: CheckinMethod | null
    leave: LeaveView | null
  }>
}

export interface RuleReportView {
  month: string
  required: number
  total: number
  met: number
  below: Array<{ memberId: string; name: string; orgName: string; count: number; remindedToday: boolean }>
  /** Of those below, how many were reminded today: the page's 已提醒 N 人. */
  remindedToday: number
}

export interface LecturerView {
  id: string
  name: string
  isStaff: boolean
  speciality: string
  orgId: string
  orgName: string
}

export interface LecturerReportView {
  year: number
  lecturers: Array<LecturerView & { sessions: number }>
  byType: Record<SessionType, number>
  byFormat: Record<SessionFormat, number>
  total: number
}

export interface StudyOutputs {
  'session/create': SessionView
  'session/update': SessionView
  'session/cancel': SessionView
  'session/get': SessionView
  'session/list': { sessions: SessionView[] }
  'session/qr': QrView
  'session/staticCode': StaticCodeView
  'checkin/scan': CheckinResult
  'checkin/scene': CheckinResult
  'checkin/makeup': AttendanceRow
  'leave/request': LeaveView
  'leave/decide': LeaveView
  'attendance/get': AttendanceView
  'study/mine': MyStudyView
  'study/rule': RuleReportView
  'study/remind': ReminderOutcome
  'study/ruleExport': ExportedFile
  'lecturer/list': { lecturers: LecturerView[] }
  'lecturer/save': LecturerView
  'lecturer/report': LecturerReportView
}
