import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { chunks, collection, fetchAll, insertFromForm, readById, transition } from '../common/data'
import type { OrgDoc } from '../common/docs'
import { writeExport } from '../common/files'
import type { PledgeAssignmentDoc, PledgeCampaignDoc } from '../common/pledge.docs'
import { recipientsIn, sendReminders } from '../common/reminders'
import { applyBucket } from '../common/rollups'
import { writeNamesSheet } from '../common/xlsx'
import type { ExportedFile } from '../contract/files.contract'
import type { ReminderOutcome } from '../contract/follow-up.contract'
import type {
  PledgeCampaignView,
  PledgeCompletion,
  PledgeCompletionRow,
  pledgeInputs,
  UnsignedPerson,
} from '../contract/pledge.contract'
import { joinIds } from '../domain/ids'
import { pledgeRollup } from '../domain/pledge.rollup'
import { isOverdue, templateVersionId } from '../domain/pledge.rules'
import { pledgeReminderData, reminderDay, reminderTopic } from '../domain/reminder.rules'
import { sumContributions } from '../domain/rollup.rules'
import { chinaClock, dateOf } from '../domain/time'
import { manifest } from './manifest'
import { assignments, campaigns, KEEP, loadCampaign, mayRead, readableOrg, readRoots } from './pledge.store'

type Input<K extends keyof typeof pledgeInputs> = z.output<(typeof pledgeInputs)[K]>

/** A call still writing a campaign's assignments is alive for at most the function's timeout (manifest.ts). */
const ASSIGNING_LIMIT_MS = (manifest.timeout + 10) * 1000

export function toCampaignView(c: PledgeCampaignDoc, orgs: ReadonlyMap<string, OrgDoc>): PledgeCampaignView {
  return {
    id: c._id,
    templateId: c.templateId,
    version: c.version,
    kind: c.kind,
    title: c.title,
    year: c.year,
    orgId: c.orgId,
    orgName: orgs.get(c.orgId)?.name ?? '',
    roles: c.roles,
    cadreLevels: c.cadreLevels,
    memberCount: c.memberIds.length,
    deadline: c.deadline,
    assigned: c.assignedCount,
    createdAt: c.createdAt,
  }
}

/**
 * A campaign: one template version, for a year, to the members of an organisation's subtree chosen by role,
 * cadre level or name (everyone when none is chosen). Who must sign (应签) is written now, one assignment per
 * member (`<campaignId>_<memberId>`), so the figure never moves when the roster changes, and counted in the
 * rollups in the same call.
 */
