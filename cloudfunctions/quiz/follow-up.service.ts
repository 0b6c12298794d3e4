import type { z } from 'zod'

import { AppError } from '../common/app-error'
import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { fetchAll } from '../common/data'
import { writeExport } from '../common/files'
import { recipientsIn, sendReminders } from '../common/reminders'
import { writeNamesSheet } from '../common/xlsx'
import type { ExportedFile } from '../contract/files.contract'
import type { ReminderOutcome } from '../contract/follow-up.contract'
import type { quizInputs } from '../contract/quiz.contract'
import { joinIds } from '../domain/ids'
import { countedAttempts } from '../domain/quiz-stats.rules'
import { examReminderData } from '../domain/reminder.rules'
import { chinaClock } from '../domain/time'
import { attempts, expected, loadExam } from './quiz.store'
import { examStats } from './stats.service'

type Input<K extends keyof typeof quizInputs> = z.output<(typeof quizInputs)[K]>

/**
 * 提醒 members who have not taken a published exam, or failed it: the caller sets exams on the organisation (a
 * 纪工委 reads, never reminds), which is the exam's or lies above or below it; every member named is expected at
 * the exam and lies in the organisation's subtree (COMMON.FORBIDDEN otherwise, nothing sent). A member who has
 * passed since the list was read is skipped; each is reminded at most once a day.
 */
export async function remindExam(ctx: CallContext, input: Input<'exam/remind'>): Promise<ReminderOutcome> {
  const exam = await loadExam(input.examId)
  if (exam.status !== 'published') throw new AppError('QUIZ.EXAM_NOT_FOUND')
  const org = await authorizeOn(ctx, 'quiz.manage', input.orgId)
  const related =
    org._id === exam.orgId || org.ancestors.includes(exam.orgId) || exam.orgPath.includes(org._id)
  if (!related) throw new AppError('QUIZ.EXAM_NOT_FOUND')
  const ids = [...new Set(input.memberIds)]
  const [found, expectedDocs, graded, caller] = await Promise.all([
    recipientsIn(org._id, ids),
    fetchAll(
      expected()
        .where({ _id: _.in(ids.map((id) => joinIds(exam._id, id))) })
        .field({ memberId: true }),
    ),
    fetchAll(
      attempts()
        .where({ examId: exam._id, memberId: _.in(ids), status: 'submitted' })
        .field({ memberId: true, n: true, score: true, passed: true }),
    ),
    ctx.member(),
  ])
  // Only those the exam expects (应考, fixed at publication).
  const isExpected = new Set(expectedDocs.map((e) => e.memberId))
  if (found.some((m) => !isExpected.has(m._id))) throw new AppError('COMMON.FORBIDDEN')
  const counted = new Map(
    countedAttempts(
      graded.map((a) => ({ ...a, score: a.score ?? 0, excellent: false, results: [] })),
      exam.counting,
    ).map((a) => [a.memberId, a]),
  )
  const behind = found.filter((m) => counted.get(m._id)?.passed !== true)
  const sent = await sendReminders(
    ctx,
    caller.member._id,
    'exam',
    exam._id,
    behind.map((m) => ({
      memberId: m._id,
      openid: m.openid,
      data: examReminderData(exam.title, counted.has(m._id) ? 'failed' : 'absent'),
    })),
  )
  return { ...sent, resolved: ids.length - behind.length }
}

/** 未参考 and 不合格 of an organisation as an .xlsx, for whoever may read its figures. */
export async function exportExamNames(
  ctx: CallContext,
  input: Input<'exam/namesExport'>,
): Promise<ExportedFile> {
  const stats = await examStats(ctx, input)
  const rows = [
    ...stats.absent.map((p) => [p.name, p.orgName, '未参考', '', p.remindedToday ? '已提醒' : '']),
    ...stats.failed.map((p) => [p.name, p.orgName, '不合格', p.score, p.remindedToday ? '已提醒' : '']),
  ]
  return writeExport(ctx, {
    fileName: `考试跟进名单-${chinaClock(ctx.now).format('YYYYMMDD')}.xlsx`,
    ext: 'xlsx',
    bytes: await writeNamesSheet(
      '跟进名单',
      `${stats.title}（${stats.orgName}）未参考${stats.absent.length}人，不合格${stats.failed.length}人`,
      ['姓名', '所在组织', '情况', '得分', '今日是否已提醒'],
      rows,
    ),
  })
}
