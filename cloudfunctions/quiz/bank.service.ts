import { randomBytes, randomUUID } from 'node:crypto'

import type { z } from 'zod'

import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { _, db } from '../common/cloud'
import { chunks, fetchAll, readById, transition } from '../common/data'
import { readUpload, writeExport } from '../common/files'
import type { QuestionDoc } from '../common/quiz.docs'
import type {
  BankExport,
  BankImportReport,
  BankTags,
  QuestionPage,
  QuestionView,
  quizInputs,
} from '../contract/quiz.contract'
import { JUDGE_OPTIONS, QUESTION_TYPES, type QuestionType } from '../domain/quiz.rules'
import {
  checkBankRows,
  jsonToRows,
  type ParsedQuestion,
  questionKey,
  type RawQuestion,
  sheetToRows,
} from '../domain/quiz-import.rules'
import { can } from '../domain/roles'
import { chinaClock } from '../domain/time'
import { readBankSheet, writeBankSheet } from './bank-file'
import { authorizeBank, authorizeBankRead, IN_USE, questions, streetOf } from './quiz.store'
import { toQuestionView } from './quiz.views'

type Input<K extends keyof typeof quizInputs> = z.output<(typeof quizInputs)[K]>

function optionId(taken: Set<string>): string {
  for (;;) {
    const candidate = randomBytes(4).toString('hex').slice(0, 6)
    if (!taken.has(candidate)) {
      taken.add(candidate)
      return candidate
    }
  }
}

/** A checked question as stored; option ids are kept for options whose text did not change. */
function toDoc(
  q: ParsedQuestion,
  meta: { by: string; batch: string | null; now: number },
  previous?: QuestionDoc,
): Omit<QuestionDoc, '_id'> {
  let options: QuestionDoc['options'] = []
  if (q.type === 'judge') options = JUDGE_OPTIONS.map((o) => ({ ...o }))
  else if (q.type !== 'fill') {
    const taken = new Set<string>()
    options = q.options.map((text) => {
      const kept = previous?.options.find((o) => o.text === text && !taken.has(o.id))
      if (kept) taken.add(kept.id)
      return { id: kept?.id ?? optionId(taken), text }
    })
  }
  return {
    type: q.type,
    stem: q.stem,
    options,
    answer: q.type === 'fill' ? q.accepted : q.correct.map((i) => options[i].id),
    tags: q.tags,
    explanation: q.explanation,
    key: questionKey(q.type, q.stem),
    retired: previous?.retired ?? false,
    retiredAt: previous?.retiredAt ?? null,
    importBatch: meta.batch,
    createdBy: meta.by,
    createdAt: previous?.createdAt ?? meta.now,
    updatedAt: meta.now,
  }
}

