import type { ProjectStatus } from '../domain/project.rules'

/**
 * Stored shape of a 为民办实事 project (volunteer/project.service.ts). It holds no personal data: who created or
 * moved it is a member id, never shown to residents.
 */
export interface ProjectDoc {
  _id: string
  title: string
  description: string
  /** The organising node; its secretaries and those above manage the project. */
  orgId: string
  orgPath: string[]
  /** 共建单位, when the project is carried out with one. */
  partner: string | null
  /** The planned period, China dates "YYYY-MM-DD". */
  startDate: string
  endDate: string
  status: ProjectStatus
  /**
   * 受益人次 as the organiser entered it (at completion, updated since). Not added to the statistics' 受益 total:
   * the linked activities already count their own there (README, Design notes).
   */
  beneficiaries: number | null
  /** Volunteer activities of the organising node's subtree the project was carried out through. */
  activityIds: string[]
  /** Raised by every edit: an edit made from a form read before another edit is refused (PROJECT.CHANGED). */
  rev: number
  createdBy: string
  createdAt: number
  updatedAt: number
  startedAt: number | null
  completedAt: number | null
  cancelledAt: number | null
  /** Why it was cancelled. */
  reason: string | null
}
