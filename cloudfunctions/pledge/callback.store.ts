import { createHash } from 'node:crypto'

import { AppError } from '../common/app-error'
import type { CallbackQuarterDoc, CallbackSampleEntry } from '../common/callback.docs'
import type { CallContext } from '../common/caller'
import { collection, findById } from '../common/data'
import type { OrgDoc } from '../common/docs'
import type { CallbackEntryView, CallbackQuarterView } from '../contract/callback.contract'
import {
  type CallbackSummary,
  maskContact,
  quarterLabel,
  summarise,
  summaryLines,
} from '../domain/callback.rules'
import { can, inSubtree } from '../domain/roles'
import { dateOf } from '../domain/time'
import { KEEP, streetOf } from './pledge.store'

export const items = () => collection('callbackItems')
export const quarters = () => collection('callbackQuarters')

/**
 * Who does what in 回访核查:
 * - the ledger, the draw, the summary and its publication: those who keep the street's pledges (`pledge.inspect`
 *   on the street: the 纪工委 and the street admin), as templates and campaigns are;
 * - the calls and the phones behind them: the 纪工委 of the street only (a 纪工委 role held on the street node).
 *   Nobody else ever reads a phone, masked or not, except masked in the keepers' lists.
 */
export async function keeperStreet(ctx: CallContext): Promise<OrgDoc> {
  const [street, caller] = await Promise.all([streetOf(ctx), ctx.member()])
  if (!can(caller.roles, KEEP, street)) throw new AppError('COMMON.FORBIDDEN')
  return street
}

export function isStreetInspector(
  roles: readonly { role: string; orgId: string }[],
  street: OrgDoc,
): boolean {
  return roles.some((g) => g.role === 'inspector' && g.orgId === street._id)
}

export async function inspectorStreet(ctx: CallContext): Promise<OrgDoc> {
  const [street, caller] = await Promise.all([streetOf(ctx), ctx.member()])
  if (!isStreetInspector(caller.roles, street)) throw new AppError('COMMON.FORBIDDEN')
  return street
}

/** `led` + 24 hex of the SHA-256 of the item's identity (domain `ledgerIdentity`). */
export function ledgerId(identity: string): string {
  return `led${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`
}

/** The community a node belongs to (itself for a community); null for the street. */
export function communityOf(org: Pick<OrgDoc, '_id' | 'type' | 'ancestors'>): string | null {
  if (org.type === 'street') return null
  if (org.type === 'community') return org._id
  return org.ancestors[1] ?? null
}

export function orgNameOf(orgs: ReadonlyMap<string, OrgDoc>, id: string | null): string {
  return (id && orgs.get(id)?.name) || '（已删除的组织）'
}

export async function loadQuarter(quarter: string): Promise<CallbackQuarterDoc> {
  const doc = await findById('callbackQuarters', quarter)
  if (!doc) throw new AppError('CALLBACK.NOT_DRAWN', { quarter: quarterLabel(quarter) })
  return doc
}

export function quarterSummary(
  doc: Pick<CallbackQuarterDoc, 'status' | 'summary' | 'sample' | 'calls'>,
): CallbackSummary {
  if (doc.status === 'published' && doc.summary) return doc.summary
  return summarise(doc.sample.length, Object.values(doc.calls ?? {}))
}

export function quarterProblems(
  doc: CallbackQuarterDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
): { matter: string; orgName: string; problem: string }[] {
  if (doc.status === 'published') return doc.problems
  return doc.sample.flatMap((s) => {
    const call = doc.calls?.[s.key]
    return call && call.problem.trim()
      ? [{ matter: s.matter, orgName: orgNameOf(orgs, s.communityId), problem: call.problem }]
      : []
  })
}

function entryView(doc: CallbackQuarterDoc, s: CallbackSampleEntry, orgs: ReadonlyMap<string, OrgDoc>) {
  const call = doc.calls?.[s.key]
  const view: CallbackEntryView = {
    key: s.key,
    kind: s.kind,
    matter: s.matter,
    staffName: s.staffName,
    servedName: s.servedName,
    phone: maskContact(s.phone),
    completedOn: dateOf(s.completedAt),
    communityName: orgNameOf(orgs, s.communityId),
    call: call
      ? {
          reached: call.reached,
          calledOn: call.calledOn,
          ratings: call.ratings,
          remark: call.remark,
          problem: call.problem,
          byName: call.byName,
          at: call.at,
          revision: call.revision,
        }
      : null,
  }
  return view
}

export function toQuarterView(
  doc: CallbackQuarterDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
  mayCall: boolean,
): CallbackQuarterView {
  const summary = quarterSummary(doc)
  return {
    quarter: doc.quarter,
    label: quarterLabel(doc.quarter),
    seed: doc.seed,
    size: doc.size,
    poolSize: doc.pool.length,
    status: doc.status,
    drawnAt: doc.drawnAt,
    drawnByName: doc.drawnByName,
    revision: doc.revision,
    sample: doc.sample.map((s) => entryView(doc, s, orgs)),
    summary,
    lines: summaryLines(summary),
    problems: quarterProblems(doc, orgs),
    publishedAt: doc.publishedAt,
    scopeOrgId: doc.scopeOrgId,
    scopeName: doc.scopeOrgId ? orgNameOf(orgs, doc.scopeOrgId) : null,
    mayCall,
  }
}

/** Whether a member reads a published quarter: they belong to its scope, or they keep the street's pledges. */
export function readsPublished(
  doc: Pick<CallbackQuarterDoc, 'scopeOrgId' | 'status'>,
  member: { orgId: string; orgPath: readonly string[] },
  roles: readonly { role: string; orgId: string }[],
  street: OrgDoc,
  orgs: ReadonlyMap<string, OrgDoc>,
): boolean {
  if (doc.status !== 'published' || !doc.scopeOrgId) return false
  if (can(roles as Parameters<typeof can>[0], KEEP, street)) return true
  const memberOrg = orgs.get(member.orgId)
  if (memberOrg) return inSubtree(doc.scopeOrgId, memberOrg)
  return member.orgPath.includes(doc.scopeOrgId)
}
