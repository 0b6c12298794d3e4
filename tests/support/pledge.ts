import { PNG } from 'pngjs'

import type { Stroke } from '../../cloudfunctions/domain/signature-pad.rules'
import { type Backend, DEMO, ok } from './backend'

/** A PNG as the pad exports one: `width` × `height`, a dark diagonal line on white. */
const made = new Map<string, Buffer>()
export function signaturePng(width = 600, height = 300): Buffer {
  const key = `${width}x${height}`
  const cached = made.get(key)
  if (cached) return Buffer.from(cached)
  const png = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const ink = Math.abs(y - (x * height) / width) < 3
      png.data[i] = png.data[i + 1] = png.data[i + 2] = ink ? 20 : 255
      png.data[i + 3] = 255
    }
  }
  const bytes = PNG.sync.write(png, { deflateLevel: 1 })
  made.set(key, bytes)
  return Buffer.from(bytes)
}

/** Strokes of a plausible handwritten name: three strokes across 200 × 90 CSS px. */
export function signatureStrokes(): Stroke[] {
  const stroke = (x0: number, y0: number, dx: number, dy: number, t0: number): Stroke =>
    Array.from({ length: 10 }, (_, i) => [x0 + dx * i, y0 + dy * i, t0 + i * 16])
  return [stroke(20, 20, 8, 1, 0), stroke(40, 10, 2, 9, 400), stroke(120, 30, 10, 5, 900)]
}

/** The demo people, with two more members of 和平社区 (org-c1-b2, org-c1-b3). */
export const PEOPLE = { ...DEMO, member2: 'demo-member-2', member3: 'demo-member-3' } as const

/** Everyone the demo street binds to WeChat: 19 people, all assigned by a campaign on the street. */
export const STREET_PEOPLE: string[] = [
  DEMO.admin,
  DEMO.inspector,
  ...[1, 2, 3, 4, 5, 6].map((n) => `demo-secretary-${n}`),
  DEMO.branchSecretary1,
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => `demo-member-${n}`),
]

/** The members of 和平社区 (org-c1) the demo street binds: all assigned by a campaign on org-c1. */
export const C1 = ['secretary1', 'branchSecretary1', 'member1', 'member2', 'member3'] as const

export async function pledgeTemplate(backend: Backend, body = '一、严守政治纪律。\n二、不收受礼品礼金。') {
  return ok(
    await backend.call(DEMO.admin, 'pledge', 'template/save', {
      kind: 'integrity',
      title: '2026年度廉政承诺书',
      body,
    }),
  )
}

/** A template and a campaign on 和平社区党委 for everyone there, due in a week. */
export async function pledgeCampaign(backend: Backend, orgId = 'org-c1') {
  const template = await pledgeTemplate(backend)
  const campaign = ok(
    await backend.call(DEMO.admin, 'pledge', 'campaign/create', {
      templateId: template.templateId,
      version: template.version,
      year: 2026,
      orgId,
      deadline: Date.now() + 7 * 24 * 3600 * 1000,
    }),
  )
  return { template, campaign }
}

/** The demo street's own campaign (server/seed-pledges.ts), left out of what a test looks at. */
export const SEEDED_CAMPAIGN = 'demo-pledge-campaign'

/** The caller's pledges of campaigns the test made. */
export async function minePledges(backend: Backend, openid: string) {
  const mine = ok(await backend.call(openid, 'pledge', 'pledge/mine', {}))
  return mine.filter((p) => !p.assignmentId.startsWith(`${SEEDED_CAMPAIGN}_`))
}

export async function assignmentOf(backend: Backend, openid: string) {
  return (await minePledges(backend, openid))[0].assignmentId
}

/** Uploads a signature as the app does (`upload/prepare` kind png) and signs. */
export async function sign(backend: Backend, openid: string, assignmentId: string, png = signaturePng()) {
  const fileID = await uploadPng(backend, openid, png)
  return backend.call(openid, 'pledge', 'pledge/sign', {
    assignmentId,
    fileID,
    strokes: signatureStrokes(),
    confirmed: true,
  })
}

export async function uploadPng(backend: Backend, openid: string, bytes: Buffer): Promise<string> {
  const ticket = ok(await backend.call(openid, 'account', 'upload/prepare', { kind: 'png' }))
  return backend.putFile(ticket.cloudPath, bytes)
}

/** A direct change to a stored document, as someone with console access could make. */
export async function tamper(backend: Backend, collection: string, id: string, set: Record<string, unknown>) {
  await backend.database.handle('database.modifyDocument', {
    collectionName: collection,
    queryType: 'DOC',
    query: JSON.stringify({ _id: id }),
    data: JSON.stringify({ $set: set }),
    multi: false,
    merge: true,
    upsert: false,
  })
}

export async function removeDoc(backend: Backend, collection: string, id: string) {
  await backend.database.handle('database.removeDocument', {
    collectionName: collection,
    queryType: 'DOC',
    query: JSON.stringify({ _id: id }),
    multi: false,
  })
}
