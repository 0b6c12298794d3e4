/** Views of the study function as the page tests answer them. */
import type { CheckinResult, MyStudyView, QrView, SessionView } from '@contract/study.contract'

export const SESSION: SessionView = {
  id: 's1',
  type: 'party_lecture',
  format: 'theory',
  title: '十一月专题党课',
  lecturerId: null,
  lecturerName: null,
  orgId: 'c1',
  orgName: '和平社区党委',
  startAt: Date.UTC(2026, 10, 25, 6, 30),
  endAt: Date.UTC(2026, 10, 25, 8, 0),
  place: '社区党群服务中心二楼',
  allowVisitors: false,
  rotateSeconds: 20,
  lateAfterMinutes: 5,
  status: 'scheduled',
  cancelReason: null,
  staticCodeEnabled: false,
}

export const session = (patch: Partial<SessionView> = {}): SessionView => ({ ...SESSION, ...patch })

export const checkedIn = (patch: Partial<CheckinResult> = {}): CheckinResult => ({
  outcome: 'checked_in',
  late: false,
  visitor: false,
  at: Date.UTC(2026, 10, 25, 6, 28),
  sessionTitle: SESSION.title,
  ...patch,
})

/** A 1×1 PNG. */
export const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

export const qrView = (serverNow: number, periodMs: number, token = 's1.1.abc'): QrView => ({
  token,
  imageBase64: PNG_BASE64,
  payload: token,
  rotateSeconds: 20,
  serverNow,
  periodEndsAt: serverNow + periodMs,
})

export const myStudy = (patch: Partial<MyStudyView> = {}): MyStudyView => ({
  month: '2026-11',
  required: 2,
  theoryCount: 0,
  met: false,
  sessions: [],
  ...patch,
})
