import { randomInt } from 'node:crypto'

import { volunteerInputs } from '../../cloudfunctions/contract/volunteer.contract'
import { chinaTimestamp } from '../../cloudfunctions/domain/time'
import {
  volunteerActivityRollup,
  volunteerEntryRollup,
  volunteerSignupRollup,
} from '../../cloudfunctions/domain/volunteer.rollup'
import {
  CERT_CODE_PATTERN,
  CERT_SERIAL_PATTERN,
  certSerial,
  DAY_LIMIT_MINUTES,
  dayKey,
  hoursDecimal,
  hoursLabel,
  makeCertCode,
  minutesBetween,
  pairMinutes,
  scanWindow,
  statusForMinutes,
} from '../../cloudfunctions/domain/volunteer.rules'

const at = (time: string, date = '2026-11-25') => chinaTimestamp(date, time) as number

describe('hours', () => {
  it('counts 08:50–11:20 as 2.5 hours', () => {
    expect(minutesBetween(at('08:50'), at('11:20'))).toBe(150)
    expect(hoursLabel(150)).toBe('2小时30分')
    expect(hoursDecimal(150)).toBe('2.5')
    expect(hoursLabel(45)).toBe('45分钟')
    expect(hoursLabel(120)).toBe('2小时')
  })

  it('never takes a person past the planned duration of the activity', () => {
    expect(pairMinutes(at('08:50'), at('11:20'), 120, 0)).toBe(120)
    expect(pairMinutes(at('08:50'), at('09:20'), 120, 100)).toBe(20)
    expect(pairMinutes(at('08:50'), at('09:20'), 120, 130)).toBe(0)
  })

  it('sends a day over 8 hours for approval: a 9-hour day, or one that tips past 8 hours', () => {
    expect(statusForMinutes(9 * 60, 0)).toBe('approval')
    expect(statusForMinutes(DAY_LIMIT_MINUTES, 0)).toBe('pending')
    expect(statusForMinutes(60, DAY_LIMIT_MINUTES - 59)).toBe('approval')
  })

  it('keys days in China time and opens scans 30 minutes early, sign-out until 2 hours after the end', () => {
    expect(dayKey(at('00:10', '2026-11-26'))).toBe('20261126')
    const activity = { startAt: at('09:00'), endAt: at('11:00') }
    expect(scanWindow(activity, at('08:29'))).toBe('not_yet')
    expect(scanWindow(activity, at('08:30'))).toBe('sign_in')
    expect(scanWindow(activity, at('11:30'))).toBe('sign_out_only')
    expect(scanWindow(activity, at('13:01'))).toBe('closed')
  })

  it('refuses an oversized 补录 at the door: more than 12 hours is no input', () => {
    const parsed = volunteerInputs['hours/makeup'].safeParse({
      activityId: 'a',
      memberId: 'm',
      minutes: 13 * 60,
      reason: '补录',
    })
    expect(parsed.success).toBe(false)
  })
})

describe('the certificate’s serial and verification code', () => {
  it('makes codes of the unambiguous alphabet that the verify input accepts in any case', () => {
    for (let i = 0; i < 200; i++) {
      const code = makeCertCode(randomInt)
      expect(code).toMatch(CERT_CODE_PATTERN)
      expect(certSerial(2026, code)).toMatch(CERT_SERIAL_PATTERN)
      const parsed = volunteerInputs['cert/verify'].parse({
        serial: ` ${certSerial(2026, code).toLowerCase()} `,
        verifyCode: code.toLowerCase(),
      })
      expect(parsed).toEqual({ serial: certSerial(2026, code), verifyCode: code })
    }
    expect(
      volunteerInputs['cert/verify'].safeParse({ serial: 'ZYFW-2026-OOOOOOOO', verifyCode: 'IIIIIIII' })
        .success,
    ).toBe(false)
  })
})

describe('rollup rules', () => {
  const orgPath = ['street', 'c1']
  const startAt = at('09:00')
  it('counts only closed activities, participants and confirmed hours, 补录 apart', () => {
    expect(volunteerActivityRollup({ orgPath, startAt, status: 'open', beneficiaries: null })).toEqual([])
    expect(
      volunteerActivityRollup({ orgPath, startAt, status: 'closed', beneficiaries: 40 })[0].counts,
    ).toEqual({
      'volunteer.activities': 1,
      'volunteer.beneficiaries': 40,
    })
    expect(volunteerSignupRollup({ orgPath, activityStartAt: startAt, participated: false })).toEqual([])
    const entry = { orgPath, activityStartAt: startAt, method: 'qr', status: 'pending', minutes: 150 }
    expect(volunteerEntryRollup(entry)).toEqual([])
    expect(volunteerEntryRollup({ ...entry, status: 'confirmed' })[0].counts).toEqual({
      'volunteer.minutes': 150,
    })
    expect(volunteerEntryRollup({ ...entry, status: 'confirmed', method: 'makeup' })[0].counts).toEqual({
      'volunteer.makeupMinutes': 150,
      'volunteer.makeupEntries': 1,
    })
  })
})