export async function createCampaign(
  ctx: CallContext,
  { submitKey, ...input }: Input<'campaign/create'>,
): Promise<PledgeCampaignView> {
  const org = await authorizeOn(ctx, KEEP, input.orgId)
  if (input.deadline <= ctx.now) throw new AppError('PLEDGE.DEADLINE_PAST')
  const [template, caller, orgs] = await Promise.all([
    readById(
      'pledgeTemplates',
      templateVersionId(input.templateId, input.version),
      'PLEDGE.TEMPLATE_NOT_FOUND',
    ),
    ctx.member(),
    ctx.orgs(),
  ])
  const inScope = await fetchAll(
    collection('members')
      .where({ orgPath: org._id })
      .field({ name: true, orgId: true, orgPath: true, roles: true, cadreLevel: true }),
  )
  const named = new Set(input.memberIds)
  const anyFilter = input.roles.length + input.cadreLevels.length + input.memberIds.length > 0
  const chosen = inScope.filter(
    (m) =>
      !anyFilter ||
      named.has(m._id) ||
      m.roles.some((g) => input.roles.includes(g.role)) ||
      (m.cadreLevel !== null && input.cadreLevels.includes(m.cadreLevel)),
  )
  // A name outside the organisation's subtree is not silently dropped.
  const inScopeIds = new Set(inScope.map((m) => m._id))
  if (input.memberIds.some((id) => !inScopeIds.has(id))) throw new AppError('MEMBER.NOT_FOUND')
  if (chosen.length === 0) throw new AppError('PLEDGE.NOBODY_ASSIGNED')
  // Sent again (a lost answer, a second tap), the form finds its campaign and assigns nobody twice.
  const { doc: campaign, fresh } = await insertFromForm(
    'pledgeCampaigns',
    {
      templateId: template.templateId,
      version: template.version,
      templateVersionId: template._id,
      kind: template.kind,
      title: template.title,
      year: input.year,
      orgId: org._id,
      orgPath: [...org.ancestors, org._id],
      roles: input.roles,
      cadreLevels: input.cadreLevels,
      memberIds: input.memberIds,
      deadline: input.deadline,
      assignedCount: chosen.length,
      createdBy: caller.member._id,
      createdAt: ctx.now,
      assigning: true,
      assigningSince: ctx.now,
    },
    { openid: ctx.openid, submitKey },
  )
  if (!fresh && !(await mayFinish(campaign, ctx.now))) return toCampaignView(campaign, orgs)
  const campaignId = campaign._id
  const docs: PledgeAssignmentDoc[] = chosen.map((m) => ({
    _id: joinIds(campaignId, m._id),
    campaignId,
    memberId: m._id,
    name: m.name,
    orgId: m.orgId,
    orgPath: m.orgPath,
    kind: template.kind,
    title: template.title,
    year: input.year,
    deadline: input.deadline,
    templateVersionId: template._id,
    assignedAt: campaign.createdAt,
    status: 'pending',
    signedAt: null,
    signingId: null,
  }))
  // Finishing a dead call's work: only the assignments it did not write. It counts them in the rollups only
  // after writing them all, so if any were missing nothing was counted yet.
  const written = fresh ? new Set<string>() : await assignmentIdsOf(campaignId)
  const missing = docs.filter((d) => !written.has(d._id))
  for (const part of chunks(missing, 500)) await assignments().add({ data: part })
  if (fresh || missing.length > 0) {
    for (const bucket of sumContributions(docs.flatMap(pledgeRollup)).values()) await applyBucket(bucket)
  }
  await transition(
    'pledgeCampaigns',
    campaignId,
    { assigning: true },
    { assigning: false, assignedCount: written.size + missing.length },
    () => new AppError('COMMON.RETRY'),
  )
  const stored = await loadCampaign(campaignId)
  return toCampaignView(stored, orgs)
}

/**
 * Whether a campaign's form sent again should finish its assignments: only when the call that created it died on
 * the way (its function's time is up, and nobody else took the work over since). The one to take it over is
 * decided by the database, so two late sends do not both write.
 */
async function mayFinish(campaign: PledgeCampaignDoc, now: number): Promise<boolean> {
  const since = campaign.assigningSince ?? campaign.createdAt
  if (campaign.assigning !== true || now - since < ASSIGNING_LIMIT_MS) return false
  const claim = await campaigns()
    .where({ _id: campaign._id, assigning: true, assigningSince: since })
    .update({ data: { assigningSince: now, takeovers: _.inc(1) } })
  return claim.stats.updated === 1
}

/** The ids of a campaign's assignments written so far. */
async function assignmentIdsOf(campaignId: string): Promise<Set<string>> {
  const found = await fetchAll(assignments().where({ campaignId }).field({ _id: true }))
  return new Set(found.map((a) => a._id))
}

/** Campaigns of the caller's subtrees and those above them that reach into them (a secretary's street campaign). */
export async function listCampaigns(ctx: CallContext): Promise<PledgeCampaignView[]> {
  const [roots, orgs] = await Promise.all([readRoots(ctx), ctx.orgs()])
  const above = [...new Set(roots.flatMap((id) => orgs.get(id)?.ancestors ?? []))]
  const found = await campaigns()
    .where(_.or([{ orgPath: _.in(roots) }, { orgId: _.in(above) }]))
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  return found.data.map((c) => toCampaignView(c, orgs))
}

