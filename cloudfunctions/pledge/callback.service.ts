import { randomBytes, randomUUID } from 'node:crypto'

import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type {
  CallbackCall,
  CallbackItemDoc,
  CallbackQuarterDoc,
  CallbackSampleEntry,
} from '../common/callback.docs'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { chunks, collection, fetchAll, insertOnce, insertUnique } from '../common/data'
import type { OrgDoc } from '../common/docs'
import { readUpload } from '../common/files'
import { recordChanged } from '../common/rollups'
import { readFirstSheet } from '../common/xlsx'
import type {
  callbackInputs,
  CallbackItemList,
  CallbackItemView,
  CallbackOutputs,
  CallbackQuarterView,
  CallbackRedraw,
  PublishedCallbackSummary,
} from '../contract/callback.contract'
import { excerpt } from '../contract/errors'
import { callbackRollup } from '../domain/callback.rollup'
import {
  checkLedgerFields,
  checkLedgerSheet,
  ledgerIdentity,
  maskContact,
  POOL_MAX,
  quarterLabel,
  quarterOfDate,
  quarterRange,
  summarise,
  summaryLines,
} from '../domain/callback.rules'
import { drawSample } from '../domain/follow-up-sample.rules'
import { childAncestors, type OrgNode, orgPathName } from '../domain/org-tree'
import { can } from '../domain/roles'
import { chinaTimestamp, dateOf } from '../domain/time'
import { maskAddress, VISIT_TYPES } from '../domain/visit.rules'
import {
  communityOf,
  inspectorStreet,
  isStreetInspector,
  items,
  keeperStreet,
  ledgerId,
  loadQuarter,
  orgNameOf,
  quarterProblems,
  quarters,
  quarterSummary,
  readsPublished,
  toQuarterView,
} from './callback.store'
import { KEEP, streetOf } from './pledge.store'

type Input<K extends keyof typeof callbackInputs> = z.output<(typeof callbackInputs)[K]>

function itemView(doc: CallbackItemDoc, orgs: ReadonlyMap<string, OrgDoc>): CallbackItemView {
  return {
    id: doc._id,
    matter: doc.matter,
    staffName: doc.staffName,
    servedName: doc.servedName,
    phone: maskContact(doc.phone),
    completedOn: doc.completedOn,
    orgId: doc.orgId,
    orgName: orgNameOf(orgs, doc.orgId),
    source: doc.source,
  }
}

function dayStart(day: string): number {
  const at = chinaTimestamp(day, '00:00')
  if (at === null) throw new AppError('CALLBACK.ITEM_INVALID', { detail: '日期不正确' })
  return at
}

/** The ledger items of a quarter, oldest first, phones masked. */
export async function listItems(ctx: CallContext, input: Input<'callback/items'>): Promise<CallbackItemList> {
  const street = await keeperStreet(ctx)
  const [start, end] = quarterRange(input.quarter)
  const where = { orgPath: street._id, completedAt: _.gte(start).and(_.lt(end)) }
  const [found, total, orgs] = await Promise.all([
    items()
      .where(where)
      .orderBy('completedAt', 'asc')
      .skip(input.offset ?? 0)
      .limit(input.limit ?? 50)
      .get(),
    items().where(where).count(),
    ctx.orgs(),
  ])
  return { quarter: input.quarter, items: found.data.map((d) => itemView(d, orgs)), total: total.total }
}

function placeable(org: OrgDoc | undefined, street: OrgDoc): org is OrgDoc {
  return org !== undefined && org.type !== 'street' && org.ancestors.includes(street._id)
}

function itemDoc(
  row: { matter: string; staffName: string; servedName: string; phone: string; completedOn: string },
  org: OrgDoc,
  source: 'import' | 'manual',
  batch: string | null,
  ctx: CallContext,
  memberId: string,
): CallbackItemDoc {
  return {
    _id: ledgerId(ledgerIdentity({ ...row, orgId: org._id })),
    ...row,
    completedAt: dayStart(row.completedOn),
    quarter: quarterOfDate(row.completedOn),
    orgId: org._id,
    orgPath: childAncestors(org),
    source,
    importBatch: batch,
    createdBy: memberId,
    createdAt: ctx.now,
  }
}

