import { visitInputs } from '../../cloudfunctions/contract/visit.contract'
import { type VisitCounted, visitRollup } from '../../cloudfunctions/domain/visit.rollup'
import {
  canMove,
  completeDeadline,
  contactAccess,
  DEFAULT_VISIT_LIMITS,
  limitProblem,
  maskAddress,
  maskPhone,
  medianBucket,
  preferredLabel,
  preferredProblem,
  responseBucket,
  stepDeadline,
  stepOf,
  VISIT_LIMIT_FIELDS,
  VISIT_LIMIT_KEYS,
  VISIT_MOVES,
  type VisitActor,
  type VisitMove,
  visitProgress,
  type VisitStatus,
} from '../../cloudfunctions/domain/visit.rules'

const STATES: VisitStatus[] = [
  'submitted',
  'dispatched',
  'accepted',
  'completed',
  'confirmed',
  'cancelled',
  'rejected',
]
const ACTORS: VisitActor[] = ['resident', 'secretary', 'assignee', 'timer']
const HOUR = 3600_000
/** 2026-12-02 10:00 in China. */
const NOW = Date.UTC(2026, 11, 2, 2, 0)

describe('the home-visit state machine', () => {
  const legal: Array<[VisitMove, VisitActor, VisitStatus, VisitStatus]> = [
    ['dispatch', 'secretary', 'submitted', 'dispatched'],
    ['reject', 'secretary', 'submitted', 'rejected'],
    ['reject', 'secretary', 'dispatched', 'rejected'],
    ['cancel', 'resident', 'submitted', 'cancelled'],
    ['cancel', 'resident', 'dispatched', 'cancelled'],
    ['accept', 'assignee', 'dispatched', 'accepted'],
    ['decline', 'assignee', 'dispatched', 'submitted'],
    ['decline', 'assignee', 'accepted', 'submitted'],
    ['complete', 'assignee', 'accepted', 'completed'],
    ['confirm', 'resident', 'completed', 'confirmed'],
    ['autoConfirm', 'timer', 'completed', 'confirmed'],
  ]

  it('allows exactly the legal moves, by their actor, from their states', () => {
    const allowed: string[] = []
    for (const move of Object.keys(VISIT_MOVES) as VisitMove[])
      for (const by of ACTORS)
        for (const from of STATES) if (canMove(move, by, from)) allowed.push(`${move} ${by} ${from}`)
    expect(allowed.sort()).toEqual(legal.map(([m, by, from]) => `${m} ${by} ${from}`).sort())
    for (const [move, , , to] of legal) expect(VISIT_MOVES[move].to).toBe(to)
  })

  it('refuses a resident cancelling once accepted, and anyone moving a final request', () => {
    expect(canMove('cancel', 'resident', 'accepted')).toBe(false)
    for (const final of ['confirmed', 'cancelled', 'rejected'] as const) {
      for (const move of Object.keys(VISIT_MOVES) as VisitMove[])
        for (const by of ACTORS) expect(canMove(move, by, final)).toBe(false)
      expect(stepOf(final)).toBeNull()
    }
  })
})

