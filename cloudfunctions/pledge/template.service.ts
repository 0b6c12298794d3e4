import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { insertOnce } from '../common/data'
import type { PledgeTemplateDoc } from '../common/pledge.docs'
import type { pledgeInputs, PledgeTemplateView } from '../contract/pledge.contract'
import { templateVersionId } from '../domain/pledge.rules'
import { can } from '../domain/roles'
import { KEEP, readRoots, streetOf, templates } from './pledge.store'

type Input<K extends keyof typeof pledgeInputs> = z.output<(typeof pledgeInputs)[K]>

export function toTemplateView(doc: PledgeTemplateDoc, mayEdit: boolean): PledgeTemplateView {
  return {
    templateId: doc.templateId,
    version: doc.version,
    kind: doc.kind,
    title: doc.title,
    body: doc.body,
    createdAt: doc.createdAt,
    mayEdit,
  }
}

/** The latest version of each template (a street keeps a handful, each with a few versions: one read). */
export async function listTemplates(ctx: CallContext): Promise<PledgeTemplateView[]> {
  await readRoots(ctx)
  const [found, caller, street] = await Promise.all([
    templates().orderBy('createdAt', 'desc').limit(1000).get(),
    ctx.member(),
    streetOf(ctx),
  ])
  const mayEdit = can(caller.roles, KEEP, street)
  const latest = new Map<string, PledgeTemplateDoc>()
  for (const doc of found.data) {
    const seen = latest.get(doc.templateId)
    if (!seen || seen.version < doc.version) latest.set(doc.templateId, doc)
  }
  return [...latest.values()].map((doc) => toTemplateView(doc, mayEdit))
}

/**
 * A new template (version 1), or a new version of one: editing never changes a stored version, so every signed
 * pledge keeps the exact text it was signed on. The new version's `_id` is `<templateId>_v<base + 1>`, so of two
 * editors who started from the same version one stores it and the other is told to start again from it.
 */
export async function saveTemplate(
  ctx: CallContext,
  input: Input<'template/save'>,
): Promise<PledgeTemplateView> {
  const street = await authorizeOn(ctx, KEEP, (await streetOf(ctx))._id)
  const caller = await ctx.member()
  let templateId: string
  let version: number
  if (input.templateId === undefined) {
    templateId = `tpl${ctx.now.toString(36)}${Math.random().toString(36).slice(2, 8)}`
    version = 1
  } else {
    const base = input.baseVersion ?? 0
    const current = await templates()
      .where({ templateId: input.templateId })
      .orderBy('version', 'desc')
      .limit(1)
      .get()
    const latest = current.data[0]
    if (!latest) throw new AppError('PLEDGE.TEMPLATE_NOT_FOUND')
    if (latest.version !== base) throw new AppError('PLEDGE.TEMPLATE_CHANGED', { version: latest.version })
    templateId = input.templateId
    version = base + 1
  }
  const doc: PledgeTemplateDoc = {
    _id: templateVersionId(templateId, version),
    templateId,
    version,
    kind: input.kind,
    title: input.title,
    body: input.body,
    createdBy: caller.member._id,
    createdAt: ctx.now,
  }
  const stored = await insertOnce('pledgeTemplates', doc)
  if (stored.outcome === 'exists') throw new AppError('PLEDGE.TEMPLATE_CHANGED', { version })
  return toTemplateView(doc, can(caller.roles, KEEP, street))
}
