import * as z from 'zod'

import {
  MAX_COMPLETION_PHOTOS,
  MAX_DURATION_MINUTES,
  VISIT_LIMIT_FIELDS,
  VISIT_MESSAGE_KINDS,
  VISIT_SLOT_KEYS,
  VISIT_TYPE_KEYS,
  type VisitLimits,
  type VisitStatus,
  type VisitStep,
  type VisitType,
} from '../domain/visit.rules'
import { id, paging, shortText, submitKey } from './common.schema'
import { fileID } from './files.contract'

/** A mainland mobile number: 11 digits starting with 1, or a landline with its area code (0xx-xxxxxxx). */
const phone = z
  .string({ error: '联系电话应为文字' })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的座机号')

const note = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}字`)

const limit = (key: keyof VisitLimits) => {
  const { label, max } = VISIT_LIMIT_FIELDS[key]
  return z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(1, `${label}至少为1`)
    .max(max, `${label}不能超过${max}`)
}

export const visitInputs = {
  /** The communities a resident may send a request to, and the caller's own when they are a member. */
  'visit/communities': z.strictObject({}),
  'visit/submit': z.strictObject({
    serviceType: z.enum(VISIT_TYPE_KEYS, { error: '服务类别不正确' }),
    orgId: id,
    address: shortText('地址', 100),
    phone,
    preferredDate: z
      .string({ error: '期望日期应为文字' })
      .regex(/^\d{4}-\d{2}-\d{2}$/, '期望日期格式不正确')
      .nullable(),
    preferredSlot: z.enum(VISIT_SLOT_KEYS, { error: '期望时段不正确' }).nullable(),
    description: shortText('需求说明', 300),
    photo: fileID.nullable(),
    /** The form's own key: sent again (a dropped connection, a second tap), the request is stored once. */
    submitKey,
  }),
  /** The caller's own requests, newest first. */
  'visit/mine': z.strictObject({}),
  'visit/get': z.strictObject({ visitId: id }),
  /** The resident's phone and address, for the community's secretaries and the accepted assignee; logged. */
  'visit/contact': z.strictObject({ visitId: id }),
  'visit/cancel': z.strictObject({ visitId: id, reason: note('取消原因', 100) }),
  /** A secretary's list of the community's requests. */
  'visit/queue': z.strictObject({
    orgId: id,
    view: z.enum(['waiting', 'overdue', 'active', 'done'], { error: '列表类别不正确' }),
    ...paging,
  }),
  /** Members of the request's community the secretary may send it to. */
  'visit/assignees': z.strictObject({ visitId: id }),
  'visit/dispatch': z.strictObject({ visitId: id, assigneeId: id }),
  'visit/reject': z.strictObject({ visitId: id, reason: shortText('原因', 100) }),
  /** The assignee's tasks: sent to them and under way, then the last completed. */
  'visit/tasks': z.strictObject({}),
  'visit/accept': z.strictObject({ visitId: id }),
  'visit/decline': z.strictObject({ visitId: id, reason: shortText('原因', 100) }),
  'visit/complete': z.strictObject({
    visitId: id,
    durationMinutes: z
      .number({ error: '服务时长应为数字' })
      .int('服务时长应为整数分钟')
      .min(1, '服务时长至少1分钟')
      .max(MAX_DURATION_MINUTES, `服务时长不能超过${MAX_DURATION_MINUTES}分钟`),
    notes: shortText('服务情况', 300),
    photos: z
      .array(fileID, { error: '照片应为列表' })
      .max(MAX_COMPLETION_PHOTOS, `照片最多${MAX_COMPLETION_PHOTOS}张`),
  }),
  'visit/confirm': z.strictObject({
    visitId: id,
    rating: z
      .number({ error: '评分应为数字' })
      .int('评分应为1到5的整数')
      .min(1, '评分应为1到5')
      .max(5, '评分应为1到5'),
    comment: note('评价', 200),
  }),
  /** Subscribe messages the person granted from a tap (`requestSubscribeMessage` answered 'accept'). */
  'visit/subscribe': z.strictObject({
    kinds: z
      .array(z.enum(VISIT_MESSAGE_KINDS, { error: '消息类别不正确' }))
      .min(1)
      .max(2),
  }),
  'visit/settings': z.strictObject({}),
  'visit/saveSettings': z.strictObject({
    dispatchHours: limit('dispatchHours'),
    acceptHours: limit('acceptHours'),
    completeHours: limit('completeHours'),
    confirmDays: limit('confirmDays'),
    escalateHours: limit('escalateHours'),
  }),
}

export interface CommunityOption {
  id: string
  name: string
}

export interface VisitCommunities {
  communities: CommunityOption[]
  /** The caller's own community when they are a member, to preselect. */
  mine: string | null
}

/** What the viewer may do with a request now (the server checks again). */
export interface VisitActions {
  cancel: boolean
  confirm: boolean
  dispatch: boolean
  reject: boolean
  accept: boolean
  decline: boolean
  complete: boolean
  /** May read the phone and address (visit/contact). */
  contact: boolean
}

export interface VisitView {
  id: string
  serviceType: VisitType
  serviceLabel: string
  orgId: string
  orgName: string
  status: VisitStatus
  statusLabel: string
  /** The progress in plain words, for the resident. */
  progress: string
  description: string
  /** Masked unless the viewer is the resident: 幸福里****, 138****5678. */
  address: string
  phone: string
  preferredLabel: string
  submittedAt: number
  dispatchedAt: number | null
  acceptedAt: number | null
  completedAt: number | null
  confirmedAt: number | null
  endedAt: number | null
  assigneeName: string | null
  dispatcherName: string | null
  reason: string | null
  declines: number
  durationMinutes: number | null
  notes: string | null
  rating: number | null
  comment: string | null
  autoConfirmed: boolean
  dueStep: VisitStep | null
  dueAt: number | null
  overdue: boolean
  escalated: boolean
  hasPhoto: boolean
  /** Temporary URLs of the photos, in the detail only (visit/get). */
  photoUrls: string[]
  /** How many photos the assignee added on completion (their URLs come with visit/get). */
  completionPhotos: number
  completionPhotoUrls: string[]
  mine: boolean
  can: VisitActions
}

export interface VisitContact {
  phone: string
  address: string
}

export interface VisitQueue {
  items: VisitView[]
  total: number
  /** Counts for the tabs: waiting for dispatch, overdue. */
  waiting: number
  overdue: number
}

export interface AssigneeOption {
  id: string
  name: string
  orgName: string
  /** Tasks sent to them and not yet completed. */
  openTasks: number
}

/** Subscribe messages the person granted and we have not used, per kind. */
export interface VisitGrants {
  granted: Record<string, number>
}

export interface VisitSettingsView extends VisitLimits {
  streetId: string
  /** Whether the caller may change them (the street admin). */
  editable: boolean
}

export interface VisitOutputs {
  'visit/communities': VisitCommunities
  'visit/submit': VisitView
  'visit/mine': VisitView[]
  'visit/get': VisitView
  'visit/contact': VisitContact
  'visit/cancel': VisitView
  'visit/queue': VisitQueue
  'visit/assignees': AssigneeOption[]
  'visit/dispatch': VisitView
  'visit/reject': VisitView
  'visit/tasks': VisitView[]
  'visit/accept': VisitView
  'visit/decline': VisitView
  'visit/complete': VisitView
  'visit/confirm': VisitView
  'visit/subscribe': VisitGrants
  'visit/settings': VisitSettingsView
  'visit/saveSettings': VisitSettingsView
}
