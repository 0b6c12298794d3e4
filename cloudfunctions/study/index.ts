import { createMain, route, type RoutesOf } from '../common/router'
import { studyInputs } from '../contract/study.contract'
import { attendance, myStudy, ruleReport } from './attendance.service'
import { makeup, scan, scene } from './checkin.service'
import { exportRule, remindStudy } from './follow-up.service'
import { decideLeave, requestLeave } from './leave.service'
import { lecturerReport, listLecturers, saveLecturer } from './lecturer.service'
import {
  cancelSession,
  createSession,
  getSession,
  listSessions,
  sessionQr,
  staticCode,
  updateSession,
} from './session.service'

export const routes: RoutesOf<'study'> = {
  'session/create': route(studyInputs['session/create'], (input, ctx) => createSession(ctx, input)),
  'session/update': route(studyInputs['session/update'], (input, ctx) => updateSession(ctx, input)),
  'session/cancel': route(studyInputs['session/cancel'], (input, ctx) => cancelSession(ctx, input)),
  'session/get': route(studyInputs['session/get'], (input, ctx) => getSession(ctx, input)),
  'session/list': route(studyInputs['session/list'], (input, ctx) => listSessions(ctx, input)),
  'session/qr': route(studyInputs['session/qr'], (input, ctx) => sessionQr(ctx, input)),
  'session/staticCode': route(studyInputs['session/staticCode'], (input, ctx) => staticCode(ctx, input)),
  'checkin/scan': route(studyInputs['checkin/scan'], (input, ctx) => scan(ctx, input)),
  'checkin/scene': route(studyInputs['checkin/scene'], (input, ctx) => scene(ctx, input)),
  'checkin/makeup': route(studyInputs['checkin/makeup'], (input, ctx) => makeup(ctx, input)),
  'leave/request': route(studyInputs['leave/request'], (input, ctx) => requestLeave(ctx, input)),
  'leave/decide': route(studyInputs['leave/decide'], (input, ctx) => decideLeave(ctx, input)),
  'attendance/get': route(studyInputs['attendance/get'], (input, ctx) => attendance(ctx, input)),
  'study/mine': route(studyInputs['study/mine'], (input, ctx) => myStudy(ctx, input)),
  'study/rule': route(studyInputs['study/rule'], (input, ctx) => ruleReport(ctx, input)),
  'study/remind': route(studyInputs['study/remind'], (input, ctx) => remindStudy(ctx, input)),
  'study/ruleExport': route(studyInputs['study/ruleExport'], (input, ctx) => exportRule(ctx, input)),
  'lecturer/list': route(studyInputs['lecturer/list'], (input, ctx) => listLecturers(ctx, input)),
  'lecturer/save': route(studyInputs['lecturer/save'], (input, ctx) => saveLecturer(ctx, input)),
  'lecturer/report': route(studyInputs['lecturer/report'], (input, ctx) => lecturerReport(ctx, input)),
}

export const main = createMain(routes)
