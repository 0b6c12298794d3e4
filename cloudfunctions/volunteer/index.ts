import { createMain, route, type RoutesOf } from '../common/router'
import { volunteerInputs } from '../contract/volunteer.contract'
import {
  activityQr,
  cancelActivity,
  closeActivity,
  createActivity,
  getActivity,
  listActivities,
  manageActivities,
  updateActivity,
} from './activity.service'
import { issueCertificate, verifyCertificate } from './cert.service'
import {
  confirmAll,
  decideHours,
  enterHours,
  makeupHours,
  myHours,
  rosterOf,
  scanHours,
} from './hours.service'
import {
  createProject,
  getProject,
  listProjects,
  manageProjects,
  moveProject,
  updateProject,
} from './project.service'
import { joinActivity, withdrawActivity } from './signup.service'

const v = volunteerInputs

export const routes: RoutesOf<'volunteer'> = {
  'activity/create': route(v['activity/create'], (input, ctx) => createActivity(ctx, input)),
  'activity/get': route(v['activity/get'], (input, ctx) => getActivity(ctx, input)),
  'activity/list': route(v['activity/list'], (_input, ctx) => listActivities(ctx)),
  'activity/manage': route(v['activity/manage'], (input, ctx) => manageActivities(ctx, input)),
  'activity/qr': route(v['activity/qr'], (input, ctx) => activityQr(ctx, input)),
  'activity/close': route(v['activity/close'], (input, ctx) => closeActivity(ctx, input)),
  'signup/join': route(v['signup/join'], (input, ctx) => joinActivity(ctx, input)),
  'signup/withdraw': route(v['signup/withdraw'], (input, ctx) => withdrawActivity(ctx, input)),
  'hours/scan': route(v['hours/scan'], (input, ctx) => scanHours(ctx, input)),
  'hours/enter': route(v['hours/enter'], (input, ctx) => enterHours(ctx, input)),
  'hours/makeup': route(v['hours/makeup'], (input, ctx) => makeupHours(ctx, input)),
  'hours/list': route(v['hours/list'], (input, ctx) => rosterOf(ctx, input)),
  'hours/decide': route(v['hours/decide'], (input, ctx) => decideHours(ctx, input)),
  'hours/confirmAll': route(v['hours/confirmAll'], (input, ctx) => confirmAll(ctx, input)),
  'hours/mine': route(v['hours/mine'], (input, ctx) => myHours(ctx, input)),
  'cert/issue': route(v['cert/issue'], (input, ctx) => issueCertificate(ctx, input)),
  'cert/verify': route(v['cert/verify'], (input, ctx) => verifyCertificate(ctx, input)),
  'project/create': route(v['project/create'], (input, ctx) => createProject(ctx, input)),
  'project/update': route(v['project/update'], (input, ctx) => updateProject(ctx, input)),
  'project/move': route(v['project/move'], (input, ctx) => moveProject(ctx, input)),
  'project/list': route(v['project/list'], (input, ctx) => listProjects(ctx, input)),
  'project/manage': route(v['project/manage'], (input, ctx) => manageProjects(ctx, input)),
  'project/get': route(v['project/get'], (input, ctx) => getProject(ctx, input)),
  'activity/update': route(v['activity/update'], (input, ctx) => updateActivity(ctx, input)),
  'activity/cancel': route(v['activity/cancel'], (input, ctx) => cancelActivity(ctx, input)),
}

export const main = createMain(routes)
