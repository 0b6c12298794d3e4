import type { CallbackItemDoc, CallbackQuarterDoc } from './callback.docs'
import type {
  AuditDoc,
  CheckinDoc,
  InviteDoc,
  LeaveDoc,
  LecturerDoc,
  MemberDoc,
  OrgDoc,
  OutboxDoc,
  ReminderDoc,
  RollupDoc,
  SessionDoc,
  UserDoc,
} from './docs'
import type {
  PledgeAssignmentDoc,
  PledgeCampaignDoc,
  PledgeChainDoc,
  PledgeSigningDoc,
  PledgeTemplateDoc,
} from './pledge.docs'
import type { ProjectDoc } from './project.docs'
import type { AttemptDoc, ExamDoc, ExpectedDoc, PracticeDoc, QuestionDoc } from './quiz.docs'
import type { StudyMonthDoc } from './stats.docs'
import type { VisitDoc, VisitGrantDoc, VisitSettingsDoc } from './visit.docs'
import type { ActivityDoc, CertificateDoc, EntryDoc, MemberDayDoc, SignupDoc } from './volunteer.docs'

/**
 * Every collection, named once. Indexes are declared beside them: the local host creates
 * them at start-up, and docs/DEPLOY.md lists them for the CloudBase console. Unique indexes
 * are what make concurrent writes (double bind, double check-in) safe, so code relies on them.
 */
export const COLLECTIONS = {
  orgs: 'orgs',
  members: 'members',
  users: 'users',
  invites: 'invites',
  audit: 'audit_log',
  sessions: 'study_sessions',
  /** One per member and session; `_id` is `<sessionId>_<memberId>`, so a second check-in cannot be stored. */
  checkins: 'checkins',
  /** One per member and session; `_id` is `<sessionId>_<memberId>`. */
  leaves: 'leaves',
  lecturers: 'lecturers',
  /** The question bank; `key` (type + normalised stem) is unique, so a question cannot be stored twice. */
  quizQuestions: 'quiz_questions',
  quizExams: 'quiz_exams',
  /** 应考: one per exam and expected member, fixed at publication; `_id` is `<examId>_<memberId>`. */
  quizExpected: 'quiz_expected',
  /** `_id` is `<examId>_<memberId>_<n>`, so two starts at once cannot make two n-th attempts. */
  quizAttempts: 'quiz_attempts',
  /** 每日一练: one per member and day, `_id` `<memberId>_<YYYYMMDD>`; never part of exam figures. */
  quizPractice: 'quiz_practice',
  /** Subscribe messages sent (locally the stand-in for WeChat's delivery: the UI can show them). */
  outbox: 'outbox',
  /** Reminders sent, one per member, follow-up and day; `_id` is `<topic>_<memberId>_<YYYYMMDD>`. */
  reminders: 'reminders',
  /**
   * Monthly counts per organisation node, `_id` `<orgId>_<YYYY-MM>`, kept by atomic increments in the same call
   * as the records they count (common/rollups.ts); the statistics sum a subtree's from here.
   */
  rollups: 'rollups',
  /** Pledge template versions, `_id` `<templateId>_v<n>`: a new version per edit, none ever changed. */
  pledgeTemplates: 'pledge_templates',
  pledgeCampaigns: 'pledge_campaigns',
  /** One per campaign and assigned member, `_id` `<campaignId>_<memberId>`: 应签, fixed at creation. */
  pledgeAssignments: 'pledge_assignments',
  /** The hash chain of signings, `_id` `chain_<seq>`; `assignmentId` unique: a pledge is signed once. */
  pledgeSignings: 'pledge_signings',
  /** The chain's head (`_id` `head`). */
  pledgeChain: 'pledge_chain',
  /** 志愿服务 activities; `signedUp` is raised only below `capacity`, in the write itself. */
  volActivities: 'volunteer_activities',
  /** One per member and activity: `_id` `<activityId>_<memberId>`. */
  volSignups: 'volunteer_signups',
  /** Hours: pairs `<activityId>_<memberId>_<YYYYMMDD>_<n>` (n ≤ 3) and 补录 `<activityId>_<memberId>_makeup`. */
  volEntries: 'volunteer_entries',
  /** 志愿服务记录证明 as issued, `_id` the serial number. */
  volCertificates: 'volunteer_certificates',
  /** 上门服务 requests (visit/visit.service.ts); every status change is a guarded transition. */
  visits: 'visits',
  /** A street's home-visit time limits, `_id` the street's node. */
  visitSettings: 'visit_settings',
  /** Subscribe messages each WeChat user granted and we have not used yet, `_id` `<openid>_<kind>`. */
  visitGrants: 'visit_grants',
  /** 每月2次 tallies, one per member and month, `_id` `<memberId>_<YYYY-MM>` (common/stats.docs.ts). */
  studyMonths: 'study_member_months',
  /** 为民办实事 projects (volunteer/project.service.ts); status moves are guarded transitions. */
  projects: 'volunteer_projects',
  /** 志愿服务 hours held per member and China day, `_id` `<memberId>_<YYYYMMDD>` (the 8-hour rule's tally). */
  volMemberDays: 'volunteer_member_days',
  /** 回访核查's window-service ledger, `_id` `led` + a hash of the item: one row imported twice is one item. */
  callbackItems: 'callback_items',
  /** 回访核查 quarters, `_id` the quarter ("2026-Q4"): drawn once, calls stored in it, published once. */
  callbackQuarters: 'callback_quarters',
} as const

