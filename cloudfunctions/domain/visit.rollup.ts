/**
 * What one 上门服务 request contributes to the monthly rollups (domain/rollup.rules.ts), counted on the request's
 * community and the street above it. Each event counts in the month it happened, so a request submitted in one
 * month and confirmed in the next adds `visit.requested` to the first and `visit.confirmed` to the second.
 *
 * Counters (all per node and month):
 * - `visit.requested`: requests submitted; `visit.type.<elderly|errand|repair|medicine|other>` the same by category.
 * - `visit.dispatched`: requests currently dispatched (a decline takes its dispatch back, the next one counts).
 * - `visit.accepted`: requests accepted (the month of acceptance); with
 *   `visit.responseMinutes` the sum of their response times (submitted → accepted), and
 *   `visit.response.<le30m|le1h|le2h|le4h|le8h|le24h|le72h|over72h>` their count per response-time bucket, from
 *   which the median response time is read (`medianBucket` in visit.rules.ts).
 * - `visit.completed`: requests completed (the month of completion); `visit.completionMinutes` the sum of their
 *   submitted → completed times; `visit.serviceMinutes` the sum of the service durations the members recorded;
 *   `visit.completedInTime` those whose every step met its time limit (share within limits = this / completed).
 * - `visit.confirmed`: requests confirmed, by the resident or automatically; `visit.autoConfirmed` those confirmed
 *   by the timer; `visit.rated` those the resident rated and `visit.ratingSum` the sum of the ratings (average =
 *   sum / rated); `visit.beneficiaries` 受益人次, one per confirmed visit.
 * - `visit.cancelled`, `visit.rejected`: requests ended without a visit.
 */
import type { Contribution, RollupRule } from './rollup.rules'
import { minutesBetween, responseBucket, type VisitType } from './visit.rules'

/** The fields of a stored request the rule reads. */
export interface VisitCounted {
  orgPath: readonly string[]
  type: VisitType
  submittedAt: number
  dispatchedAt: number | null
  acceptedAt: number | null
  completedAt: number | null
  confirmedAt: number | null
  cancelledAt: number | null
  rejectedAt: number | null
  durationMinutes: number | null
  rating: number | null
  autoConfirmed: boolean
  late: boolean
}

export const visitRollup: RollupRule<VisitCounted> = (v) => {
  const at = (time: number, counts: Record<string, number>): Contribution => ({
    orgPath: v.orgPath,
    time,
    counts,
  })
  const out: Contribution[] = [at(v.submittedAt, { 'visit.requested': 1, [`visit.type.${v.type}`]: 1 })]
  if (v.dispatchedAt !== null) out.push(at(v.dispatchedAt, { 'visit.dispatched': 1 }))
  if (v.acceptedAt !== null) {
    const minutes = minutesBetween(v.submittedAt, v.acceptedAt)
    out.push(
      at(v.acceptedAt, {
        'visit.accepted': 1,
        'visit.responseMinutes': minutes,
        [`visit.response.${responseBucket(minutes)}`]: 1,
      }),
    )
  }
  if (v.completedAt !== null) {
    out.push(
      at(v.completedAt, {
        'visit.completed': 1,
        'visit.completionMinutes': minutesBetween(v.submittedAt, v.completedAt),
        'visit.serviceMinutes': v.durationMinutes ?? 0,
        'visit.completedInTime': v.late ? 0 : 1,
      }),
    )
  }
  if (v.confirmedAt !== null) {
    out.push(
      at(v.confirmedAt, {
        'visit.confirmed': 1,
        'visit.autoConfirmed': v.autoConfirmed ? 1 : 0,
        'visit.rated': v.rating !== null ? 1 : 0,
        'visit.ratingSum': v.rating ?? 0,
        'visit.beneficiaries': 1,
      }),
    )
  }
  if (v.cancelledAt !== null) out.push(at(v.cancelledAt, { 'visit.cancelled': 1 }))
  if (v.rejectedAt !== null) out.push(at(v.rejectedAt, { 'visit.rejected': 1 }))
  return out
}
