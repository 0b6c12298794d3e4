import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { fetchAll } from '../common/data'
import type { MemberDoc, OrgDoc } from '../common/docs'
import type { AttemptDoc, ExamDoc } from '../common/quiz.docs'
import { remindedToday } from '../common/reminders'
import type { FollowUpPerson } from '../contract/follow-up.contract'
import type { ExamStatsView, OrgFigures, quizInputs } from '../contract/quiz.contract'
import { countedAttempts, examFigures } from '../domain/quiz-stats.rules'
import { can, scopeRoots } from '../domain/roles'
import { finaliseExpired } from './attempt.service'
import { examVisible, loadQuestions } from './exam.service'
import { attempts, expected, loadExam, members } from './quiz.store'

type Input<K extends keyof typeof quizInputs> = z.output<(typeof quizInputs)[K]>

const GRADED_FIELDS = {
  memberId: true,
  orgPath: true,
  n: true,
  score: true,
  passed: true,
  excellent: true,
  results: true,
}

/** Where to read an exam's figures when the caller names no organisation: the widest node they may read. */
async function defaultOrg(ctx: CallContext, exam: ExamDoc): Promise<string> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const org = orgs.get(exam.orgId)
  if (org && can(caller.roles, 'stats.read', org)) return exam.orgId
  const inside = scopeRoots(caller.roles, 'stats.read', orgs).filter((r) =>
    orgs.get(r)?.ancestors.includes(exam.orgId),
  )
  if (inside.length === 0) throw new AppError('COMMON.FORBIDDEN')
  return inside[0]
}

/**
 * The figures of an exam for an organisation of the caller's subtree and, row by row, for each
 * organisation directly below it. Attempts past their deadline are graded first, so a member who
 * never pressed 交卷 is counted on what they saved.
 */
export async function examStats(ctx: CallContext, input: Input<'exam/stats'>): Promise<ExamStatsView> {
  const exam = await loadExam(input.examId)
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  if (exam.status !== 'published' || !examVisible(caller.roles, exam, orgs))
    throw new AppError('QUIZ.EXAM_NOT_FOUND')
  const org = await authorizeOn(ctx, 'stats.read', input.orgId ?? (await defaultOrg(ctx, exam)))
  const related =
    org._id === exam.orgId || org.ancestors.includes(exam.orgId) || exam.orgPath.includes(org._id)
  if (!related) throw new AppError('QUIZ.EXAM_NOT_FOUND')

  await finaliseExpired(exam, { orgPath: org._id }, ctx.now)
  const [expectedDocs, graded, people, reminded] = await Promise.all([
    fetchAll(
      expected().where({ examId: exam._id, orgPath: org._id }).field({
        memberId: true,
        orgPath: true,
      }),
    ),
    fetchAll<AttemptDoc>(
      attempts().where({ examId: exam._id, orgPath: org._id, status: 'submitted' }).field(GRADED_FIELDS),
    ),
    fetchAll(members().where({ orgPath: org._id }).field({ name: true, orgId: true })),
    remindedToday('exam', exam._id, ctx.now),
  ])
  const counted = countedAttempts(
    graded.map((a) => ({ ...a, score: a.score ?? 0 })),
    exam.counting,
  )
  const figures = examFigures(new Set(expectedDocs.map((e) => e.memberId)), counted)

  const children: OrgFigures[] = [...orgs.values()]
    .filter((o) => o.parentId === org._id)
    .sort((a, b) => a.order - b.order)
    .map((child) => {
      const ids = new Set(expectedDocs.filter((e) => e.orgPath.includes(child._id)).map((e) => e.memberId))
      const f = examFigures(
        ids,
        counted.filter((a) => ids.has(a.memberId)),
      )
      return {
        orgId: child._id,
        orgName: child.name,
        expected: f.expected,
        participated: f.participated,
        passed: f.passed,
        excellent: f.excellent,
      }
    })
    .filter((row) => row.expected > 0)

  const bank = await loadQuestions(figures.questions.map((q) => q.questionId))
  const typeOf = new Map(graded.flatMap((a) => a.results.map((r) => [r.questionId, r] as const)))
  return {
    examId: exam._id,
    title: exam.title,
    orgId: org._id,
    orgName: org.name,
    passLine: exam.passLine,
    excellentLine: exam.excellentLine,
    counting: exam.counting,
    expected: figures.expected,
    participated: figures.participated,
    participationRate: figures.participationRate,
    passed: figures.passed,
    excellent: figures.excellent,
    distribution: figures.distribution,
    // Stems only: item analysis never carries an answer, since a secretary may sit the exam too.
    questions: figures.questions.map((q) => {
      const known = typeOf.get(q.questionId)
      return {
        ...q,
        stem: bank.get(q.questionId)?.stem ?? '（该题已从题库删除）',
        type: bank.get(q.questionId)?.type ?? known?.type ?? 'single',
        tags: known?.tags ?? [],
      }
    }),
    tags: figures.tags,
    children,
    ...followUp(expectedDocs, counted, people, orgs, reminded),
  }
}

/** 未参考 and 不合格 by name, in tree order of their organisation, then by name. */
function followUp(
  expectedDocs: readonly { memberId: string }[],
  counted: readonly { memberId: string; passed: boolean; score: number }[],
  people: readonly Pick<MemberDoc, '_id' | 'name' | 'orgId'>[],
  orgs: ReadonlyMap<string, OrgDoc>,
  reminded: ReadonlySet<string>,
): Pick<ExamStatsView, 'absent' | 'failed' | 'remindedToday'> {
  const byId = new Map(people.map((m) => [m._id, m]))
  const countedOf = new Map(counted.map((a) => [a.memberId, a]))
  const person = (memberId: string): FollowUpPerson => {
    const m = byId.get(memberId)
    return {
      memberId,
      // A member removed from the roster after publication still counts in 应考.
      name: m?.name ?? '（已移出花名册）',
      orgName: (m && orgs.get(m.orgId)?.name) ?? '',
      remindedToday: reminded.has(memberId),
    }
  }
  const order = (a: FollowUpPerson, b: FollowUpPerson) =>
    a.orgName.localeCompare(b.orgName, 'zh') || a.name.localeCompare(b.name, 'zh')
  const ids = [...new Set(expectedDocs.map((e) => e.memberId))]
  const absent = ids
    .filter((id) => !countedOf.has(id))
    .map(person)
    .sort(order)
  const failed = ids
    .flatMap((id) => {
      const a = countedOf.get(id)
      return a && !a.passed ? [{ ...person(id), score: a.score }] : []
    })
    .sort(order)
  return {
    absent,
    failed,
    remindedToday: [...absent, ...failed].filter((p) => p.remindedToday).length,
  }
}