describe('deadlines', () => {
  it('gives 2 hours to dispatch and to accept, 7 days to confirm by default', () => {
    expect(stepDeadline('dispatch', NOW, 0, DEFAULT_VISIT_LIMITS)).toBe(NOW + 2 * HOUR)
    expect(stepDeadline('accept', NOW, 0, DEFAULT_VISIT_LIMITS)).toBe(NOW + 2 * HOUR)
    expect(stepDeadline('confirm', NOW, 0, DEFAULT_VISIT_LIMITS)).toBe(NOW + 7 * 24 * HOUR)
    expect(stepDeadline('complete', NOW, 12345, DEFAULT_VISIT_LIMITS)).toBe(12345)
  })

  it('completes by the end of the preferred slot, or within 72 hours without one', () => {
    expect(completeDeadline(NOW, null, DEFAULT_VISIT_LIMITS)).toBe(NOW + 72 * HOUR)
    // 2026-12-03 afternoon ends at 18:00 China time = 10:00 UTC.
    expect(completeDeadline(NOW, { date: '2026-12-03', slot: 'afternoon' }, DEFAULT_VISIT_LIMITS)).toBe(
      Date.UTC(2026, 11, 3, 10, 0),
    )
    expect(preferredLabel({ date: '2026-12-03', slot: 'afternoon' })).toBe('12月3日 下午')
    expect(preferredLabel(null)).toBe('尽快')
  })

  it('takes a preferred time only in the next two weeks and not yet over', () => {
    expect(preferredProblem({ date: '2026-12-02', slot: 'morning' }, NOW + 2 * HOUR)).toMatch('已经过去')
    expect(preferredProblem({ date: '2026-12-02', slot: 'evening' }, NOW)).toBeNull()
    expect(preferredProblem({ date: '2026-12-16', slot: 'evening' }, NOW)).toBeNull()
    expect(preferredProblem({ date: '2026-12-17', slot: 'morning' }, NOW)).toMatch('14天以内')
    expect(preferredProblem({ date: '2026-13-40', slot: 'morning' }, NOW)).not.toBeNull()
  })
})

describe('the street’s time limits as typed on 时限设置', () => {
  it('takes a whole number from 1 to each limit’s maximum, and says what is wrong in Chinese otherwise', () => {
    expect(limitProblem('dispatchHours', '2')).toBeNull()
    expect(limitProblem('completeHours', ' 720 ')).toBeNull()
    expect(limitProblem('dispatchHours', '')).toBe('请填写派单时限')
    expect(limitProblem('acceptHours', '1.5')).toBe('接单时限应为整数')
    expect(limitProblem('acceptHours', '-1')).toBe('接单时限应为整数')
    expect(limitProblem('confirmDays', '0')).toBe('自动确认天数至少为1')
    expect(limitProblem('confirmDays', '31')).toBe('自动确认天数不能超过30')
    expect(limitProblem('escalateHours', '169')).toBe('上报街道时限不能超过168')
  })

  it('refuses in the page exactly what the server refuses, and the defaults pass both', () => {
    const schema = visitInputs['visit/saveSettings']
    for (const key of VISIT_LIMIT_KEYS) {
      for (const n of [0, 1, VISIT_LIMIT_FIELDS[key].max, VISIT_LIMIT_FIELDS[key].max + 1]) {
        const parsed = schema.safeParse({ ...DEFAULT_VISIT_LIMITS, [key]: n })
        expect(parsed.success).toBe(limitProblem(key, String(n)) === null)
      }
    }
    expect(schema.safeParse(DEFAULT_VISIT_LIMITS).success).toBe(true)
  })

  it('words an automatic confirmation without naming a number of days (the street may change it)', () => {
    expect(visitProgress('confirmed', null, true)).toBe('服务已完成（您到期没有确认，系统已自动确认）')
    expect(visitProgress('confirmed', null, false)).not.toContain('自动')
  })
})

describe('privacy masks', () => {
  it('keeps three leading and four trailing digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('123')).toBe('****')
  })

  it('keeps at most the first third of an address (six characters)', () => {
    expect(maskAddress('幸福街道和平里小区3号楼2单元501')).toBe('幸福街道和平****')
    expect(maskAddress('和平里')).toBe('和****')
  })
})

