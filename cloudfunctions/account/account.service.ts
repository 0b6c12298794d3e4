import { randomInt } from 'node:crypto'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import { type CallContext, loadCaller } from '../common/caller'
import { _, db } from '../common/cloud'
import { collection, insertUnique, readById, transition } from '../common/data'
import type { InviteDoc, MemberDoc } from '../common/docs'
import { toMeView } from '../common/views'
import type { BindPreview, InviteView, MeView } from '../contract/account.contract'
import {
  activeFailures,
  BIND_MAX_FAILURES,
  hoursUntilUnlock,
  INVITE_TTL_MS,
  isLocked,
  makeInviteCode,
  normaliseInviteCode,
  recordFailure,
} from '../domain/binding.rules'
import { normaliseName } from '../domain/member.rules'
import { grantsBeyondReach, ROLES } from '../domain/roles'

/** A resident's first call records their account, so binding later has a record to claim. */
export async function getMe(ctx: CallContext): Promise<MeView> {
  const [caller, orgs] = await Promise.all([ctx.caller(), ctx.orgs()])
  if (!caller.member) await ctx.user()
  return toMeView(caller, orgs)
}

/**
 * Claims the user for the member and the member for the user, each with a conditional
 * update, so two accounts racing for one member (or one account for two members) leave
 * exactly one binding. The user claim is released if the member was taken meanwhile.
 */
async function bind(ctx: CallContext, memberId: string): Promise<MeView> {
  await transition(
    'users',
    ctx.openid,
    { memberId: null },
    { memberId, bindFailures: null },
    () => new AppError('ACCOUNT.ALREADY_BOUND'),
  )
  try {
    await transition(
      'members',
      memberId,
      { openid: null },
      { openid: ctx.openid, boundAt: ctx.now, updatedAt: ctx.now },
      () => new AppError('ACCOUNT.MEMBER_TAKEN'),
    )
  } catch (error) {
    await collection('users')
      .doc(ctx.openid)
      .update({ data: { memberId: null } })
    throw error
  }
  return toMeView(await loadCaller(ctx.openid), await ctx.orgs())
}

/** A caller who may still bind: not bound, and with an account record to claim (created on first use). */
async function unboundUser(ctx: CallContext) {
  const caller = await ctx.caller()
  if (caller.member) throw new AppError('ACCOUNT.ALREADY_BOUND')
  return ctx.user()
}

/**
 * An invite hands its holder the roles of the roster entry, so it is issued, and honoured, only
 * while every one of those roles is within the issuer's reach (withinReach in domain/roles.ts).
 * This says whether the issuer could still hand out the roles the entry holds now, and answers
 * the entry (null when it is gone).
 */
async function entryInReach(
  ctx: CallContext,
  invite: InviteDoc,
): Promise<{ entry: MemberDoc | null; ok: boolean }> {
  const found = await collection('members')
    .where({ _id: _.in([invite.memberId, invite.createdBy]) })
    .get()
  const docs = found.data
  const entry = docs.find((m) => m._id === invite.memberId) ?? null
  if (!entry || entry.roles.length === 0) return { entry, ok: true }
  const issuer = docs.find((m) => m._id === invite.createdBy)
  return { entry, ok: grantsBeyondReach(issuer?.roles ?? [], entry.roles, await ctx.orgs()).length === 0 }
}

/** The invite behind a code, refused as binding refuses it (unknown, used, expired, outdated). */
async function usableInvite(
  ctx: CallContext,
  code: string,
): Promise<{ invite: InviteDoc; entry: MemberDoc | null }> {
  const invite = await readById('invites', code, 'ACCOUNT.INVITE_INVALID')
  if (invite.usedAt !== null) throw new AppError('ACCOUNT.INVITE_USED')
  if (invite.expiresAt <= ctx.now) throw new AppError('ACCOUNT.INVITE_EXPIRED')
  // Roles granted to the entry after the code was issued, or taken from its issuer, void it.
  const { entry, ok } = await entryInReach(ctx, invite)
  if (!ok) throw new AppError('ACCOUNT.INVITE_OUTDATED')
  return { invite, entry }
}

async function previewOf(ctx: CallContext, member: MemberDoc): Promise<BindPreview> {
  if (member.openid !== null) throw new AppError('ACCOUNT.MEMBER_TAKEN')
  const orgs = await ctx.orgs()
  return { name: member.name, orgName: orgs.get(member.orgId)?.name ?? '' }
}