/** One item entered by hand: the same checks as a sheet row; the same item twice is refused. */
export async function addItem(
  ctx: CallContext,
  input: Input<'callback/item-add'>,
): Promise<CallbackItemView> {
  const street = await keeperStreet(ctx)
  const [orgs, caller] = await Promise.all([ctx.orgs(), ctx.member()])
  const org = orgs.get(input.orgId)
  if (!org) throw new AppError('ORG.NOT_FOUND')
  if (!placeable(org, street)) throw new AppError('CALLBACK.NOT_COMMUNITY')
  const checked = checkLedgerFields(input, dateOf(ctx.now))
  if (checked.problems.length > 0)
    throw new AppError('CALLBACK.ITEM_INVALID', { detail: checked.problems.join('；') })
  const doc = itemDoc(checked.value, org, 'manual', null, ctx, caller.member._id)
  await insertUnique('callbackItems', doc, new AppError('CALLBACK.ITEM_EXISTS'))
  return itemView(doc, orgs)
}

/** A sheet cell naming a community (or a branch, as "社区 / 支部") of the street. */
function orgResolver(orgs: ReadonlyMap<string, OrgDoc>, street: OrgDoc) {
  const candidates = [...orgs.values()].filter((o) => placeable(o, street))
  const byId = orgs as ReadonlyMap<string, OrgNode>
  return (cell: string): { orgId: string } | { error: string } => {
    const wanted = cell.replace(/\s*[/／]\s*/g, ' / ').trim()
    if (!wanted) return { error: '所在社区为空' }
    const hits = candidates.filter((o) => o.name === wanted || orgPathName(o, byId) === wanted)
    if (hits.length === 1) return { orgId: hits[0]._id }
    if (hits.length > 1) return { error: `有多个组织名为“${excerpt(wanted)}”，请写成“社区 / 支部”` }
    return { error: `找不到社区“${excerpt(wanted)}”` }
  }
}

/**
 * Imports the service hall's ledger export. The whole sheet is checked first (rows already in the ledger are bad
 * rows too, by number); any bad row stops the import with every bad row number. The rows are then written in one
 * batch, and a batch that fails part-way is removed again, so nothing is half-imported.
 */
export async function importLedger(
  ctx: CallContext,
  input: Input<'callback/import'>,
): Promise<CallbackOutputs['callback/import']> {
  const street = await keeperStreet(ctx)
  const [orgs, caller] = await Promise.all([ctx.orgs(), ctx.member()])
  const sheet = await readFirstSheet(await readUpload(ctx, input.fileID, 'xlsx'), 'CALLBACK.FILE_UNREADABLE')
  const check = checkLedgerSheet(sheet, { resolveOrg: orgResolver(orgs, street), today: dateOf(ctx.now) })
  if (!check.ok)
    throw new AppError('CALLBACK.IMPORT_INVALID', { count: check.errors.length }, { errors: check.errors })
  const batch = randomUUID()
  const docs = check.rows.map((row) => {
    const org = orgs.get(row.orgId)
    if (!org) throw new AppError('ORG.NOT_FOUND')
    return { row: row.row, doc: itemDoc(row, org, 'import', batch, ctx, caller.member._id) }
  })
  const existing = new Set<string>()
  for (const ids of chunks(docs.map((d) => d.doc._id))) {
    const found = await items()
      .where({ _id: _.in(ids) })
      .field({ _id: true })
      .limit(1000)
      .get()
    for (const d of found.data) existing.add(d._id)
  }
  const again = docs.filter((d) => existing.has(d.doc._id))
  if (again.length > 0) {
    const errors = again.map((d) => ({ row: d.row, reason: '这件事项已在台账中，请删去这一行' }))
    throw new AppError('CALLBACK.IMPORT_INVALID', { count: errors.length }, { errors })
  }
  try {
    await items().add({ data: docs.map((d) => d.doc) })
  } catch (error) {
    await items().where({ importBatch: batch }).remove()
    throw error
  }
  return { imported: docs.length, quarters: [...new Set(docs.map((d) => d.doc.quarter))].sort() }
}

