import { createMain, route, type RoutesOf } from '../common/router'
import { orgInputs } from '../contract/org.contract'
import { createMember, getMember, listMembers, setRoles, unbindMember, updateMember } from './member.service'
import { createOrg, getTree, removeOrg, renameOrg } from './org.service'
import { importRoster } from './roster-import.service'

export const routes: RoutesOf<'org'> = {
  'org/tree': route(orgInputs['org/tree'], (_input, ctx) => getTree(ctx)),
  'org/create': route(orgInputs['org/create'], (input, ctx) => createOrg(ctx, input)),
  'org/rename': route(orgInputs['org/rename'], (input, ctx) => renameOrg(ctx, input)),
  'org/remove': route(orgInputs['org/remove'], (input, ctx) => removeOrg(ctx, input)),
  'member/list': route(orgInputs['member/list'], (input, ctx) => listMembers(ctx, input)),
  'member/get': route(orgInputs['member/get'], (input, ctx) => getMember(ctx, input)),
  'member/create': route(orgInputs['member/create'], (input, ctx) => createMember(ctx, input)),
  'member/update': route(orgInputs['member/update'], (input, ctx) => updateMember(ctx, input)),
  'member/setRoles': route(orgInputs['member/setRoles'], (input, ctx) => setRoles(ctx, input)),
  'member/unbind': route(orgInputs['member/unbind'], (input, ctx) => unbindMember(ctx, input)),
  'member/import': route(orgInputs['member/import'], (input, ctx) => importRoster(ctx, input)),
}

export const main = createMain(routes)