/** The node a completion or a reminder is about: inside the campaign's subtree, read by the caller. */
async function completionOrg(
  ctx: CallContext,
  campaign: PledgeCampaignDoc,
  orgId: string | undefined,
): Promise<OrgDoc> {
  if (orgId !== undefined) {
    const org = await readableOrg(ctx, orgId)
    if (org._id !== campaign.orgId && !org.ancestors.includes(campaign.orgId)) {
      throw new AppError('PLEDGE.CAMPAIGN_NOT_FOUND')
    }
    return org
  }
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const own = orgs.get(campaign.orgId)
  if (own && mayRead(caller.roles, own)) return own
  const roots = await readRoots(ctx)
  const inside = roots.map((id) => orgs.get(id)).find((o) => o?.ancestors.includes(campaign.orgId))
  if (!inside) throw new AppError('COMMON.FORBIDDEN')
  return inside
}

/** The reminders of a campaign sent so far (every day): one read, bounded by the people behind the figure. */
async function remindersOf(campaignId: string): Promise<{ memberId: string; day: string }[]> {
  return fetchAll(
    collection('reminders')
      .where({ topic: reminderTopic('pledge', campaignId) })
      .field({ memberId: true, day: true }),
  )
}

type CompletionRow = Pick<
  PledgeAssignmentDoc,
  'memberId' | 'name' | 'orgId' | 'orgPath' | 'status' | 'signedAt'
>

/** A campaign's completion in an organisation's subtree, with every assignment behind it (for the export). */
async function completionOf(
  ctx: CallContext,
  input: Input<'campaign/completion'>,
): Promise<{ view: PledgeCompletion; rows: CompletionRow[]; orgs: ReadonlyMap<string, OrgDoc> }> {
  const campaign = await loadCampaign(input.campaignId)
  const org = await completionOrg(ctx, campaign, input.orgId)
  const [rows, orgs, sentSoFar, caller] = await Promise.all([
    fetchAll(
      assignments()
        .where({ campaignId: campaign._id, orgPath: org._id })
        .field({ memberId: true, name: true, orgId: true, orgPath: true, status: true, signedAt: true }),
    ),
    ctx.orgs(),
    remindersOf(campaign._id),
    ctx.member(),
  ])
  const today = reminderDay(ctx.now)
  const inSubtree = new Set(rows.map((a) => a.memberId))
  const sentHere = sentSoFar.filter((r) => inSubtree.has(r.memberId))
  const reminded = new Set(sentHere.filter((r) => r.day === today).map((r) => r.memberId))
  const children = [...orgs.values()]
    .filter((o) => o.parentId === org._id)
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
  const byChild = new Map<string, PledgeCompletionRow>(
    (children.length > 0 ? children : [org]).map((o) => [
      o._id,
      { orgId: o._id, orgName: o.name, assigned: 0, signed: 0 },
    ]),
  )
  const pastDeadline = ctx.now > campaign.deadline
  const unsigned: UnsignedPerson[] = []
  for (const a of rows) {
    const rowId = children.length > 0 ? a.orgPath[org.ancestors.length + 1] : org._id
    const row = byChild.get(rowId) ?? byChild.get(org._id)
    if (row) {
      row.assigned++
      if (a.status === 'signed') row.signed++
    }
    if (a.status !== 'signed') {
      unsigned.push({
        memberId: a.memberId,
        name: a.name,
        orgName: orgs.get(a.orgId)?.name ?? '',
        remindedToday: reminded.has(a.memberId),
        overdue: isOverdue(a.status, campaign.deadline, ctx.now),
      })
    }
  }
  // Members assigned directly on the node itself are shown on a row of its own.
  const direct = rows.filter((a) => a.orgId === org._id && children.length > 0)
  const list = [...byChild.values()]
  if (direct.length > 0) {
    list.push({
      orgId: org._id,
      orgName: `${org.name}（本级）`,
      assigned: direct.length,
      signed: direct.filter((a) => a.status === 'signed').length,
    })
  }
  unsigned.sort((a, b) => a.orgName.localeCompare(b.orgName) || a.name.localeCompare(b.name))
  const signed = rows.filter((a) => a.status === 'signed').length
  const view: PledgeCompletion = {
    campaign: toCampaignView(campaign, orgs),
    orgId: org._id,
    orgName: org.name,
    assigned: rows.length,
    signed,
    overdue: pastDeadline ? rows.length - signed : 0,
    pastDeadline,
    rows: list.filter((r) => r.assigned > 0),
    unsigned,
    remindersSent: sentHere.length,
    mayRemind: mayRead(caller.roles, org),
  }
  return { view, rows, orgs }
}

