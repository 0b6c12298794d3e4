import { COLLECTIONS } from '../common/collections'
import type { FunctionManifest } from '../common/manifest'
import { quizInputs } from '../contract/quiz.contract'

export const manifest: FunctionManifest<'quiz'> = {
  name: 'quiz',
  routes: quizInputs,
  // Reminders to members behind an exam's figures (exam/remind).
  openapi: ['subscribeMessage.send'],
  secrets: [],
  triggers: [],
  // Importing or exporting an .xlsx bank, and publishing an exam to a whole street.
  timeout: 20,
  reads: [
    COLLECTIONS.users,
    COLLECTIONS.members,
    COLLECTIONS.orgs,
    COLLECTIONS.quizQuestions,
    COLLECTIONS.quizExams,
    COLLECTIONS.quizExpected,
    COLLECTIONS.quizAttempts,
    COLLECTIONS.quizPractice,
    COLLECTIONS.reminders,
    COLLECTIONS.rollups,
  ],
  writes: [
    COLLECTIONS.users,
    COLLECTIONS.quizQuestions,
    COLLECTIONS.quizExams,
    COLLECTIONS.quizExpected,
    COLLECTIONS.quizAttempts,
    COLLECTIONS.quizPractice,
    COLLECTIONS.reminders,
    COLLECTIONS.rollups,
  ],
}