export type CollectionKey = keyof typeof COLLECTIONS
export type CollectionName = (typeof COLLECTIONS)[CollectionKey]

/**
 * What each collection stores, declared once: the data-access kit (common/data.ts) types every read and write
 * by it, so services never cast what they read.
 */
export interface Stored {
  orgs: OrgDoc
  members: MemberDoc
  users: UserDoc
  invites: InviteDoc
  audit: AuditDoc
  sessions: SessionDoc
  checkins: CheckinDoc
  leaves: LeaveDoc
  lecturers: LecturerDoc
  quizQuestions: QuestionDoc
  quizExams: ExamDoc
  quizExpected: ExpectedDoc
  quizAttempts: AttemptDoc
  quizPractice: PracticeDoc
  outbox: OutboxDoc
  reminders: ReminderDoc
  rollups: RollupDoc
  pledgeTemplates: PledgeTemplateDoc
  pledgeCampaigns: PledgeCampaignDoc
  pledgeAssignments: PledgeAssignmentDoc
  pledgeSignings: PledgeSigningDoc
  pledgeChain: PledgeChainDoc
  volActivities: ActivityDoc
  volSignups: SignupDoc
  volEntries: EntryDoc
  volCertificates: CertificateDoc
  visits: VisitDoc
  visitSettings: VisitSettingsDoc
  visitGrants: VisitGrantDoc
  studyMonths: StudyMonthDoc
  projects: ProjectDoc
  volMemberDays: MemberDayDoc
  callbackItems: CallbackItemDoc
  callbackQuarters: CallbackQuarterDoc
}

export interface IndexSpec {
  collection: CollectionName
  name: string
  fields: Record<string, 1 | -1>
  unique?: boolean
}

