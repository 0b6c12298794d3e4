/**
 * 时长登记与确认 (packages/volunteer/pages/roster/index): the organiser signs a member in and out for them. Each tap
 * says which it means (代为签到 → `in`, 代为签退 → `out`), so sent again after a lost answer it is done once and
 * never turns into the other.
 */
import type { ActivityRoster, EntryView, ScanResult } from '@contract/volunteer.contract'

import { hoursLabel } from '../../cloudfunctions/domain/volunteer.rules'
import { backend, ok } from './backend'
import { loadPage } from './harness'
import { activitySummary, HOUR } from './volunteer-fixtures'

const ROSTER = 'packages/volunteer/pages/roster/index'

const startAt = Date.now() - HOUR / 2

function roster(entries: EntryView[]): ActivityRoster {
  return {
    activity: activitySummary(startAt, { signedUp: 1 }),
    signups: [{ memberId: 'm2', name: '冯浩然', at: startAt - 24 * HOUR }],
    entries,
  }
}

function entry(open: boolean): EntryView {
  return {
    id: 'act-1_m2_2026-12-02_1',
    activityId: 'act-1',
    memberId: 'm2',
    memberName: '冯浩然',
    method: 'organiser',
    signInAt: startAt,
    signOutAt: open ? null : startAt + HOUR,
    minutes: open ? null : 60,
    status: open ? 'open' : 'pending',
    reason: null,
    recordedByName: '沈静怡',
  }
}

test('代为签到 sends “in” and 代为签退 sends “out”, each as its button said', async () => {
  const sent: unknown[] = []
  let state: 'none' | 'open' | 'closed' = 'none'
  const page = await loadPage(ROSTER, {
    query: { id: 'act-1' },
    cloud: backend({
      'hours/list': () => ok(roster(state === 'none' ? [] : [entry(state === 'open')])),
      'hours/enter': (input) => {
        sent.push(input)
        state = input.direction === 'in' ? 'open' : 'closed'
        const result: ScanResult = {
          outcome: input.direction === 'in' ? 'signed_in' : 'signed_out',
          activityTitle: '楼道杂物清理',
          entry: entry(state === 'open'),
        }
        return ok(result)
      },
    }),
  })
  await page.tap('代为签到')
  await page.waitForText('代为签退')
  await page.tap('代为签退')
  await page.waitForText(` · ${hoursLabel(60)}`)
  expect(sent).toEqual([
    { activityId: 'act-1', memberId: 'm2', direction: 'in' },
    { activityId: 'act-1', memberId: 'm2', direction: 'out' },
  ])
})