/** The pool of a quarter: the street's ledger items and its completed (or confirmed) home visits. */
async function quarterPool(street: OrgDoc, quarter: string, orgs: ReadonlyMap<string, OrgDoc>) {
  const [start, end] = quarterRange(quarter)
  const within = _.gte(start).and(_.lt(end))
  const [ledger, visits] = await Promise.all([
    fetchAll(items().where({ orgPath: street._id, completedAt: within })),
    fetchAll(
      collection('visits').where({
        orgPath: street._id,
        completedAt: within,
        status: _.in(['completed', 'confirmed']),
      }),
    ),
  ])
  const entries: CallbackSampleEntry[] = []
  for (const item of ledger) {
    const org = orgs.get(item.orgId)
    const community = org ? communityOf(org) : null
    if (!community) continue
    entries.push({
      key: `L-${item._id}`,
      kind: 'ledger',
      sourceId: item._id,
      matter: item.matter,
      staffName: item.staffName,
      servedName: item.servedName,
      phone: item.phone,
      completedAt: item.completedAt,
      communityId: community,
      orgPath: item.orgPath,
    })
  }
  for (const visit of visits) {
    if (visit.completedAt === null) continue
    entries.push({
      key: `V-${visit._id}`,
      kind: 'visit',
      sourceId: visit._id,
      matter: `上门服务·${VISIT_TYPES[visit.type]}`,
      staffName: visit.assigneeName ?? '',
      servedName: `居民（${maskAddress(visit.address)}）`,
      phone: visit.phone,
      completedAt: visit.completedAt,
      communityId: visit.orgId,
      orgPath: visit.orgPath,
    })
  }
  return entries
}

async function alreadyDrawn(quarter: string): Promise<AppError> {
  const doc = await loadQuarter(quarter)
  return new AppError('CALLBACK.ALREADY_DRAWN', { quarter: quarterLabel(quarter), seed: doc.seed })
}

/**
 * Draws a quarter's sample: proportional across communities, no item twice, the size asked (or the whole pool
 * when smaller), from a seed that is recorded with the pool so anyone can draw again and compare. The quarter's
 * `_id` is the quarter, so of two draws at once one is stored and the other is told which seed was used.
 */
export async function drawQuarter(
  ctx: CallContext,
  input: Input<'callback/draw'>,
): Promise<CallbackQuarterView> {
  const street = await keeperStreet(ctx)
  const [orgs, caller] = await Promise.all([ctx.orgs(), ctx.member()])
  const label = quarterLabel(input.quarter)
  if (quarterRange(input.quarter)[0] > ctx.now)
    throw new AppError('CALLBACK.QUARTER_NOT_OVER', { quarter: label })
  const stored = await quarters().where({ _id: input.quarter }).limit(1).get()
  if (stored.data[0]) throw await alreadyDrawn(input.quarter)
  const pool = await quarterPool(street, input.quarter, orgs)
  if (pool.length === 0) throw new AppError('CALLBACK.POOL_EMPTY', { quarter: label })
  if (pool.length > POOL_MAX) throw new AppError('CALLBACK.POOL_TOO_LARGE', { quarter: label, max: POOL_MAX })
  const seed = input.seed ?? `${input.quarter}-${randomBytes(4).toString('hex')}`
  const sample = drawSample(
    pool.map((e) => ({ ...e, id: e.key, groupId: e.communityId })),
    input.size,
    seed,
  ).map(({ id: _id, groupId: _g, ...entry }) => entry)
  const doc: CallbackQuarterDoc = {
    _id: input.quarter,
    quarter: input.quarter,
    seed,
    size: input.size,
    pool: pool.map((e) => [e.key, e.communityId]),
    sample,
    calls: {},
    revision: 0,
    status: 'drawn',
    drawnBy: caller.member._id,
    drawnByName: caller.member.name,
    drawnAt: ctx.now,
    publishedAt: null,
    publishedByName: null,
    scopeOrgId: null,
    scopePath: [],
    summary: null,
    problems: [],
  }
  const result = await insertOnce('callbackQuarters', doc)
  if (result.outcome === 'exists') throw await alreadyDrawn(input.quarter)
  return toQuarterView(doc, orgs, isStreetInspector(caller.roles, street))
}

export async function listQuarters(ctx: CallContext): Promise<CallbackOutputs['callback/quarters']> {
  const street = await keeperStreet(ctx)
  const [found, caller] = await Promise.all([
    quarters()
      .orderBy('_id', 'desc')
      .limit(100)
      .field({ quarter: true, status: true, sample: true, calls: true, drawnAt: true, summary: true })
      .get(),
    ctx.member(),
  ])
  return {
    quarters: found.data.map((d) => {
      const summary = quarterSummary(d)
      return {
        quarter: d.quarter,
        label: quarterLabel(d.quarter),
        status: d.status,
        sampled: summary.sampled,
        called: summary.called,
        drawnAt: d.drawnAt,
      }
    }),
    current: quarterOfDate(dateOf(ctx.now)),
    mayCall: isStreetInspector(caller.roles, street),
  }
}

