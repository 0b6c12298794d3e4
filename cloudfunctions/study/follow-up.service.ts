import type * as z from 'zod'

import { authorizeOn } from '../common/auth'
import type { CallContext } from '../common/caller'
import { _ } from '../common/cloud'
import { fetchAll } from '../common/data'
import { writeExport } from '../common/files'
import { recipientsIn, sendReminders } from '../common/reminders'
import { writeNamesSheet } from '../common/xlsx'
import type { ExportedFile } from '../contract/files.contract'
import type { ReminderOutcome } from '../contract/follow-up.contract'
import type { studyInputs } from '../contract/study.contract'
import { studyReminderData } from '../domain/reminder.rules'
import { MONTHLY_STUDY_REQUIRED } from '../domain/study.rules'
import { chinaClock, monthLabel } from '../domain/time'
import { ruleReport } from './attendance.service'
import { checkins } from './study.store'

type Input<K extends keyof typeof studyInputs> = z.output<(typeof studyInputs)[K]>

/**
 * 提醒 the members of a node below 每月2次 for the month: the caller manages the node's sessions (a 纪工委 reads,
 * never reminds), every member named lies in its subtree (COMMON.FORBIDDEN otherwise, nothing sent), and a member
 * who has studied enough since the list was read is skipped. Each is reminded at most once a day.
 */
export async function remindStudy(ctx: CallContext, input: Input<'study/remind'>): Promise<ReminderOutcome> {
  const org = await authorizeOn(ctx, 'session.manage', input.orgId)
  const ids = [...new Set(input.memberIds)]
  const [found, records, caller] = await Promise.all([
    recipientsIn(org._id, ids),
    fetchAll(
      checkins()
        .where({ month: input.month, memberId: _.in(ids), format: 'theory' })
        .field({ memberId: true }),
    ),
    ctx.member(),
  ])
  const counts = new Map<string, number>()
  for (const r of records) counts.set(r.memberId, (counts.get(r.memberId) ?? 0) + 1)
  const behind = found.filter((m) => (counts.get(m._id) ?? 0) < MONTHLY_STUDY_REQUIRED)
  const sent = await sendReminders(
    ctx,
    caller.member._id,
    'study',
    input.month,
    behind.map((m) => ({
      memberId: m._id,
      openid: m.openid,
      data: studyReminderData(input.month, counts.get(m._id) ?? 0, MONTHLY_STUDY_REQUIRED),
    })),
  )
  return { ...sent, resolved: ids.length - behind.length }
}

/** The members below 每月2次 as an .xlsx, for whoever may read the node's figures. */
export async function exportRule(ctx: CallContext, input: Input<'study/ruleExport'>): Promise<ExportedFile> {
  const report = await ruleReport(ctx, input)
  const org = (await ctx.orgs()).get(input.orgId)
  const title = `${org?.name ?? ''} ${monthLabel(input.month)}未达到每月${report.required}次理论学习的党员（${report.below.length}人）`
  return writeExport(ctx, {
    fileName: `学习未达标-${input.month}-${chinaClock(ctx.now).format('YYYYMMDD')}.xlsx`,
    ext: 'xlsx',
    bytes: await writeNamesSheet(
      '学习未达标',
      title,
      ['姓名', '所在组织', '本月理论学习次数', '今日是否已提醒'],
      report.below.map((m) => [m.name, m.orgName, m.count, m.remindedToday ? '已提醒' : '']),
    ),
  })
}
