import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn, scopeOf } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { chunks, collection, fetchAll, transition } from '../common/data'
import type { MemberDoc, OrgDoc } from '../common/docs'
import type { ExamDoc, ExpectedDoc, QuestionDoc } from '../common/quiz.docs'
import { recordChanged, recordsChanged } from '../common/rollups'
import type { ExamList, ExamView, quizInputs } from '../contract/quiz.contract'
import { joinIds } from '../domain/ids'
import { childAncestors } from '../domain/org-tree'
import { examRollup, expectedRollup } from '../domain/quiz.rollup'
import { checkExamSettings, paperCopy } from '../domain/quiz.rules'
import { type DrawCandidate, drawPaper, formatShortage } from '../domain/quiz-draw.rules'
import { can, type RoleGrant } from '../domain/roles'
import { attempts, exams, expected, IN_USE, loadExam, questions } from './quiz.store'
import { toExamView } from './quiz.views'

type Input<K extends keyof typeof quizInputs> = z.output<(typeof quizInputs)[K]>
type ExamFields = Input<'exam/create'>

/** A fixed paper's answers stay in the database: list and read queries leave them out. */
export const WITHOUT_PAPER = { fixedPaper: false }

/**
 * Who may read an exam's results: holders of stats.read on its organisation, and those below it
 * (a community secretary reads the street's exam for their community).
 */
export function examVisible(roles: readonly RoleGrant[], exam: ExamDoc, orgs: ReadonlyMap<string, OrgDoc>) {
  const org = orgs.get(exam.orgId)
  if (!org) return false
  if (can(roles, 'stats.read', org)) return true
  return roles.some((g) => {
    const held = orgs.get(g.orgId)
    return held !== undefined && held.ancestors.includes(exam.orgId) && can(roles, 'stats.read', held)
  })
}

function validate(fields: ExamFields): void {
  const problem = checkExamSettings(fields)
  if (problem) throw new AppError('QUIZ.EXAM_INVALID', { detail: problem })
  if (fields.mode === 'fixed') {
    if (fields.questionIds.length === 0)
      throw new AppError('QUIZ.EXAM_INVALID', { detail: '固定试卷至少要选1题' })
    if (new Set(fields.questionIds).size !== fields.questionIds.length)
      throw new AppError('QUIZ.EXAM_INVALID', { detail: '试卷中有重复的题目' })
  } else if (fields.draws.length === 0) {
    throw new AppError('QUIZ.EXAM_INVALID', { detail: '随机抽题至少要有1组规则' })
  }
  const count = questionCount(fields)
  if (count > 200) throw new AppError('QUIZ.EXAM_INVALID', { detail: '试卷最多200题' })
  const types =
    fields.mode === 'random' && fields.draws.every((d) => d.type) ? fields.draws.map((d) => d.type!) : null
  const scoring = types
    ? types.some((t) => fields.points[t] > 0)
    : Object.values(fields.points).some((p) => p > 0)
  if (!scoring) throw new AppError('QUIZ.EXAM_INVALID', { detail: '试卷总分为0，请设置各题型分值' })
}

function questionCount(fields: ExamFields): number {
  return fields.mode === 'fixed' ? fields.questionIds.length : fields.draws.reduce((s, d) => s + d.count, 0)
}

async function placeExam(ctx: CallContext, orgId: string): Promise<OrgDoc> {
  return authorizeOn(ctx, 'quiz.manage', orgId)
}

function examDoc(
  fields: ExamFields,
  org: OrgDoc,
): Omit<ExamDoc, '_id' | 'createdBy' | 'createdAt' | 'publishedAt'> {
  return {
    title: fields.title,
    orgId: org._id,
    orgPath: childAncestors(org),
    mode: fields.mode,
    questionIds: fields.mode === 'fixed' ? fields.questionIds : [],
    draws: fields.mode === 'random' ? fields.draws : [],
    points: fields.points,
    passLine: fields.passLine,
    excellentLine: fields.excellentLine,
    timeLimitMinutes: fields.timeLimitMinutes,
    opensAt: fields.opensAt,
    closesAt: fields.closesAt,
    attemptsAllowed: fields.attemptsAllowed,
    counting: fields.counting,
    multipleRule: fields.multipleRule,
    reveal: fields.reveal,
    categories: fields.categories,
    status: 'draft',
    questionCount: questionCount(fields),
    expectedCount: null,
    updatedAt: 0,
    fixedPaper: null,
  }
}