/** 已签 / 应签 of a campaign in an organisation's subtree, each organisation below, and who has not signed. */
export async function campaignCompletion(
  ctx: CallContext,
  input: Input<'campaign/completion'>,
): Promise<PledgeCompletion> {
  return (await completionOf(ctx, input)).view
}

/**
 * The completion as an .xlsx: a line per person assigned in the subtree (姓名, 所在组织, 已签 / 未签 / 逾期未签, when
 * signed), by organisation, signed first; the title carries 已签 / 应签.
 */
export async function exportCompletion(
  ctx: CallContext,
  input: Input<'campaign/export'>,
): Promise<ExportedFile> {
  const { view, rows, orgs } = await completionOf(ctx, input)
  const state = (a: CompletionRow) =>
    a.status === 'signed'
      ? '已签'
      : isOverdue(a.status, view.campaign.deadline, ctx.now)
        ? '逾期未签'
        : '未签'
  const orgName = (a: CompletionRow) => orgs.get(a.orgId)?.name ?? ''
  const lines = [...rows]
    .sort(
      (a, b) =>
        orgName(a).localeCompare(orgName(b)) ||
        Number(b.status === 'signed') - Number(a.status === 'signed') ||
        a.name.localeCompare(b.name),
    )
    .map((a) => [
      a.name,
      orgName(a),
      state(a),
      a.signedAt === null ? '' : chinaClock(a.signedAt).format('YYYY-MM-DD HH:mm'),
    ])
  const c = view.campaign
  const title = `${view.orgName} ${c.year}年度${c.title}：已签${view.signed}份 / 应签${view.assigned}份（${dateOf(c.deadline)}截止）`
  return writeExport(ctx, {
    fileName: `承诺书签订情况-${c.year}-${chinaClock(ctx.now).format('YYYYMMDD')}.xlsx`,
    ext: 'xlsx',
    bytes: await writeNamesSheet('签订情况', title, ['姓名', '所在组织', '签订情况', '签署时间'], lines),
  })
}

/**
 * 提醒 the named members of an organisation who have not signed: each must hold an assignment of the campaign
 * and lie in the organisation's subtree (COMMON.FORBIDDEN otherwise, nothing sent); one who signed since the list
 * was read is skipped; each is reminded at most once a day (common/reminders.ts).
 */
export async function remindCampaign(
  ctx: CallContext,
  input: Input<'campaign/remind'>,
): Promise<ReminderOutcome> {
  const campaign = await loadCampaign(input.campaignId)
  const org = await completionOrg(ctx, campaign, input.orgId)
  const ids = [...new Set(input.memberIds)]
  const [found, held, caller] = await Promise.all([
    recipientsIn(org._id, ids),
    fetchAll(
      assignments()
        .where({ _id: _.in(ids.map((id) => joinIds(campaign._id, id))) })
        .field({ memberId: true, status: true }),
    ),
    ctx.member(),
  ])
  const status = new Map(held.map((a) => [a.memberId, a.status]))
  if (found.some((m) => !status.has(m._id))) throw new AppError('COMMON.FORBIDDEN')
  const behind = found.filter((m) => status.get(m._id) === 'pending')
  const overdue = ctx.now > campaign.deadline
  const sent = await sendReminders(
    ctx,
    caller.member._id,
    'pledge',
    campaign._id,
    behind.map((m) => ({
      memberId: m._id,
      openid: m.openid,
      data: pledgeReminderData(campaign.title, dateOf(campaign.deadline), overdue),
    })),
  )
  return { ...sent, resolved: ids.length - behind.length }
}
