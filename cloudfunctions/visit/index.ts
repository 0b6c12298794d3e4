import { createMain, route, type RoutesOf } from '../common/router'
import { visitInputs } from '../contract/visit.contract'
import {
  acceptVisit,
  cancelVisit,
  completeVisit,
  confirmVisit,
  declineVisit,
  dispatchVisit,
  getSettings,
  getVisit,
  listAssignees,
  listCommunities,
  myTasks,
  myVisits,
  rejectVisit,
  revealContact,
  saveSettings,
  submitVisit,
  subscribe,
  visitQueue,
} from './visit.service'
import { runVisitTimer } from './visit.timer'

export const routes: RoutesOf<'visit'> = {
  'visit/communities': route(visitInputs['visit/communities'], (_input, ctx) => listCommunities(ctx)),
  'visit/submit': route(visitInputs['visit/submit'], (input, ctx) => submitVisit(ctx, input)),
  'visit/mine': route(visitInputs['visit/mine'], (_input, ctx) => myVisits(ctx)),
  'visit/get': route(visitInputs['visit/get'], (input, ctx) => getVisit(ctx, input)),
  'visit/contact': route(visitInputs['visit/contact'], (input, ctx) => revealContact(ctx, input)),
  'visit/cancel': route(visitInputs['visit/cancel'], (input, ctx) => cancelVisit(ctx, input)),
  'visit/queue': route(visitInputs['visit/queue'], (input, ctx) => visitQueue(ctx, input)),
  'visit/assignees': route(visitInputs['visit/assignees'], (input, ctx) => listAssignees(ctx, input)),
  'visit/dispatch': route(visitInputs['visit/dispatch'], (input, ctx) => dispatchVisit(ctx, input)),
  'visit/reject': route(visitInputs['visit/reject'], (input, ctx) => rejectVisit(ctx, input)),
  'visit/tasks': route(visitInputs['visit/tasks'], (_input, ctx) => myTasks(ctx)),
  'visit/accept': route(visitInputs['visit/accept'], (input, ctx) => acceptVisit(ctx, input)),
  'visit/decline': route(visitInputs['visit/decline'], (input, ctx) => declineVisit(ctx, input)),
  'visit/complete': route(visitInputs['visit/complete'], (input, ctx) => completeVisit(ctx, input)),
  'visit/confirm': route(visitInputs['visit/confirm'], (input, ctx) => confirmVisit(ctx, input)),
  'visit/subscribe': route(visitInputs['visit/subscribe'], (input, ctx) => subscribe(ctx, input)),
  'visit/settings': route(visitInputs['visit/settings'], (_input, ctx) => getSettings(ctx)),
  'visit/saveSettings': route(visitInputs['visit/saveSettings'], (input, ctx) => saveSettings(ctx, input)),
}

/** The scheduled run's trigger (manifest.ts): auto-confirmation, overdue flags and escalation. */
export const VISIT_TIMER = 'visitLimits'

export const main = createMain(routes, { timers: { [VISIT_TIMER]: (ctx) => runVisitTimer(ctx.now) } })
