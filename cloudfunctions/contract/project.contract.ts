/**
 * 为民办实事 (routes `project/*` of the volunteer function): the inputs of each action and the views it returns.
 * A project's views carry no personal data (no member names, no phones): residents read them.
 */
import * as z from 'zod'

import {
  MAX_BENEFICIARIES,
  MAX_LINKED_ACTIVITIES,
  PROJECT_MOVE_KEYS,
  type ProjectMove,
  type ProjectStatus,
} from '../domain/project.rules'
import type { ActivityStatus, ServiceType } from '../domain/volunteer.rules'
import { id, shortText, submitKey } from './common.schema'

const date = (label: string) =>
  z.string({ error: `${label}应为文字` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应如 2026-03-01`)
const beneficiaries = z
  .number({ error: '受益人次应为数字' })
  .int('受益人次应为整数')
  .min(0, '受益人次不能为负数')
  .max(MAX_BENEFICIARIES, '受益人次过大')
const activityIds = z
  .array(id, { error: '关联活动应为列表' })
  .max(MAX_LINKED_ACTIVITIES, `最多关联${MAX_LINKED_ACTIVITIES}个志愿活动`)

/** The year a list shows (the current one when not given): a community runs a few dozen projects a year. */
const listYear = z
  .number({ error: '年份应为数字' })
  .int('年份不正确')
  .min(2000, '年份不正确')
  .max(2100, '年份不正确')
  .optional()

/** What a secretary fills in; the organising node is fixed at creation. */
const projectFields = {
  title: shortText('项目名称', 60),
  description: shortText('项目内容', 500),
  partner: shortText('共建单位', 60).nullable(),
  startDate: date('开始日期'),
  endDate: date('结束日期'),
  activityIds,
}

export const projectInputs = {
  /**
   * A secretary creates a project of a node within their reach; it starts 计划中. `submitKey`: the form's own
   * key, so a form sent again is one project (common.schema.ts).
   */
  'project/create': z.strictObject({ ...projectFields, orgId: id, submitKey }),
  /**
   * Edits a project (not a cancelled one): `rev` is the revision the form was read at, so an edit made over
   * another's is refused. 受益人次 may be entered or corrected here at any time after completion.
   */
  'project/update': z.strictObject({
    ...projectFields,
    projectId: id,
    rev: z
      .number({ error: '版本应为数字' })
      .int('版本应为整数')
      .min(0, '版本不正确')
      .max(1_000_000, '版本不正确'),
    beneficiaries: beneficiaries.nullable(),
  }),
  /** 开始实施, 标记完成 (with 受益人次) or 取消 (with a reason). */
  'project/move': z.strictObject({
    projectId: id,
    move: z.enum(PROJECT_MOVE_KEYS as [ProjectMove, ...ProjectMove[]], { error: '操作不正确' }),
    beneficiaries: beneficiaries.nullable(),
    reason: shortText('原因', 200).nullable(),
  }),
  /**
   * Anyone, bound or not: the projects of a community and of the street. `communityId` null: the caller's own
   * community when they are a member, else the street's projects only (a resident then picks a community).
   */
  'project/list': z.strictObject({ communityId: id.nullable(), year: listYear }),
  /** A secretary's list: every project of a node's subtree running in a year, cancelled ones included. */
  'project/manage': z.strictObject({ orgId: id, year: listYear }),
  /** One project with its linked activities; `canManage` for its secretaries. */
  'project/get': z.strictObject({ projectId: id }),
}

/** A linked volunteer activity as anyone may see it: what, when, by whom, and the 受益人次 it recorded. */
export interface ProjectActivityView {
  id: string
  title: string
  serviceType: ServiceType
  orgName: string
  startAt: number
  status: ActivityStatus
  beneficiaries: number | null
}

export interface ProjectView {
  id: string
  title: string
  description: string
  orgId: string
  orgName: string
  partner: string | null
  startDate: string
  endDate: string
  status: ProjectStatus
  beneficiaries: number | null
  /** Linked activities that still exist, in time order. */
  activities: ProjectActivityView[]
  /** Of the linked activities, the 受益人次 they recorded at their close (counted in the statistics there). */
  activityBeneficiaries: number
  reason: string | null
  rev: number
  updatedAt: number
}

export interface ProjectDetail extends ProjectView {
  /** The caller may edit and move it (a secretary of its organising node or above). */
  canManage: boolean
}

export interface ProjectList {
  /** The year listed: the projects whose period overlaps it. */
  year: number
  /** The communities of the street, for a resident to pick theirs. */
  communities: { id: string; name: string }[]
  /** The community whose projects are listed (besides the street's), or null. */
  communityId: string | null
  projects: ProjectView[]
}

export interface ProjectOutputs {
  'project/create': ProjectDetail
  'project/update': ProjectDetail
  'project/move': ProjectDetail
  'project/list': ProjectList
  'project/manage': { year: number; projects: ProjectView[] }
  'project/get': ProjectDetail
}
