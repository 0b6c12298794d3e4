import { randomUUID } from 'node:crypto'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _, db } from '../common/cloud'
import { COLLECTIONS } from '../common/collections'
import type { MemberDoc, OrgDoc } from '../common/docs'
import { readUpload } from '../common/files'
import { readFirstSheet } from '../common/xlsx'
import { excerpt } from '../contract/errors'
import type { ImportReport } from '../contract/org.contract'
import { firstSpan } from '../domain/org-history.rules'
import { childAncestors, type OrgNode, orgPathName } from '../domain/org-tree'
import { checkRosterSheet, type RosterRow } from '../domain/roster-import.rules'
import { writeAudit } from './audit'

/** Looks a cell up among the nodes the caller may manage: a unique name, or a "社区 / 支部" path. */
function orgResolver(orgs: ReadonlyMap<string, OrgDoc>, scopeRoot: OrgDoc) {
  const placeable = [...orgs.values()].filter(
    (o) => o.type !== 'street' && (o._id === scopeRoot._id || o.ancestors.includes(scopeRoot._id)),
  )
  const byId = orgs as ReadonlyMap<string, OrgNode>
  return (cell: string): { orgId: string } | { error: string } => {
    const wanted = cell.replace(/\s*[/／]\s*/g, ' / ').trim()
    if (!wanted) return { error: '所在组织为空' }
    const hits = placeable.filter((o) => o.name === wanted || orgPathName(o, byId) === wanted)
    if (hits.length === 1) return { orgId: hits[0]._id }
    if (hits.length > 1) return { error: `有多个组织名为“${excerpt(wanted)}”，请写成“社区 / 支部”` }
    return { error: `找不到组织“${excerpt(wanted)}”或不在你的管理范围内` }
  }
}

async function existingPhones(phones: string[]): Promise<Set<string>> {
  const found = new Set<string>()
  for (let i = 0; i < phones.length; i += 500) {
    const chunk = phones.slice(i, i + 500)
    const result = await db
      .collection(COLLECTIONS.members)
      .where({ phone: _.in(chunk) })
      .field({ phone: true })
      .limit(1000)
      .get()
    for (const m of result.data as Pick<MemberDoc, 'phone'>[]) found.add(m.phone)
  }
  return found
}

function toDoc(
  row: RosterRow,
  orgs: ReadonlyMap<string, OrgDoc>,
  batch: string,
  now: number,
): Omit<MemberDoc, '_id'> {
  const org = orgs.get(row.orgId)
  // The row's organisation was resolved from this same tree; one removed meanwhile stops the import.
  if (!org) throw new AppError('ORG.NOT_FOUND')
  const orgPath = childAncestors(org)
  return {
    name: row.name,
    gender: row.gender,
    phone: row.phone,
    orgId: row.orgId,
    orgPath,
    orgHistory: firstSpan(orgPath, now),
    category: row.category,
    cadreLevel: row.cadreLevel,
    roles: [],
    openid: null,
    boundAt: null,
    importBatch: batch,
    createdAt: now,
    updatedAt: now,
  }
}

/**
 * Imports a roster sheet, uploaded by the caller to cloud storage, into the caller's scope. The whole sheet is
 * checked first and any bad row stops the import with every bad row number; the rows are then written in one
 * batch, and a batch that fails part-way is removed again, so nothing is half-imported.
 */
export async function importRoster(ctx: CallContext, input: { fileID: string }): Promise<ImportReport> {
  const caller = await ctx.member()
  const orgs = await ctx.orgs()
  const street = [...orgs.values()].find((o) => o.parentId === null)
  if (!street) throw new AppError('ORG.NOT_FOUND')
  const scope = await authorizeOn(ctx, 'roster.manage', street._id)
  const sheet = await readFirstSheet(await readUpload(ctx, input.fileID, 'xlsx'), 'ROSTER.FILE_UNREADABLE')
  const phonesInSheet = sheet.flatMap((cells) => cells.map((c) => String(c ?? '').replace(/[\s-]/g, '')))
  const check = checkRosterSheet(sheet, {
    resolveOrg: orgResolver(orgs, scope),
    existingPhones: await existingPhones([...new Set(phonesInSheet.filter((p) => /^1\d{10}$/.test(p)))]),
  })
  if (!check.ok)
    throw new AppError('ROSTER.IMPORT_INVALID', { count: check.errors.length }, { errors: check.errors })
  const batch = randomUUID()
  const docs = check.rows.map((row) => toDoc(row, orgs, batch, ctx.now))
  try {
    await db.collection(COLLECTIONS.members).add({ data: docs })
  } catch (error) {
    await db.collection(COLLECTIONS.members).where({ importBatch: batch }).remove()
    throw error
  }
  await writeAudit(ctx, {
    orgId: street._id,
    action: 'member/import',
    targetId: batch,
    summary: `${docs.length}人，操作人${caller.member.name}`,
  })
  return { imported: docs.length }
}