describe('who reads a resident’s phone and address (only the dispatcher and the assignee)', () => {
  const who = (roles: VisitActor[], status: VisitStatus, dispatchedBy: string | null, me = 'm-me') => {
    const found = contactAccess({ status, dispatchedBy }, new Set(roles), me)
    return found.may ? found.as : found.refused
  }

  it('lets the secretaries who may dispatch a waiting request read it, and once dispatched only the dispatcher', () => {
    expect(who(['secretary'], 'submitted', null)).toBe('dispatcher')
    for (const status of ['dispatched', 'accepted', 'completed'] as const) {
      expect(who(['secretary'], status, 'm-me')).toBe('dispatcher')
      expect(who(['secretary'], status, 'm-other')).toBe('VISIT.CONTACT_DISPATCHER_ONLY')
    }
  })

  it('lets the assignee read it from acceptance until the work is done, not when merely dispatched', () => {
    expect(who(['assignee'], 'dispatched', 'm-sec')).toBe('VISIT.CONTACT_AFTER_ACCEPT')
    expect(who(['assignee'], 'accepted', 'm-sec')).toBe('assignee')
    expect(who(['assignee'], 'completed', 'm-sec')).toBe('assignee')
    // A secretary sent their own community's request reads it as its assignee, not as another's dispatch.
    expect(who(['secretary', 'assignee'], 'accepted', 'm-other')).toBe('assignee')
    expect(who(['secretary', 'assignee'], 'dispatched', 'm-other')).toBe('VISIT.CONTACT_AFTER_ACCEPT')
  })

  it('shows no staff member a finished request, and the resident always their own', () => {
    for (const status of ['confirmed', 'cancelled', 'rejected'] as const) {
      for (const roles of [['secretary'], ['assignee'], ['secretary', 'assignee']] as VisitActor[][])
        expect(who(roles, status, 'm-me')).toBe('VISIT.CONTACT_CLOSED')
    }
    for (const status of STATES) expect(who(['resident'], status, null, '')).toBe('resident')
  })
})

describe('response times and the rollup rule', () => {
  it('puts response times in buckets and reads the median bucket', () => {
    expect(responseBucket(0)).toBe('le30m')
    expect(responseBucket(30)).toBe('le30m')
    expect(responseBucket(31)).toBe('le1h')
    expect(responseBucket(5000)).toBe('over72h')
    expect(medianBucket({})).toBeNull()
    expect(medianBucket({ le30m: 1, le2h: 1, le8h: 1 })).toBe('2小时内')
    expect(medianBucket({ le30m: 2, le2h: 2 })).toBe('30分钟内')
  })

  it('counts each event in its own month, and a decline takes its dispatch back', () => {
    const base: VisitCounted = {
      orgPath: ['street', 'c1'],
      type: 'repair' as const,
      submittedAt: Date.UTC(2026, 10, 30, 10, 0),
      dispatchedAt: null,
      acceptedAt: null,
      completedAt: null,
      confirmedAt: null,
      cancelledAt: null,
      rejectedAt: null,
      durationMinutes: null,
      rating: null,
      autoConfirmed: false,
      late: false,
    }
    const done = {
      ...base,
      dispatchedAt: base.submittedAt + 20 * 60_000,
      acceptedAt: base.submittedAt + 50 * 60_000,
      completedAt: Date.UTC(2026, 11, 1, 8, 0),
      confirmedAt: Date.UTC(2026, 11, 1, 9, 0),
      durationMinutes: 45,
      rating: 5,
    }
    const byMonth = (doc: VisitCounted) => {
      const out: Record<string, Record<string, number>> = {}
      for (const c of visitRollup(doc)) {
        const month = new Date(c.time + 8 * HOUR).toISOString().slice(0, 7)
        out[month] = { ...out[month], ...c.counts }
      }
      return out
    }
    expect(byMonth(done)).toEqual({
      '2026-11': {
        'visit.requested': 1,
        'visit.type.repair': 1,
        'visit.dispatched': 1,
        'visit.accepted': 1,
        'visit.responseMinutes': 50,
        'visit.response.le1h': 1,
      },
      '2026-12': {
        'visit.completed': 1,
        'visit.completionMinutes': Math.round((done.completedAt - done.submittedAt) / 60_000),
        'visit.serviceMinutes': 45,
        'visit.completedInTime': 1,
        'visit.confirmed': 1,
        'visit.autoConfirmed': 0,
        'visit.rated': 1,
        'visit.ratingSum': 5,
        'visit.beneficiaries': 1,
      },
    })
    expect(visitRollup(base).flatMap((c) => Object.keys(c.counts))).not.toContain('visit.dispatched')
  })
})
