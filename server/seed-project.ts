import type { MemberDoc, OrgDoc, RollupDoc } from '../cloudfunctions/common/docs'
import type { ProjectDoc } from '../cloudfunctions/common/project.docs'
import { projectRollup } from '../cloudfunctions/domain/project.rollup'
import { bucketId, nestCounts, sumContributions } from '../cloudfunctions/domain/rollup.rules'
import { dateOf } from '../cloudfunctions/domain/time'

const DAY = 24 * 60 * 60 * 1000

/**
 * 为民办实事 of the demo street: 和平社区's 无障碍坡道改造, completed a month ago through its 文明交通劝导 (260 受益人次),
 * its 关爱空巢老人结对帮扶 under way through the 上门陪伴 activity in three days, and the street's 长者食堂, planned.
 * The completed one's rollup is written from the rule the function uses.
 */
export function demoProjects(
  now: number,
  orgs: readonly OrgDoc[],
  secretary: MemberDoc,
  admin: MemberDoc | undefined,
): { projects: ProjectDoc[]; rollups: RollupDoc[] } {
  const c1 = orgs.find((o) => o._id === 'org-c1')
  const street = orgs.find((o) => o.type === 'street')
  if (!c1 || !street) return { projects: [], rollups: [] }
  const project = (id: string, org: OrgDoc, patch: Partial<ProjectDoc>): ProjectDoc => ({
    _id: id,
    title: '',
    description: '',
    orgId: org._id,
    orgPath: [...org.ancestors, org._id],
    partner: null,
    startDate: dateOf(now - 60 * DAY),
    endDate: dateOf(now + 60 * DAY),
    status: 'planned',
    beneficiaries: null,
    activityIds: [],
    rev: 0,
    createdBy: secretary._id,
    createdAt: now - 60 * DAY,
    updatedAt: now - 60 * DAY,
    startedAt: null,
    completedAt: null,
    cancelledAt: null,
    reason: null,
    ...patch,
  })
  const projects = [
    project('demo-project-ramp', c1, {
      title: '无障碍坡道改造',
      description: '为幸福里小区3栋、5栋楼门口加装无障碍坡道和扶手，方便老人和轮椅出行',
      partner: '区住建局',
      startDate: dateOf(now - 60 * DAY),
      endDate: dateOf(now - 30 * DAY),
      status: 'done',
      beneficiaries: 260,
      activityIds: ['demo-vol-traffic'],
      rev: 2,
      startedAt: now - 58 * DAY,
      completedAt: now - 30 * DAY,
      updatedAt: now - 30 * DAY,
    }),
    project('demo-project-elderly', c1, {
      title: '关爱空巢老人结对帮扶',
      description: '党员与社区空巢老人结对，每月上门陪伴、代办和健康提醒',
      startDate: dateOf(now - 20 * DAY),
      endDate: dateOf(now + 100 * DAY),
      status: 'active',
      activityIds: ['demo-vol-elderly'],
      rev: 1,
      startedAt: now - 20 * DAY,
      updatedAt: now - 20 * DAY,
    }),
    project('demo-project-canteen', street, {
      title: '街道长者食堂',
      description: '在街道党群服务中心开设长者食堂，为70岁以上老人提供优惠午餐',
      partner: '街道社区卫生服务中心',
      startDate: dateOf(now + 10 * DAY),
      endDate: dateOf(now + 180 * DAY),
      createdBy: admin?._id ?? secretary._id,
    }),
  ]
  const buckets = sumContributions(projects.flatMap(projectRollup))
  const rollups = [...buckets.values()].map((b) => ({
    _id: bucketId(b.orgId, b.month),
    orgId: b.orgId,
    orgPath: b.orgPath,
    month: b.month,
    c: nestCounts(b.counts),
  }))
  return { projects, rollups }
}
