import type { ActivitySummary } from '@contract/volunteer.contract'

export const HOUR = 60 * 60_000

/** An activity of 和平社区 as its summary shows it: 楼道杂物清理, two hours from `startAt`, open, three signed up. */
export function activitySummary(startAt: number, patch: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    id: 'act-1',
    title: '楼道杂物清理',
    serviceType: 'environment',
    orgId: 'org-c1',
    orgName: '和平社区党委',
    partner: null,
    place: '光明里小区',
    startAt,
    endAt: startAt + 2 * HOUR,
    plannedMinutes: 120,
    capacity: 10,
    signedUp: 3,
    status: 'open',
    beneficiaries: null,
    cancelReason: null,
    joined: false,
    ...patch,
  }
}
