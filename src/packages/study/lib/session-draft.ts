import type { SessionView } from '@contract/study.contract'

import {
  DEFAULT_FORMAT,
  DEFAULT_LATE_AFTER_MINUTES,
  DEFAULT_ROTATE_SECONDS,
  type SessionFormat,
  type SessionType,
} from '../../../../cloudfunctions/domain/study.rules'
import {
  chinaTimestamp,
  dateOf,
  DEFAULT_LENGTH_MS,
  nextStart,
  timeOf,
} from '../../../../cloudfunctions/domain/time'
import type { SessionDraft, SessionPatch } from '../../../stores/study-sessions.store'

/** What the form edits: dates and times as the pickers show them, in China time. */
export interface SessionForm {
  type: SessionType
  format: SessionFormat
  title: string
  lecturerId: string | null
  orgId: string
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  place: string
  allowVisitors: boolean
  rotateSeconds: number
  lateAfterMinutes: number
}

/** 二维码刷新间隔 and 迟到判定 as one-tap choices, all inside what the server accepts (10–120 s, 0–120 min). */
export const ROTATE_CHOICES = [10, 15, 20, 30, 60] as const
export const LATE_CHOICES = [0, 5, 10, 15, 30] as const

export function newForm(orgId: string, now: number): SessionForm {
  const start = nextStart(now)
  const end = start + DEFAULT_LENGTH_MS
  return {
    type: 'group_study',
    format: DEFAULT_FORMAT.group_study,
    title: '',
    lecturerId: null,
    orgId,
    startDate: dateOf(start),
    startTime: timeOf(start),
    endDate: dateOf(end),
    endTime: timeOf(end),
    place: '',
    allowVisitors: false,
    rotateSeconds: DEFAULT_ROTATE_SECONDS,
    lateAfterMinutes: DEFAULT_LATE_AFTER_MINUTES,
  }
}

export function formOf(session: SessionView): SessionForm {
  return {
    type: session.type,
    format: session.format,
    title: session.title,
    lecturerId: session.lecturerId,
    orgId: session.orgId,
    startDate: dateOf(session.startAt),
    startTime: timeOf(session.startAt),
    endDate: dateOf(session.endAt),
    endTime: timeOf(session.endAt),
    place: session.place,
    allowVisitors: session.allowVisitors,
    rotateSeconds: session.rotateSeconds,
    lateAfterMinutes: session.lateAfterMinutes,
  }
}

/**
 * A new start date or time that keeps the session's length: the end moves with the start (a
 * session moved to next week ends next week too). Without a valid length the end stays put.
 */
export function moveStart(form: SessionForm, startDate: string, startTime: string): SessionForm {
  const oldStart = chinaTimestamp(form.startDate, form.startTime)
  const oldEnd = chinaTimestamp(form.endDate, form.endTime)
  const start = chinaTimestamp(startDate, startTime)
  if (oldStart === null || oldEnd === null || start === null || oldEnd <= oldStart) {
    return { ...form, startDate, startTime }
  }
  const end = start + (oldEnd - oldStart)
  return { ...form, startDate, startTime, endDate: dateOf(end), endTime: timeOf(end) }
}

/** The fields to send, or the first problem in Chinese; the server checks everything again. */
export function draftOf(
  form: SessionForm,
): { ok: true; draft: SessionDraft } | { ok: false; message: string } {
  const startAt = chinaTimestamp(form.startDate, form.startTime)
  const endAt = chinaTimestamp(form.endDate, form.endTime)
  if (form.title.trim() === '') return { ok: false, message: '请填写活动标题' }
  if (form.place.trim() === '') return { ok: false, message: '请填写活动地点' }
  if (startAt === null || endAt === null) return { ok: false, message: '请选择开始和结束时间' }
  if (endAt <= startAt) return { ok: false, message: '结束时间应晚于开始时间' }
  return {
    ok: true,
    draft: {
      type: form.type,
      format: form.format,
      title: form.title.trim(),
      lecturerId: form.lecturerId,
      orgId: form.orgId,
      startAt,
      endAt,
      place: form.place.trim(),
      allowVisitors: form.allowVisitors,
      rotateSeconds: form.rotateSeconds,
      lateAfterMinutes: form.lateAfterMinutes,
    },
  }
}

/** Only what differs from the stored session (the organisation of a session never changes). */
export function patchOf(session: SessionView, draft: SessionDraft): SessionPatch {
  const patch: SessionPatch = {}
  const keys = [
    'type',
    'format',
    'title',
    'lecturerId',
    'startAt',
    'endAt',
    'place',
    'allowVisitors',
    'rotateSeconds',
    'lateAfterMinutes',
  ] as const
  for (const key of keys) {
    if (draft[key] !== session[key]) Object.assign(patch, { [key]: draft[key] })
  }
  return patch
}
