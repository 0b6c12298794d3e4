/** The study screens' own date maths and form rules, checked against the server's. */
import { MAX_ROTATE_SECONDS, MIN_ROTATE_SECONDS } from '../../cloudfunctions/domain/study.rules'
import {
  chinaTimestamp,
  dateOf,
  monthOf,
  monthRange,
  nextStart,
  shiftMonth,
  timeOf,
  yearRange,
} from '../../cloudfunctions/domain/time'
import {
  draftOf,
  formOf,
  LATE_CHOICES,
  moveStart,
  newForm,
  patchOf,
  ROTATE_CHOICES,
} from '../../src/packages/study/lib/session-draft'

/** An independent reading of China time: Node's full ICU time-zone data, which mini-program engines may lack. */
const intlMonth = (ms: number) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(ms))
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`
}

describe('China time, for the functions and the app', () => {
  it('builds timestamps in China time whatever the machine’s zone', () => {
    expect(chinaTimestamp('2026-11-25', '14:30')).toBe(Date.UTC(2026, 10, 25, 6, 30))
    expect(chinaTimestamp('2026-01-01', '00:00')).toBe(Date.UTC(2025, 11, 31, 16, 0))
    expect(chinaTimestamp('2026-11-25', '2:30')).toBeNull()
    expect(chinaTimestamp('25/11/2026', '14:30')).toBeNull()
  })

  it('round-trips through the pickers’ date and time', () => {
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 7 * 3_600_000 + 60_000) {
      const minute = Math.floor(ms / 60_000) * 60_000
      expect(chinaTimestamp(dateOf(minute), timeOf(minute))).toBe(minute)
    }
  })

  it('agrees with the time-zone database on the month of every hour around month ends', () => {
    for (let month = 0; month < 12; month++) {
      const [start, end] = monthRange(`2026-${String(month + 1).padStart(2, '0')}`)
      expect(intlMonth(start)).toBe(`2026-${String(month + 1).padStart(2, '0')}`)
      expect(intlMonth(start - 1)).not.toBe(intlMonth(start))
      expect(intlMonth(end - 1)).toBe(intlMonth(start))
      for (let h = -3; h <= 3; h++) {
        const at = start + h * 3_600_000 - (h > 0 ? 1 : 0)
        expect(monthOf(at)).toBe(intlMonth(at))
      }
    }
  })

  it('bounds a year at China midnight', () => {
    expect(yearRange(2026)).toEqual([Date.UTC(2025, 11, 31, 16), Date.UTC(2026, 11, 31, 16)])
  })

  it('steps months across years', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12')
    expect(shiftMonth('2026-12', 1)).toBe('2027-01')
    expect(shiftMonth('2026-11', -23)).toBe('2024-12')
  })

  it('starts a new session at the next five-minute mark, inside the 30-minute check-in opening', () => {
    const now = Date.UTC(2026, 10, 25, 6, 31, 10)
    expect(nextStart(now)).toBe(Date.UTC(2026, 10, 25, 6, 35))
    expect(nextStart(Date.UTC(2026, 10, 25, 6, 35))).toBe(Date.UTC(2026, 10, 25, 6, 35))
  })
})

describe('the session form', () => {
  it('offers only the rotations and late rules the server accepts', () => {
    for (const s of ROTATE_CHOICES) {
      expect(s).toBeGreaterThanOrEqual(MIN_ROTATE_SECONDS)
      expect(s).toBeLessThanOrEqual(MAX_ROTATE_SECONDS)
    }
    for (const m of LATE_CHOICES) expect(m).toBeLessThanOrEqual(120)
  })

  it('refuses an empty title or place and an end before the start, in Chinese', () => {
    const form = { ...newForm('c1', Date.UTC(2026, 10, 25, 6, 31)), title: '党课', place: '会议室' }
    expect(draftOf(form).ok).toBe(true)
    expect(draftOf({ ...form, title: ' ' })).toEqual({ ok: false, message: '请填写活动标题' })
    expect(draftOf({ ...form, place: '' })).toEqual({ ok: false, message: '请填写活动地点' })
    expect(draftOf({ ...form, endDate: form.startDate, endTime: form.startTime })).toEqual({
      ok: false,
      message: '结束时间应晚于开始时间',
    })
  })

  it('sends only the changed fields of an existing session', () => {
    const form = { ...newForm('c1', Date.UTC(2026, 10, 25, 6, 31)), title: '党课', place: '会议室' }
    const draft = draftOf(form)
    if (!draft.ok) throw new Error(draft.message)
    const stored = {
      ...draft.draft,
      id: 's1',
      lecturerName: null,
      orgName: '和平社区党委',
      status: 'scheduled' as const,
      cancelReason: null,
      staticCodeEnabled: false,
    }
    expect(patchOf(stored, draft.draft)).toEqual({})
    const edited = draftOf({ ...formOf(stored), place: '二楼会议室', endTime: '16:30' })
    if (!edited.ok) throw new Error(edited.message)
    expect(patchOf(stored, edited.draft)).toEqual({
      place: '二楼会议室',
      endAt: chinaTimestamp(form.endDate, '16:30'),
    })
  })
})

describe('moving a session’s start in the form', () => {
  const form = {
    ...newForm('c1', chinaTimestamp('2026-11-20', '09:00')!),
    startDate: '2026-11-25',
    startTime: '14:30',
  }
  const twoHours = { ...form, endDate: '2026-11-25', endTime: '16:30' }

  it('a new date moves the end with it, keeping the length', () => {
    const moved = moveStart(twoHours, '2026-12-03', '14:30')
    expect([moved.startDate, moved.startTime, moved.endDate, moved.endTime]).toEqual([
      '2026-12-03',
      '14:30',
      '2026-12-03',
      '16:30',
    ])
  })

  it('a new time too, across midnight and a month end', () => {
    const moved = moveStart(twoHours, '2026-11-30', '23:00')
    expect([moved.endDate, moved.endTime]).toEqual(['2026-12-01', '01:00'])
  })

  it('an end already before the start stays where it was (the form then says what is wrong)', () => {
    const broken = { ...form, endDate: '2026-11-25', endTime: '10:00' }
    const moved = moveStart(broken, '2026-11-26', '14:30')
    expect([moved.startDate, moved.endDate, moved.endTime]).toEqual(['2026-11-26', '2026-11-25', '10:00'])
    expect(draftOf({ ...moved, title: 't', place: 'p' })).toEqual({
      ok: false,
      message: '结束时间应晚于开始时间',
    })
  })
})
