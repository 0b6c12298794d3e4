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
import type { AttemptDoc, ExamDoc, ExpectedDoc, PracticeDoc, QuestionDoc } from './quiz.docs'
import type { StudyMonthDoc } from './stats.docs'

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
  /** 每月2次 tallies, one per member and month, `_id` `<memberId>_<YYYY-MM>` (common/stats.docs.ts). */
  studyMonths: 'study_member_months',
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
  studyMonths: StudyMonthDoc
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
  { collection: COLLECTIONS.studyMonths, name: 'month_org', fields: { month: 1, orgPath: 1, theory: 1 } },
  { collection: COLLECTIONS.leaves, name: 'org_start', fields: { orgPath: 1, startAt: 1 } },
  { collection: COLLECTIONS.quizExpected, name: 'org_at', fields: { orgPath: 1, at: 1 } },
  { collection: COLLECTIONS.quizExams, name: 'org_opens', fields: { orgPath: 1, opensAt: 1 } },
]