export async function getQuarter(
  ctx: CallContext,
  input: Input<'callback/quarter'>,
): Promise<CallbackQuarterView> {
  const street = await keeperStreet(ctx)
  const [doc, orgs, caller] = await Promise.all([loadQuarter(input.quarter), ctx.orgs(), ctx.member()])
  return toQuarterView(doc, orgs, isStreetInspector(caller.roles, street))
}

/** Draws again from the recorded pool and seed: the keepers, and once published the members of its scope. */
export async function redrawQuarter(
  ctx: CallContext,
  input: Input<'callback/redraw'>,
): Promise<CallbackRedraw> {
  const [caller, street, orgs] = await Promise.all([ctx.member(), streetOf(ctx), ctx.orgs()])
  const doc = await loadQuarter(input.quarter)
  const keeper = can(caller.roles, KEEP, street)
  if (!keeper && !readsPublished(doc, caller.member, caller.roles, street, orgs))
    throw new AppError('CALLBACK.NOT_PUBLISHED')
  const again = drawSample(
    doc.pool.map(([id, groupId]) => ({ id, groupId })),
    doc.size,
    doc.seed,
  ).map((i) => i.id)
  const stored = doc.sample.map((s) => s.key)
  return {
    quarter: doc.quarter,
    seed: doc.seed,
    poolSize: doc.pool.length,
    size: doc.size,
    matches: again.length === stored.length && again.every((k, i) => k === stored[i]),
    keys: again,
  }
}

/** The phone of one drawn item, for the street's 纪工委: each reveal goes to the audit log. */
export async function revealPhone(
  ctx: CallContext,
  input: Input<'callback/contact'>,
): Promise<CallbackOutputs['callback/contact']> {
  const street = await inspectorStreet(ctx)
  const [doc, caller] = await Promise.all([loadQuarter(input.quarter), ctx.member()])
  const entry = doc.sample.find((s) => s.key === input.itemKey)
  if (!entry) throw new AppError('CALLBACK.ITEM_NOT_SAMPLED')
  await collection('audit').add({
    data: {
      orgId: street._id,
      actor: caller.member._id,
      action: 'callback.contact',
      targetId: `${doc._id}/${entry.key}`,
      summary: `查看回访核查的联系电话（${excerpt(entry.matter)}）`,
      at: ctx.now,
    },
  })
  return { phone: entry.phone }
}

/** Why a call's write was refused: published, already recorded, or changed since it was read. */
async function callRefusal(quarter: string, key: string, editing: boolean): Promise<AppError> {
  const doc = await loadQuarter(quarter)
  if (doc.status !== 'drawn') return new AppError('CALLBACK.PUBLISHED', { quarter: quarterLabel(quarter) })
  const call = doc.calls?.[key]
  if (!editing) return new AppError(call ? 'CALLBACK.CALL_EXISTS' : 'COMMON.RETRY')
  return new AppError(call ? 'CALLBACK.CALL_CHANGED' : 'CALLBACK.CALL_NOT_FOUND')
}

/**
 * Records the call about one drawn item, or edits it. The write is one guarded update of the quarter: it applies
 * only while the quarter is `drawn`, and only where no call is stored (a new one) or the stored call is at the
 * revision the editor read; it raises the quarter's revision, so a publication computed before it is refused.
 */
export async function recordCall(
  ctx: CallContext,
  input: Input<'callback/call'>,
): Promise<CallbackQuarterView> {
  const street = await inspectorStreet(ctx)
  const [doc, orgs, caller] = await Promise.all([loadQuarter(input.quarter), ctx.orgs(), ctx.member()])
  if (doc.status !== 'drawn') throw new AppError('CALLBACK.PUBLISHED', { quarter: quarterLabel(doc.quarter) })
  const entry = doc.sample.find((s) => s.key === input.itemKey)
  if (!entry) throw new AppError('CALLBACK.ITEM_NOT_SAMPLED')
  if (input.reached && !input.ratings) throw new AppError('CALLBACK.RATINGS_REQUIRED')
  if (!input.reached && input.ratings) throw new AppError('CALLBACK.RATINGS_UNREACHED')
  const calledAt = chinaTimestamp(input.calledOn, '00:00')
  if (calledAt === null || input.calledOn < dateOf(doc.drawnAt) || input.calledOn > dateOf(ctx.now))
    throw new AppError('CALLBACK.CALL_DATE')
  const before = doc.calls?.[entry.key] ?? null
  const editing = input.revision !== undefined
  if (editing && !before) throw new AppError('CALLBACK.CALL_NOT_FOUND')
  if (!editing && before) throw new AppError('CALLBACK.CALL_EXISTS')
  const call: CallbackCall = {
    reached: input.reached,
    calledOn: input.calledOn,
    calledAt,
    ratings: input.ratings,
    remark: input.remark,
    problem: input.problem,
    by: caller.member._id,
    byName: caller.member.name,
    at: ctx.now,
    revision: (input.revision ?? 0) + 1,
  }
  const path = `calls.${entry.key}`
  const guard = editing ? { [`${path}.revision`]: input.revision } : { [path]: _.exists(false) }
  const result = await quarters()
    .where({ _id: doc._id, status: 'drawn', ...guard })
    .update({ data: { [path]: _.set(call), revision: _.inc(1) } })
  if (result.stats.updated !== 1) throw await callRefusal(doc._id, entry.key, editing)
  await recordChanged(callbackRollup, before ? { sample: [entry], calls: { [entry.key]: before } } : null, {
    sample: [entry],
    calls: { [entry.key]: call },
  })
  const after: CallbackQuarterDoc = {
    ...doc,
    calls: { ...doc.calls, [entry.key]: call },
    revision: doc.revision + 1,
  }
  return toQuarterView(after, orgs, isStreetInspector(caller.roles, street))
}