export async function previewInvite(ctx: CallContext, input: { code: string }): Promise<BindPreview> {
  await unboundUser(ctx)
  const { entry } = await usableInvite(ctx, normaliseInviteCode(input.code))
  if (!entry) throw new AppError('ACCOUNT.INVITE_INVALID')
  return previewOf(ctx, entry)
}

export async function bindByInvite(ctx: CallContext, input: { code: string }): Promise<MeView> {
  await unboundUser(ctx)
  const code = normaliseInviteCode(input.code)
  const { invite } = await usableInvite(ctx, code)
  // Spent once: of two people using one code at once, one spends it and the other is told it is used.
  await transition(
    'invites',
    code,
    { usedAt: null, expiresAt: _.gt(ctx.now) },
    { usedAt: ctx.now, usedBy: ctx.openid },
    () => new AppError('ACCOUNT.INVITE_USED'),
  )
  try {
    return await bind(ctx, invite.memberId)
  } catch (error) {
    // The code stays usable when the binding itself did not happen; only its spender may give it back.
    await collection('invites')
      .where({ _id: code, usedBy: ctx.openid })
      .update({ data: { usedAt: null, usedBy: null } })
    throw error
  }
}

/**
 * The one roster entry matching name + last four digits. Name + digits is a weak secret, so a
 * mismatch counts against the caller's lock whether it came from binding or from a preview: a
 * preview never probes the roster faster than binding does.
 */
async function matchByPhone(
  ctx: CallContext,
  input: { name: string; phoneLast4: string },
): Promise<MemberDoc> {
  const user = await unboundUser(ctx)
  const failures = user.bindFailures
  if (isLocked(failures, ctx.now)) {
    throw new AppError('ACCOUNT.BIND_LOCKED', {
      hours: hoursUntilUnlock(activeFailures(failures, ctx.now), ctx.now),
    })
  }
  const name = normaliseName(input.name)
  const found = await collection('members')
    .where({ name, phone: db.RegExp({ regexp: `${input.phoneLast4}$` }) })
    .limit(10)
    .get()
  const matches = found.data
  if (matches.length === 0) {
    const next = recordFailure(failures, ctx.now)
    await collection('users')
      .doc(ctx.openid)
      .update({ data: { bindFailures: _.set(next) } })
    if (next.count >= BIND_MAX_FAILURES) {
      throw new AppError('ACCOUNT.BIND_LOCKED', { hours: hoursUntilUnlock(next, ctx.now) })
    }
    throw new AppError('ACCOUNT.MATCH_FAILED', { remaining: BIND_MAX_FAILURES - next.count })
  }
  if (matches.length > 1) throw new AppError('ACCOUNT.MATCH_AMBIGUOUS')
  return matches[0]
}

export async function previewPhone(
  ctx: CallContext,
  input: { name: string; phoneLast4: string },
): Promise<BindPreview> {
  return previewOf(ctx, await matchByPhone(ctx, input))
}

export async function bindByPhone(
  ctx: CallContext,
  input: { name: string; phoneLast4: string },
): Promise<MeView> {
  const member = await matchByPhone(ctx, input)
  return bind(ctx, member._id)
}

export async function createInvite(ctx: CallContext, input: { memberId: string }): Promise<InviteView> {
  const member = await readById('members', input.memberId, 'MEMBER.NOT_FOUND')
  await authorizeOn(ctx, 'invite.create', member.orgId)
  if (member.openid !== null) throw new AppError('MEMBER.ALREADY_BOUND')
  const [creator, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const [beyond] = grantsBeyondReach(creator.roles, member.roles, orgs)
  if (beyond) {
    throw new AppError('ACCOUNT.INVITE_BEYOND_REACH', {
      name: member.name,
      org: orgs.get(beyond.orgId)?.name ?? '',
      role: ROLES[beyond.role],
    })
  }
  // Earlier unused codes for this member stop working: only the newest one is handed out.
  await collection('invites')
    .where({ memberId: member._id, usedAt: null })
    .update({ data: { expiresAt: ctx.now } })
  const invite: InviteDoc = {
    _id: makeInviteCode(randomInt),
    memberId: member._id,
    orgId: member.orgId,
    createdBy: creator.member._id,
    createdAt: ctx.now,
    expiresAt: ctx.now + INVITE_TTL_MS,
    usedAt: null,
    usedBy: null,
  }
  // The code is the _id: the (astronomically unlikely) clash fails instead of overwriting another code.
  await insertUnique('invites', invite, new AppError('COMMON.RETRY'))
  return { code: invite._id, memberName: member.name, expiresAt: invite.expiresAt }
}
