import { prepareUpload } from '../common/files'
import { createMain, route, type RoutesOf } from '../common/router'
import { accountInputs } from '../contract/account.contract'
import {
  bindByInvite,
  bindByPhone,
  createInvite,
  getMe,
  previewInvite,
  previewPhone,
} from './account.service'

export const routes: RoutesOf<'account'> = {
  'account/me': route(accountInputs['account/me'], (_input, ctx) => getMe(ctx)),
  'account/previewInvite': route(accountInputs['account/previewInvite'], (input, ctx) =>
    previewInvite(ctx, input),
  ),
  'account/previewPhone': route(accountInputs['account/previewPhone'], (input, ctx) =>
    previewPhone(ctx, input),
  ),
  'account/bindByInvite': route(accountInputs['account/bindByInvite'], (input, ctx) =>
    bindByInvite(ctx, input),
  ),
  'account/bindByPhone': route(accountInputs['account/bindByPhone'], (input, ctx) => bindByPhone(ctx, input)),
  'account/createInvite': route(accountInputs['account/createInvite'], (input, ctx) =>
    createInvite(ctx, input),
  ),
  'upload/prepare': route(accountInputs['upload/prepare'], async (input, ctx) =>
    prepareUpload(ctx, input.kind),
  ),
}

export const main = createMain(routes)