export const INDEXES: readonly IndexSpec[] = [
  { collection: COLLECTIONS.orgs, name: 'parent_name', fields: { parentId: 1, name: 1 }, unique: true },
  { collection: COLLECTIONS.orgs, name: 'ancestors', fields: { ancestors: 1 } },
  { collection: COLLECTIONS.members, name: 'phone', fields: { phone: 1 }, unique: true },
  { collection: COLLECTIONS.members, name: 'openid', fields: { openid: 1 } },
  { collection: COLLECTIONS.members, name: 'org_path', fields: { orgPath: 1, name: 1 } },
  { collection: COLLECTIONS.members, name: 'roles_org', fields: { 'roles.orgId': 1 } },
  {
    collection: COLLECTIONS.members,
    name: 'org_history',
    fields: { 'orgHistory.orgPath': 1, 'orgHistory.from': 1 },
  },
  { collection: COLLECTIONS.invites, name: 'member', fields: { memberId: 1 } },
  { collection: COLLECTIONS.audit, name: 'org_time', fields: { orgId: 1, at: -1 } },
  { collection: COLLECTIONS.sessions, name: 'org_start', fields: { orgPath: 1, startAt: 1 } },
  { collection: COLLECTIONS.sessions, name: 'month_org', fields: { month: 1, orgPath: 1 } },
  { collection: COLLECTIONS.sessions, name: 'static_code', fields: { staticCode: 1 } },
  { collection: COLLECTIONS.checkins, name: 'session', fields: { sessionId: 1 } },
  { collection: COLLECTIONS.checkins, name: 'month_member', fields: { month: 1, memberId: 1 } },
  { collection: COLLECTIONS.checkins, name: 'month_org', fields: { month: 1, orgPath: 1 } },
  { collection: COLLECTIONS.leaves, name: 'session', fields: { sessionId: 1 } },
  { collection: COLLECTIONS.lecturers, name: 'org', fields: { orgPath: 1 } },
  { collection: COLLECTIONS.quizQuestions, name: 'key', fields: { key: 1 }, unique: true },
  { collection: COLLECTIONS.quizQuestions, name: 'type_tags', fields: { type: 1, tags: 1 } },
  { collection: COLLECTIONS.quizExams, name: 'org_path', fields: { orgPath: 1, createdAt: -1 } },
  { collection: COLLECTIONS.quizExpected, name: 'exam_org', fields: { examId: 1, orgPath: 1 } },
  { collection: COLLECTIONS.quizExpected, name: 'member', fields: { memberId: 1 } },
  { collection: COLLECTIONS.quizAttempts, name: 'exam_member', fields: { examId: 1, memberId: 1 } },
  { collection: COLLECTIONS.quizAttempts, name: 'exam_org', fields: { examId: 1, orgPath: 1, status: 1 } },
  { collection: COLLECTIONS.reminders, name: 'topic_day', fields: { topic: 1, day: 1 } },
  { collection: COLLECTIONS.rollups, name: 'month_org', fields: { month: 1, orgPath: 1 } },
  // Found by tests/indexes/index-coverage.test.ts: the street-admin count of member/setRoles, a member's open
  // practice and exam attempts, exam/list's and session/list's branch over the nodes above the caller (by orgId).
  { collection: COLLECTIONS.members, name: 'roles_role', fields: { 'roles.role': 1 } },
  { collection: COLLECTIONS.quizAttempts, name: 'member_status', fields: { memberId: 1, status: 1 } },
  { collection: COLLECTIONS.quizExams, name: 'org_created', fields: { orgId: 1, createdAt: -1 } },
  { collection: COLLECTIONS.sessions, name: 'month_org_start', fields: { month: 1, orgId: 1, startAt: 1 } },
  {
    collection: COLLECTIONS.pledgeTemplates,
    name: 'template_version',
    fields: { templateId: 1, version: 1 },
  },
  { collection: COLLECTIONS.pledgeCampaigns, name: 'org_path', fields: { orgPath: 1, createdAt: -1 } },
  { collection: COLLECTIONS.pledgeAssignments, name: 'member', fields: { memberId: 1 } },
  { collection: COLLECTIONS.pledgeAssignments, name: 'campaign_org', fields: { campaignId: 1, orgPath: 1 } },
  {
    collection: COLLECTIONS.pledgeSignings,
    name: 'assignment',
    fields: { assignmentId: 1 },
    unique: true,
  },
  { collection: COLLECTIONS.pledgeSignings, name: 'seq', fields: { seq: 1 } },
  { collection: COLLECTIONS.volActivities, name: 'org_start', fields: { orgPath: 1, startAt: 1 } },
  { collection: COLLECTIONS.volSignups, name: 'activity', fields: { activityId: 1, status: 1 } },
  { collection: COLLECTIONS.volSignups, name: 'member', fields: { memberId: 1, activityStartAt: -1 } },
  { collection: COLLECTIONS.volEntries, name: 'activity', fields: { activityId: 1, status: 1 } },
  { collection: COLLECTIONS.volEntries, name: 'member_activity', fields: { memberId: 1, activityId: 1 } },
  { collection: COLLECTIONS.volEntries, name: 'member_day', fields: { memberId: 1, day: 1 } },
  { collection: COLLECTIONS.volEntries, name: 'member_year', fields: { memberId: 1, year: 1 } },
  { collection: COLLECTIONS.visits, name: 'resident', fields: { residentOpenid: 1, submittedAt: -1 } },
  { collection: COLLECTIONS.visits, name: 'org_status_due', fields: { orgPath: 1, status: 1, dueAt: 1 } },
  { collection: COLLECTIONS.visits, name: 'org_status', fields: { orgPath: 1, status: 1, submittedAt: -1 } },
  { collection: COLLECTIONS.visits, name: 'assignee', fields: { assigneeId: 1, submittedAt: -1 } },
  { collection: COLLECTIONS.visits, name: 'due', fields: { dueStep: 1, dueAt: 1 } },
  { collection: COLLECTIONS.visitGrants, name: 'openid', fields: { openid: 1 } },
  { collection: COLLECTIONS.studyMonths, name: 'month_org', fields: { month: 1, orgPath: 1, theory: 1 } },
  { collection: COLLECTIONS.leaves, name: 'org_start', fields: { orgPath: 1, startAt: 1 } },
  { collection: COLLECTIONS.quizExpected, name: 'org_at', fields: { orgPath: 1, at: 1 } },
  { collection: COLLECTIONS.quizExams, name: 'org_opens', fields: { orgPath: 1, opensAt: 1 } },
  // Found by the index-coverage check after the capabilities merged: the statistics' records, exports and to-do,
  // the rebuild's paged reads of a status, and three lists of the new capabilities.
  { collection: COLLECTIONS.checkins, name: 'by_format__id', fields: { format: 1, _id: 1 } },
  {
    collection: COLLECTIONS.checkins,
    name: 'by_orgPath_month_visitor_at',
    fields: { orgPath: 1, month: 1, visitor: 1, at: -1 },
  },
  {
    collection: COLLECTIONS.pledgeAssignments,
    name: 'by_orgPath_assignedAt__id',
    fields: { orgPath: 1, assignedAt: 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.pledgeAssignments,
    name: 'by_orgPath_deadline_status',
    fields: { orgPath: 1, deadline: 1, status: 1 },
  },
  {
    collection: COLLECTIONS.pledgeAssignments,
    name: 'by_memberId_assignedAt',
    fields: { memberId: 1, assignedAt: -1 },
  },
  {
    collection: COLLECTIONS.pledgeAssignments,
    name: 'by_orgPath_signedAt_status__id',
    fields: { orgPath: 1, signedAt: 1, status: 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.pledgeCampaigns,
    name: 'by_orgId_createdAt',
    fields: { orgId: 1, createdAt: -1 },
  },
  { collection: COLLECTIONS.quizAttempts, name: 'by_status__id', fields: { status: 1, _id: 1 } },
  { collection: COLLECTIONS.quizExams, name: 'by_status__id', fields: { status: 1, _id: 1 } },
  {
    collection: COLLECTIONS.quizExpected,
    name: 'by_orgPath_at_counted__id',
    fields: { orgPath: 1, at: 1, counted: 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.quizExpected,
    name: 'by_orgPath_at_counted_excellent__id',
    fields: { orgPath: 1, at: 1, 'counted.excellent': 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.quizExpected,
    name: 'by_orgPath_at_counted_passed__id',
    fields: { orgPath: 1, at: 1, 'counted.passed': 1, _id: 1 },
  },
  { collection: COLLECTIONS.quizExpected, name: 'by_orgPath_at__id', fields: { orgPath: 1, at: 1, _id: 1 } },
  { collection: COLLECTIONS.rollups, name: 'by_month__id', fields: { month: 1, _id: 1 } },
  {
    collection: COLLECTIONS.studyMonths,
    name: 'by_orgPath_month_theory_memberId',
    fields: { orgPath: 1, month: 1, theory: 1, memberId: 1 },
  },
  {
    collection: COLLECTIONS.visits,
    name: 'by_orgPath_completedAt_late_submittedAt',
    fields: { orgPath: 1, completedAt: 1, late: 1, submittedAt: -1 },
  },
  {
    collection: COLLECTIONS.visits,
    name: 'by_orgPath_completedAt_submittedAt',
    fields: { orgPath: 1, completedAt: 1, submittedAt: -1 },
  },
  {
    collection: COLLECTIONS.visits,
    name: 'by_orgPath_confirmedAt_rating_submittedAt',
    fields: { orgPath: 1, confirmedAt: 1, rating: 1, submittedAt: -1 },
  },
  { collection: COLLECTIONS.volActivities, name: 'by_orgId_startAt', fields: { orgId: 1, startAt: 1 } },
  {
    collection: COLLECTIONS.volEntries,
    name: 'by_orgPath_activityStartAt_method_status__id',
    fields: { orgPath: 1, activityStartAt: 1, method: 1, status: 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.volSignups,
    name: 'by_orgPath_activityStartAt_participated__id',
    fields: { orgPath: 1, activityStartAt: 1, participated: 1, _id: 1 },
  },
  // Found when every figure's records were opened on the seeded year (tests/functions/seed-rollups.test.ts): the
  // records of 按时签订/逾期未签, 确认完成/自动确认/受益 and 响应时间.
  {
    collection: COLLECTIONS.pledgeAssignments,
    name: 'by_orgPath_deadline__id',
    fields: { orgPath: 1, deadline: 1, _id: 1 },
  },
  {
    collection: COLLECTIONS.visits,
    name: 'by_orgPath_confirmedAt_submittedAt',
    fields: { orgPath: 1, confirmedAt: 1, submittedAt: -1 },
  },
  {
    collection: COLLECTIONS.visits,
    name: 'by_orgPath_acceptedAt_submittedAt',
    fields: { orgPath: 1, acceptedAt: 1, submittedAt: -1 },
  },
  // 为民办实事: a community's projects (its subtree) and the street's own, newest planned first.
  { collection: COLLECTIONS.projects, name: 'org_path_start', fields: { orgPath: 1, startDate: -1 } },
  { collection: COLLECTIONS.projects, name: 'org_start', fields: { orgId: 1, startDate: -1 } },
  // The statistics' records of 完成为民办实事 (stats/areas/volunteer.ts).
  {
    collection: COLLECTIONS.projects,
    name: 'org_path_status_completed',
    fields: { orgPath: 1, status: 1, completedAt: -1 },
  },
  // 回访核查: a quarter's ledger items of the street (the draw, the ledger list); published quarters for members.
  {
    collection: COLLECTIONS.callbackItems,
    name: 'org_completed',
    fields: { orgPath: 1, completedAt: 1 },
  },
  { collection: COLLECTIONS.callbackQuarters, name: 'status_id', fields: { status: 1, _id: -1 } },
  // The export's detail sheets, read after a cursor: each sheet's sort key ends with `_id`.
  {
    collection: COLLECTIONS.sessions,
    name: 'by_orgPath_month_startAt__id',
    fields: { orgPath: 1, month: 1, startAt: -1, _id: -1 },
  },
  {
    collection: COLLECTIONS.checkins,
    name: 'by_orgPath_month_visitor_at__id',
    fields: { orgPath: 1, month: 1, visitor: 1, at: -1, _id: -1 },
  },
  {
    collection: COLLECTIONS.leaves,
    name: 'by_orgPath_status_startAt__id',
    fields: { orgPath: 1, status: 1, startAt: -1, _id: -1 },
  },
  {
    collection: COLLECTIONS.quizExams,
    name: 'by_orgPath_status_opensAt__id',
    fields: { orgPath: 1, status: 1, opensAt: -1, _id: -1 },
  },
  {
    collection: COLLECTIONS.volActivities,
    name: 'by_orgPath_status_startAt__id',
    fields: { orgPath: 1, status: 1, startAt: -1, _id: -1 },
  },
  {
    collection: COLLECTIONS.visits,
    name: 'by_orgPath_submittedAt__id',
    fields: { orgPath: 1, submittedAt: -1, _id: -1 },
  },
]

/**
 * Collections whose size grows with the street and its activity (members, sessions, check-ins, attempts, ...):
 * every query a function makes over one of these must be served by an index of INDEXES (`npm run test:indexes`,
 * tests/indexes/index-coverage.test.ts). The others stay small whatever happens (the organisation tree, the
 * lecturers of a node, the question bank) and are listed in BOUNDED_COLLECTIONS; a test holds every collection to
 * one of the two lists. Append a new collection to one of them, in one block, at the end.
 */
export const GROWING_COLLECTIONS: readonly CollectionName[] = [
  COLLECTIONS.members,
  COLLECTIONS.users,
  COLLECTIONS.invites,
  COLLECTIONS.audit,
  COLLECTIONS.sessions,
  COLLECTIONS.checkins,
  COLLECTIONS.leaves,
  COLLECTIONS.quizExams,
  COLLECTIONS.quizExpected,
  COLLECTIONS.quizAttempts,
  COLLECTIONS.quizPractice,
  COLLECTIONS.outbox,
  COLLECTIONS.reminders,
  COLLECTIONS.rollups,
  COLLECTIONS.pledgeCampaigns,
  COLLECTIONS.pledgeAssignments,
  COLLECTIONS.pledgeSignings,
  COLLECTIONS.volActivities,
  COLLECTIONS.volSignups,
  COLLECTIONS.volEntries,
  COLLECTIONS.volCertificates,
  COLLECTIONS.visits,
  COLLECTIONS.visitGrants,
  COLLECTIONS.studyMonths,
  COLLECTIONS.projects,
  COLLECTIONS.volMemberDays,
  COLLECTIONS.callbackItems,
  /** Four a year. */
  COLLECTIONS.callbackQuarters,
]

export const BOUNDED_COLLECTIONS: readonly CollectionName[] = [
  COLLECTIONS.orgs,
  COLLECTIONS.lecturers,
  COLLECTIONS.quizQuestions,
  COLLECTIONS.pledgeTemplates,
  COLLECTIONS.pledgeChain,
  /** One per street. */
  COLLECTIONS.visitSettings,
]
