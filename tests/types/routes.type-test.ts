/**
 * Type-level tests of RoutesOf, checked by `npm run typecheck` (tsc over tests/): each
 * `@ts-expect-error` below fails the check if the line after it compiles, so a loosening of
 * the route types that lets one of these mistakes through turns the typecheck red.
 */
import { route, type RoutesOf } from '../../cloudfunctions/common/router'
import type { OutputOf } from '../../cloudfunctions/contract'
import {
  accountInputs,
  type BindPreview,
  type InviteView,
  type MeView,
} from '../../cloudfunctions/contract/account.contract'

declare function getMe(): Promise<MeView>
declare function createInvite(): Promise<InviteView>
declare function preview(): Promise<BindPreview>
declare function prepareUpload(): Promise<OutputOf<'account', 'upload/prepare'>>
/** A stored member where a view is promised: the contract's fields and more. */
declare function getMeWithOpenid(): Promise<MeView & { openid: string }>

const me = route(accountInputs['account/me'], () => getMe())
const previewInvite = route(accountInputs['account/previewInvite'], () => preview())
const previewPhone = route(accountInputs['account/previewPhone'], () => preview())
const byInvite = route(accountInputs['account/bindByInvite'], () => getMe())
const byPhone = route(accountInputs['account/bindByPhone'], () => getMe())
const invite = route(accountInputs['account/createInvite'], () => createInvite())
const upload = route(accountInputs['upload/prepare'], () => prepareUpload())

/** The table as the contract wants it compiles: the cases below differ from it in one thing each. */
export const complete: RoutesOf<'account'> = {
  'account/me': me,
  'account/previewInvite': previewInvite,
  'account/previewPhone': previewPhone,
  'account/bindByInvite': byInvite,
  'account/bindByPhone': byPhone,
  'account/createInvite': invite,
  'upload/prepare': upload,
}

// @ts-expect-error a route the contract declares is missing
export const missingRoute: RoutesOf<'account'> = {
  'account/me': me,
  'account/previewInvite': previewInvite,
  'account/previewPhone': previewPhone,
  'account/bindByInvite': byInvite,
  'account/bindByPhone': byPhone,
  'upload/prepare': upload,
}

export const extraRoute: RoutesOf<'account'> = {
  ...complete,
  // @ts-expect-error an action the contract does not declare
  'account/deleteEveryone': me,
}

export const wrongShape: RoutesOf<'account'> = {
  ...complete,
  // @ts-expect-error the handler resolves to an invite where the contract promises the caller's view
  'account/me': route(accountInputs['account/me'], () => createInvite()),
}

export const missingField: RoutesOf<'account'> = {
  ...complete,
  // @ts-expect-error the handler's result lacks fields of the contract's view
  'account/me': route(accountInputs['account/me'], async () => ({ bound: false, member: null })),
}

export const extraField: RoutesOf<'account'> = {
  ...complete,
  // @ts-expect-error the handler's result carries more than the view (a stored openid would leak)
  'account/me': route(accountInputs['account/me'], () => getMeWithOpenid()),
}

export const wrongSchema: RoutesOf<'account'> = {
  ...complete,
  // @ts-expect-error the route validates with another action's schema
  'account/bindByInvite': route(accountInputs['account/bindByPhone'], () => getMe()),
}
