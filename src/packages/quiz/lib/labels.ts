import type { ExamState, ExamStatus } from '@contract/quiz.contract'

import { OPTION_LETTERS } from '../../../../cloudfunctions/domain/quiz-import.rules'

export { formatScore, QUESTION_TYPE_LABELS } from '../../../../cloudfunctions/domain/quiz.rules'
export { formatRate } from '../../../../cloudfunctions/domain/rates'

/** "A" for the first option shown: letters follow the order on screen, not the stored order. */
export function letterOf(index: number): string {
  return OPTION_LETTERS[index] ?? String(index + 1)
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * "11月25日 09:30" in China time whatever zone the phone is set to. China keeps UTC+8 all year, so a
 * fixed offset is exact and avoids Intl time zones, which older WeChat Android engines lack.
 */
export function formatTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** What a paper is worth: its questions' points added up, to one decimal (100 on every paper drawn now). */
export function paperWorth(questions: readonly { points: number }[]): number {
  return Math.round(questions.reduce((s, q) => s + q.points * 10, 0)) / 10
}

/** "12:05" for twelve minutes and five seconds left. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`
}

export const STATE_LABELS: Record<ExamState, string> = {
  upcoming: '未开始',
  open: '进行中',
  closed: '已结束',
}
export const STATUS_LABELS: Record<ExamStatus, string> = { draft: '草稿', published: '已发布' }
