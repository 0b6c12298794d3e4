import { randomInt } from 'node:crypto'

import { AppError } from '../common/app-error'
import type { CallContext } from '../common/caller'
import { findById, insertOnce } from '../common/data'
import type { CertificateDoc, CertificateRow, EntryDoc } from '../common/volunteer.docs'
import type { CertificateView } from '../contract/volunteer.contract'
import { dateOf, timeOf } from '../domain/time'
import {
  CERT_NOTICE,
  certSerial,
  makeCertCode,
  SERVICE_TYPES,
  type ServiceType,
} from '../domain/volunteer.rules'
import { entries, type Input, orgNameOf } from './volunteer.store'

function toView(c: CertificateDoc): CertificateView {
  return {
    serial: c._id,
    verifyCode: c.code,
    name: c.name,
    gender: c.gender,
    orgName: c.orgName,
    year: c.year,
    rows: c.rows,
    totalMinutes: c.totalMinutes,
    issuer: c.issuer,
    issuedAt: c.issuedAt,
    notice: CERT_NOTICE,
  }
}

const typeLabel = (t: string) => SERVICE_TYPES[t as ServiceType] ?? '其他'

/** One row per activity: its date, first sign-in to last sign-out, place, content and confirmed minutes. */
function rowsOf(confirmed: readonly EntryDoc[], orgName: (orgId: string) => string): CertificateRow[] {
  const byActivity = new Map<string, EntryDoc[]>()
  for (const e of confirmed) byActivity.set(e.activityId, [...(byActivity.get(e.activityId) ?? []), e])
  return [...byActivity.values()]
    .map((list) => {
      const first = list[0]
      const from = Math.min(...list.map((e) => e.signInAt))
      const to = Math.max(...list.map((e) => e.signOutAt ?? e.signInAt))
      return {
        date: dateOf(first.activityStartAt),
        time: `${timeOf(from)}–${timeOf(to)}`,
        place: first.place,
        content: `${typeLabel(first.serviceType)}：${first.title}`,
        orgName: orgName(first.orgPath[first.orgPath.length - 1]),
        minutes: list.reduce((s, e) => s + (e.minutes ?? 0), 0),
        at: first.activityStartAt,
      }
    })
    .sort((a, b) => a.at - b.at)
    .map(({ at: _at, ...row }) => row)
}

/**
 * 志愿服务记录证明 of the caller's confirmed hours in a year: each service's date, time, place, content, organising
 * node and hours, the volunteer's name, gender and organisation, the issuing organisation (the street's Party
 * committee, over the records its nodes keep), a serial number and a verification code. The rows are copied,
 * so the certificate checks out as issued whatever changes later.
 */
export async function issueCertificate(
  ctx: CallContext,
  input: Input<'cert/issue'>,
): Promise<CertificateView> {
  const [caller, orgs] = await Promise.all([ctx.member(), ctx.orgs()])
  const member = caller.member
  const found = await entries()
    .where({ memberId: member._id, year: input.year, status: 'confirmed' })
    .limit(1000)
    .get()
  if (found.data.length === 0) throw new AppError('VOLUNTEER.NO_HOURS', { year: input.year })
  const rows = rowsOf(found.data, (id) => orgNameOf(orgs, id))
  const base = {
    memberId: member._id,
    name: member.name,
    gender: member.gender,
    orgName: orgNameOf(orgs, member.orgId),
    year: input.year,
    rows,
    totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
    issuer: orgNameOf(orgs, member.orgPath[0] ?? member.orgId),
    issuedAt: ctx.now,
  }
  // A serial is random; a collision (one in 10^11) just draws again.
  for (let i = 0; i < 3; i++) {
    const doc: CertificateDoc = {
      ...base,
      _id: certSerial(input.year, makeCertCode(randomInt)),
      code: makeCertCode(randomInt),
    }
    const stored = await insertOnce('volCertificates', doc)
    if (stored.outcome === 'inserted') return toView(doc)
  }
  throw new AppError('COMMON.RETRY')
}

/**
 * Anyone checks a certificate against the server: the serial and the code together, or nothing (the same answer
 * for an unknown serial and a wrong code). The answer is what the certificate itself shows, nothing more.
 */
export async function verifyCertificate(
  _ctx: CallContext,
  input: Input<'cert/verify'>,
): Promise<CertificateView> {
  const doc = await findById('volCertificates', input.serial)
  if (!doc || doc.code !== input.verifyCode) throw new AppError('VOLUNTEER.CERT_NOT_FOUND')
  return toView(doc)
}
