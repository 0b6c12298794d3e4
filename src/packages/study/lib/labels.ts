import type { AttendanceStatus } from '@contract/study.contract'

import type { CheckinMethod } from '../../../../cloudfunctions/domain/study.rules'

export type Tone = 'ok' | 'warn' | 'bad' | 'plain'

/** How a member's attendance reads on every screen: 补签/补学 show as such, not as 已签到. */
export function statusLabel(
  status: AttendanceStatus | 'upcoming',
  method: CheckinMethod | null,
): { text: string; tone: Tone } {
  if ((status === 'present' || status === 'late') && method === 'makeup_sign')
    return { text: '补签', tone: 'warn' }
  if ((status === 'present' || status === 'late') && method === 'makeup_study')
    return { text: '补学', tone: 'warn' }
  switch (status) {
    case 'present':
      return { text: '已签到', tone: 'ok' }
    case 'late':
      return { text: '迟到', tone: 'warn' }
    case 'leave':
      return { text: '请假', tone: 'plain' }
    case 'leave_pending':
      return { text: '请假待批', tone: 'plain' }
    case 'absent':
      return { text: '缺席', tone: 'bad' }
    case 'visitor':
      return { text: '列席', tone: 'ok' }
    case 'upcoming':
      return { text: '未开始', tone: 'plain' }
  }
}

export const LEAVE_LABELS = { pending: '待审批', approved: '已同意', declined: '未同意' } as const