export async function createExam(ctx: CallContext, input: ExamFields): Promise<ExamView> {
  const org = await placeExam(ctx, input.orgId)
  validate(input)
  const caller = await ctx.member()
  const doc: Omit<ExamDoc, '_id'> = {
    ...examDoc(input, org),
    createdBy: caller.member._id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    publishedAt: null,
  }
  const added = await exams().add({ data: doc })
  return toExamView({ _id: String(added._id), ...doc }, await ctx.orgs(), ctx.now, true)
}

async function managedDraft(ctx: CallContext, examId: string): Promise<ExamDoc> {
  const exam = await loadExam(examId)
  await placeExam(ctx, exam.orgId)
  if (exam.status !== 'draft') throw new AppError('QUIZ.EXAM_PUBLISHED')
  return exam
}

export async function updateExam(ctx: CallContext, input: Input<'exam/update'>): Promise<ExamView> {
  const { examId, ...fields } = input
  const exam = await managedDraft(ctx, examId)
  const org = await placeExam(ctx, fields.orgId)
  validate(fields)
  const next = { ...examDoc(fields, org), updatedAt: ctx.now }
  const { fixedPaper: _paper, ...data } = next
  const done = await exams()
    .where({ _id: exam._id, status: 'draft' })
    .update({
      data: {
        ...data,
        orgPath: _.set(next.orgPath),
        questionIds: _.set(next.questionIds),
        draws: _.set(next.draws),
        points: _.set(next.points),
        categories: _.set(next.categories),
      },
    })
  if (done.stats.updated !== 1) throw new AppError('QUIZ.EXAM_PUBLISHED')
  return toExamView({ ...exam, ...next }, await ctx.orgs(), ctx.now, true)
}

export async function removeExam(ctx: CallContext, input: Input<'exam/remove'>): Promise<{ removed: true }> {
  const exam = await managedDraft(ctx, input.examId)
  const done = await exams().where({ _id: exam._id, status: 'draft' }).remove()
  if (done.stats.removed !== 1) throw new AppError('QUIZ.EXAM_PUBLISHED')
  return { removed: true }
}

/** The bank as the draw sees it: ids, types and tags only. */
export async function drawCandidates(): Promise<DrawCandidate[]> {
  const all = await fetchAll<Pick<QuestionDoc, '_id' | 'type' | 'tags'>>(
    questions().where({ retired: IN_USE }).field({
      _id: true,
      type: true,
      tags: true,
    }),
  )
  return all.map((q) => ({ id: q._id, type: q.type, tags: q.tags }))
}

export async function loadQuestions(ids: readonly string[]): Promise<Map<string, QuestionDoc>> {
  const found = new Map<string, QuestionDoc>()
  for (const chunk of chunks([...new Set(ids)])) {
    const page = await questions()
      .where({ _id: _.in(chunk) })
      .limit(1000)
      .get()
    for (const q of page.data) found.set(q._id, q)
  }
  return found
}

/**
 * Publishes a draft: the paper must be possible (a random draw that is short says which draw),
 * 应考 is fixed from the roster at this moment, and a fixed paper's questions are copied so later
 * edits of the bank change no published exam. The status flips with a conditional update, so two
 * publishers at once publish once.
 */