async function existingKeys(keys: string[], except?: string): Promise<Set<string>> {
  const found = new Set<string>()
  for (const chunk of chunks([...new Set(keys)])) {
    const page = await questions()
      .where({ key: _.in(chunk) })
      .field({ key: true })
      .limit(1000)
      .get()
    for (const q of page.data) if (q._id !== except) found.add(q.key)
  }
  return found
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export async function listBank(ctx: CallContext, input: Input<'bank/list'>): Promise<QuestionPage> {
  await authorizeBankRead(ctx)
  const caller = await ctx.member()
  const mayEdit = can(caller.roles, 'bank.manage', await streetOf(ctx))
  const query: Record<string, unknown> = {}
  if (input.type) query.type = input.type
  if (input.tag) query.tags = input.tag
  if (input.keyword) query.stem = db.RegExp({ regexp: escapeRegExp(input.keyword) })
  const show = input.show ?? 'active'
  if (show === 'active') query.retired = IN_USE
  else if (show === 'retired') query.retired = true
  const offset = input.offset ?? 0
  const limit = input.limit ?? 20
  const [page, count] = await Promise.all([
    questions().where(query).orderBy('createdAt', 'desc').skip(offset).limit(limit).get(),
    questions().where(query).count(),
  ])
  return {
    items: page.data.map((q) => toQuestionView(q, mayEdit)),
    total: count.total,
    offset,
    mayEdit,
  }
}

const zeroCounts = (): Record<QuestionType, number> =>
  Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>

export async function bankTags(ctx: CallContext): Promise<BankTags> {
  await authorizeBankRead(ctx)
  const all = await fetchAll<Pick<QuestionDoc, 'type' | 'tags'>>(
    questions().where({ retired: IN_USE }).field({
      type: true,
      tags: true,
    }),
  )
  const totals = zeroCounts()
  const byTag = new Map<string, Record<QuestionType, number>>()
  for (const q of all) {
    totals[q.type]++
    for (const tag of q.tags) {
      const row = byTag.get(tag) ?? zeroCounts()
      row[q.type]++
      byTag.set(tag, row)
    }
  }
  return {
    totals,
    tags: [...byTag]
      .map(([tag, counts]) => ({ tag, counts }))
      .sort((a, b) => a.tag.localeCompare(b.tag, 'zh-CN')),
  }
}

function rawFromInput(q: Input<'bank/save'>['question']): RawQuestion {
  return {
    row: 1,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.type === 'fill' ? q.answer : q.answer.join(''),
    tags: q.tags,
    explanation: q.explanation,
  }
}

export async function saveQuestion(ctx: CallContext, input: Input<'bank/save'>): Promise<QuestionView> {
  await authorizeBank(ctx)
  const caller = await ctx.member()
  let previous: QuestionDoc | undefined
  if (input.questionId) {
    const found = await questions().where({ _id: input.questionId }).get()
    previous = found.data[0]
    if (!previous) throw new AppError('QUIZ.QUESTION_NOT_FOUND')
  }
  const raw = rawFromInput(input.question)
  const probe = checkBankRows([raw], new Set())
  if (!probe.ok) throw new AppError('QUIZ.QUESTION_INVALID', { detail: probe.errors[0].reason })
  const parsed = probe.questions[0]
  const taken = await existingKeys([questionKey(parsed.type, parsed.stem)], previous?._id)
  if (taken.size > 0) throw new AppError('QUIZ.QUESTION_INVALID', { detail: '题库中已有相同的题目' })
  const doc = toDoc(
    parsed,
    { by: caller.member._id, batch: previous?.importBatch ?? null, now: ctx.now },
    previous,
  )
  if (previous) {
    // The unique key index settles two edits that would make the same question at once.
    await questions()
      .doc(previous._id)
      .update({
        data: { ...doc, options: _.set(doc.options), answer: _.set(doc.answer), tags: _.set(doc.tags) },
      })
    return toQuestionView({ _id: previous._id, ...doc }, true)
  }
  const added = await questions().add({ data: doc })
  return toQuestionView({ _id: String(added._id), ...doc }, true)
}

/**
 * Retires a question: attempts that drew it keep their copy (and their review), no draw, fixed paper or
 * practice takes it again. The change is conditional on the question being in use, so of two retirements one
 * answers QUIZ.QUESTION_RETIRED.
 */
export async function retireQuestion(ctx: CallContext, input: Input<'bank/retire'>): Promise<QuestionView> {
  await authorizeBank(ctx)
  const question = await readById('quizQuestions', input.questionId, 'QUIZ.QUESTION_NOT_FOUND')
  await transition(
    'quizQuestions',
    question._id,
    { retired: IN_USE },
    { retired: true, retiredAt: ctx.now, updatedAt: ctx.now },
    () => new AppError('QUIZ.QUESTION_RETIRED'),
  )
  return toQuestionView({ ...question, retired: true, retiredAt: ctx.now, updatedAt: ctx.now }, true)
}

/** Removing a question never changes a paper already drawn: attempts keep their own copy. */
export async function removeQuestion(
  ctx: CallContext,
  input: Input<'bank/remove'>,
): Promise<{ removed: true }> {
  await authorizeBank(ctx)
  const removed = await questions().where({ _id: input.questionId }).remove()
  if (removed.stats.removed !== 1) throw new AppError('QUIZ.QUESTION_NOT_FOUND')
  return { removed: true }
}

/**
 * Imports a bank file: every row is checked first (against each other and the bank), any bad
 * row stops the import with every bad row number, and the rows are then written in one batch;
 * a batch that fails part-way is removed again, so nothing is half-imported.
 */
export async function importBank(ctx: CallContext, input: Input<'bank/import'>): Promise<BankImportReport> {
  await authorizeBank(ctx)
  const caller = await ctx.member()
  let rows: RawQuestion[]
  if (input.format === 'xlsx') {
    const parsed = sheetToRows(await readBankSheet(await readUpload(ctx, input.fileID, 'xlsx')))
    if (!Array.isArray(parsed)) throw new AppError('QUIZ.IMPORT_INVALID', { count: 1 }, { errors: [parsed] })
    rows = parsed
  } else rows = jsonToRows(input.questions)
  // Every type's key of each stem: the rules decide the type, so all are looked up at once.
  const keys = rows.flatMap((r) =>
    typeof r.stem === 'string' ? QUESTION_TYPES.map((t) => questionKey(t, (r.stem as string).trim())) : [],
  )
  const check = checkBankRows(rows, await existingKeys(keys))
  if (!check.ok)
    throw new AppError('QUIZ.IMPORT_INVALID', { count: check.errors.length }, { errors: check.errors })
  const batch = randomUUID()
  const docs = check.questions.map((q) => toDoc(q, { by: caller.member._id, batch, now: ctx.now }))
  try {
    for (const part of chunks(docs, 500)) await questions().add({ data: part })
  } catch (error) {
    await questions().where({ importBatch: batch }).remove()
    throw error
  }
  return { imported: docs.length }
}

/** The whole bank as an .xlsx in the import format, written to the caller's export folder. */
export async function exportBank(ctx: CallContext): Promise<BankExport> {
  await authorizeBank(ctx)
  const all = await fetchAll<QuestionDoc>(questions().where({}).orderBy('createdAt', 'asc'))
  const file = await writeExport(ctx, {
    fileName: `题库-${chinaClock(ctx.now).format('YYYYMMDD')}.xlsx`,
    ext: 'xlsx',
    bytes: await writeBankSheet(all),
  })
  return { ...file, count: all.length }
}