/**
 * Publishes the quarter's summary to the members of `orgId`'s subtree. The summary is the one computed from the
 * calls at `revision` (what the publisher saw): the move `drawn` → `published` is guarded on that revision, so a
 * call recorded meanwhile makes the publisher look again, and nothing changes once published.
 */
export async function publishQuarter(
  ctx: CallContext,
  input: Input<'callback/publish'>,
): Promise<CallbackQuarterView> {
  const street = await keeperStreet(ctx)
  const [scope, orgs, caller] = await Promise.all([
    authorizeOn(ctx, 'pledge.inspect', input.orgId),
    ctx.orgs(),
    ctx.member(),
  ])
  const doc = await loadQuarter(input.quarter)
  const label = quarterLabel(doc.quarter)
  if (doc.status !== 'drawn') throw new AppError('CALLBACK.PUBLISHED', { quarter: label })
  if (doc.revision !== input.revision) throw new AppError('CALLBACK.CHANGED')
  const summary = quarterSummary(doc)
  const problems = quarterProblems(doc, orgs)
  const set = {
    status: 'published' as const,
    summary: _.set(summary),
    problems: _.set(problems),
    scopeOrgId: scope._id,
    scopePath: _.set(childAncestors(scope)),
    publishedAt: ctx.now,
    publishedByName: caller.member.name,
  }
  const result = await quarters()
    .where({ _id: doc._id, status: 'drawn', revision: input.revision })
    .update({ data: set })
  if (result.stats.updated !== 1) {
    const now = await loadQuarter(doc._id)
    throw new AppError(now.status === 'published' ? 'CALLBACK.PUBLISHED' : 'CALLBACK.CHANGED', {
      quarter: label,
    })
  }
  const published: CallbackQuarterDoc = {
    ...doc,
    status: 'published',
    summary,
    problems,
    scopeOrgId: scope._id,
    scopePath: childAncestors(scope),
    publishedAt: ctx.now,
    publishedByName: caller.member.name,
  }
  return toQuarterView(published, orgs, isStreetInspector(caller.roles, street))
}

/** The published summaries the caller reads: no names of those served, no phones. */
export async function publishedSummaries(ctx: CallContext): Promise<PublishedCallbackSummary[]> {
  const [caller, street, orgs] = await Promise.all([ctx.member(), streetOf(ctx), ctx.orgs()])
  const found = await quarters()
    .where({ status: 'published' })
    .orderBy('_id', 'desc')
    .limit(40)
    .field({
      quarter: true,
      status: true,
      seed: true,
      pool: true,
      summary: true,
      problems: true,
      scopeOrgId: true,
      publishedAt: true,
      publishedByName: true,
    })
    .get()
  return found.data
    .filter((d) => readsPublished(d, caller.member, caller.roles, street, orgs))
    .map((d) => {
      const summary = d.summary ?? summarise(0, [])
      return {
        quarter: d.quarter,
        label: quarterLabel(d.quarter),
        scopeName: orgNameOf(orgs, d.scopeOrgId),
        publishedAt: d.publishedAt ?? 0,
        publishedByName: d.publishedByName ?? '',
        seed: d.seed,
        poolSize: d.pool.length,
        summary,
        lines: summaryLines(summary),
        problems: d.problems,
      }
    })
}