export async function publishExam(ctx: CallContext, input: Input<'exam/publish'>): Promise<ExamView> {
  const exam = await managedDraft(ctx, input.examId)
  if (exam.closesAt <= ctx.now)
    throw new AppError('QUIZ.EXAM_INVALID', { detail: '结束时间已过，请修改后再发布' })
  let fixedPaper: ExamDoc['fixedPaper'] = null
  if (exam.mode === 'fixed') {
    const found = await loadQuestions(exam.questionIds)
    const missing = exam.questionIds.map((id, i) => (found.has(id) ? 0 : i + 1)).filter((n) => n > 0)
    if (missing.length > 0)
      throw new AppError('QUIZ.EXAM_INVALID', { detail: `第${missing.join('、')}题已不在题库中` })
    const retired = exam.questionIds.map((id, i) => (found.get(id)?.retired === true ? i + 1 : 0))
    if (retired.some((n) => n > 0))
      throw new AppError('QUIZ.EXAM_INVALID', {
        detail: `第${retired.filter((n) => n > 0).join('、')}题已停用，请换题后再发布`,
      })
    fixedPaper = exam.questionIds.flatMap((id) => {
      const q = found.get(id)
      return q ? [paperCopy(q)] : []
    })
  } else {
    const drawn = drawPaper(exam.draws, await drawCandidates())
    if (!drawn.ok) {
      throw new AppError(
        'QUIZ.DRAW_SHORT',
        { detail: drawn.shortages.map(formatShortage).join('；') },
        { shortages: drawn.shortages },
      )
    }
  }
  const query: Record<string, unknown> = { orgPath: exam.orgId }
  if (exam.categories.length > 0) query.category = _.in(exam.categories)
  const members = await fetchAll<Pick<MemberDoc, '_id' | 'orgPath'>>(
    collection('members').where(query).field({
      _id: true,
      orgPath: true,
    }),
  )
  if (members.length === 0) throw new AppError('QUIZ.EXAM_INVALID', { detail: '应考范围内没有党员' })
  const claimed = await exams()
    .where({ _id: exam._id, status: 'draft' })
    .update({
      data: {
        status: 'published',
        expectedCount: members.length,
        publishedAt: ctx.now,
        updatedAt: ctx.now,
        fixedPaper: fixedPaper ? _.set(fixedPaper) : null,
      },
    })
  if (claimed.stats.updated !== 1) throw new AppError('QUIZ.EXAM_PUBLISHED')
  const docs: ExpectedDoc[] = members.map((m) => ({
    _id: joinIds(exam._id, m._id),
    examId: exam._id,
    memberId: m._id,
    orgPath: m.orgPath,
    at: exam.opensAt,
    counted: null,
  }))
  try {
    for (const part of chunks(docs, 500)) await expected().add({ data: part })
  } catch (error) {
    await expected().where({ examId: exam._id }).remove()
    await exams()
      .doc(exam._id)
      .update({ data: { status: 'draft', expectedCount: null, publishedAt: null, fixedPaper: null } })
    throw error
  }
  const published: ExamDoc = {
    ...exam,
    status: 'published',
    expectedCount: members.length,
    publishedAt: ctx.now,
  }
  // Published once (the claim above): the exam and its 应考, summed per node, go to the rollups.
  await recordChanged(examRollup, exam, published)
  await recordsChanged(
    expectedRollup,
    docs.map((after) => ({ before: null, after })),
  )
  return toExamView(published, await ctx.orgs(), ctx.now, true)
}

/**
 * Ends a published exam now: its window closes at this moment (a guarded change: published and still open, so
 * two closes close once and a draft is never closed), and attempts under way end with it, as at a normal
 * close: their deadline moves to now, so a later save is refused, and each is graded on what was saved when
 * the member or a secretary next looks.
 */
export async function closeExam(ctx: CallContext, input: Input<'exam/close'>): Promise<ExamView> {
  const exam = await loadExam(input.examId)
  await placeExam(ctx, exam.orgId)
  if (exam.status !== 'published') throw new AppError('QUIZ.EXAM_NOT_PUBLISHED')
  const closed = { closesAt: ctx.now, closedEarlyAt: ctx.now, updatedAt: ctx.now }
  await transition(
    'quizExams',
    exam._id,
    { status: 'published', closesAt: _.gt(ctx.now) },
    closed,
    () => new AppError('QUIZ.EXAM_ALREADY_CLOSED'),
  )
  await attempts()
    .where({ examId: exam._id, status: 'open', deadline: _.gt(ctx.now) })
    .update({ data: { deadline: ctx.now } })
  return toExamView({ ...exam, ...closed }, await ctx.orgs(), ctx.now, true)
}

/** Exams of the caller's subtrees, and those above that reach into them (the street's exams). */
export async function listExams(ctx: CallContext): Promise<ExamList> {
  const roots = await scopeOf(ctx, 'stats.read')
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const above = [...new Set(roots.flatMap((r) => orgs.get(r)?.ancestors ?? []))]
  const page = await exams()
    .where(_.or([{ orgPath: _.in(roots) }, { orgId: _.in(above.length > 0 ? above : ['-']) }]))
    .field(WITHOUT_PAPER)
    .orderBy('createdAt', 'desc')
    .limit(100)
    .get()
  const items = page.data.flatMap((exam) => {
    const org = orgs.get(exam.orgId)
    const mayManage = org !== undefined && can(caller.roles, 'quiz.manage', org)
    if (exam.status === 'draft' && !mayManage) return []
    return [toExamView(exam, orgs, ctx.now, mayManage)]
  })
  return { items }
}

export async function getExam(ctx: CallContext, input: Input<'exam/get'>): Promise<ExamView> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const exam = await loadExam(input.examId)
  const org = orgs.get(exam.orgId)
  const mayManage = org !== undefined && can(caller.roles, 'quiz.manage', org)
  if (!examVisible(caller.roles, exam, orgs) || (exam.status === 'draft' && !mayManage))
    throw new AppError('COMMON.FORBIDDEN')
  return toExamView(exam, orgs, ctx.now, mayManage)
}
