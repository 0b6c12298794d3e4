import { createHash } from 'node:crypto'

import ExcelJS from 'exceljs'

import type { PledgeVerification } from '../../cloudfunctions/contract/pledge.contract'
import { pledgeRollup } from '../../cloudfunctions/domain/pledge.rollup'
import { CHECKPOINT_EVERY } from '../../cloudfunctions/domain/pledge-chain.rules'
import { flattenCounts, sumContributions } from '../../cloudfunctions/domain/rollup.rules'
import { type Backend, failed, ok, startBackend, type Stored } from '../support/backend'
import {
  assignmentOf,
  C1,
  minePledges,
  PEOPLE as DEMO,
  pledgeCampaign,
  pledgeTemplate,
  removeDoc,
  SEEDED_CAMPAIGN,
  sign,
  signaturePng,
  signatureStrokes,
  STREET_PEOPLE,
  tamper,
  uploadPng,
} from '../support/pledge'
import { dieAt, startDuring } from '../support/races'

jest.setTimeout(120_000)

let backend: Backend
let clock: number
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 25, 6, 0, 0)
  jest.spyOn(Date, 'now').mockImplementation(() => clock)
  backend = await startBackend()
})
afterEach(async () => {
  await backend.close()
  jest.restoreAllMocks()
})

const chinese = /[\u4e00-\u9fa5]/

/** Runs `act`, expects `code` with a Chinese message, and that no collection changed. */
async function refusedUnchanged(act: () => Promise<unknown>, code: string) {
  const before = await backend.snapshot()
  const result = failed((await act()) as never)
  expect(result.code).toBe(code)
  expect(result.message).toMatch(chinese)
  expect(await backend.snapshot()).toEqual(before)
}

describe('templates', () => {
  it('makes a new version on every edit and never changes a stored one', async () => {
    const v1 = await pledgeTemplate(backend, '第一版正文')
    expect(v1.version).toBe(1)
    const v2 = ok(
      await backend.call(DEMO.inspector, 'pledge', 'template/save', {
        templateId: v1.templateId,
        baseVersion: 1,
        kind: 'integrity',
        title: v1.title,
        body: '第二版正文',
      }),
    )
    expect(v2).toMatchObject({ templateId: v1.templateId, version: 2, body: '第二版正文' })
    const stored = (await backend.docs('pledge_templates')).filter((t) => t.templateId === v1.templateId)
    expect(stored.map((t) => [t.version, t.body]).sort()).toEqual([
      [1, '第一版正文'],
      [2, '第二版正文'],
    ])
    const list = ok(await backend.call(DEMO.admin, 'pledge', 'template/list', {}))
    expect(list.filter((t) => t.templateId === v1.templateId)).toEqual([
      expect.objectContaining({ version: 2, mayEdit: true }),
    ])
    // Editing from a version that is no longer the latest is refused.
    await refusedUnchanged(
      () =>
        backend.call(DEMO.admin, 'pledge', 'template/save', {
          templateId: v1.templateId,
          baseVersion: 1,
          kind: 'integrity',
          title: v1.title,
          body: '旧版上改',
        }),
      'PLEDGE.TEMPLATE_CHANGED',
    )
  })

  it('stores one version when two editors save from the same version at once', async () => {
    const v1 = await pledgeTemplate(backend)
    const edit = (who: string, body: string) => () =>
      backend.call(who, 'pledge', 'template/save', {
        templateId: v1.templateId,
        baseVersion: 1,
        kind: 'integrity',
        title: v1.title,
        body,
      })
    for (let round = 1; round <= 3; round++) {
      const [a, b] = await startDuring(
        edit(DEMO.admin, `管理员${round}`),
        { openid: DEMO.admin, label: 'pledge template/save' },
        round,
        edit(DEMO.inspector, `纪工委${round}`),
      )
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(round === 1 ? 1 : 0)
    }
    const versions = (await backend.docs('pledge_templates')).filter((t) => t.templateId === v1.templateId)
    expect(versions.filter((t) => t.version === 2)).toHaveLength(1)
  })

  it('is kept by the street admin and the inspector only', async () => {
    const save = (who: string) => () =>
      backend.call(who, 'pledge', 'template/save', { kind: 'duties', title: '岗位职责', body: '正文' })
    await refusedUnchanged(save(DEMO.secretary1), 'COMMON.FORBIDDEN')
    await refusedUnchanged(save(DEMO.member1), 'COMMON.FORBIDDEN')
    await refusedUnchanged(save(DEMO.resident1), 'COMMON.NOT_BOUND')
    await refusedUnchanged(
      () => backend.call(DEMO.member1, 'pledge', 'template/list', {}),
      'COMMON.FORBIDDEN',
    )
    const read = ok(await backend.call(DEMO.secretary1, 'pledge', 'template/list', {}))
    expect(read.length).toBeGreaterThan(0)
    expect(read.every((t) => !t.mayEdit)).toBe(true)
  })
})

describe('campaigns', () => {
  it('assigns the chosen people of a subtree, who see it under 待签承诺书', async () => {
    const { campaign } = await pledgeCampaign(backend)
    const everyone = (await backend.docs('members')).filter((m) => m.orgPath.includes('org-c1'))
    expect(campaign.assigned).toBe(everyone.length)
    for (const who of C1) {
      const mine = await minePledges(backend, DEMO[who])
      expect(mine).toEqual([expect.objectContaining({ status: 'pending', title: '2026年度廉政承诺书' })])
    }
    expect(await minePledges(backend, DEMO.secretary2)).toEqual([])
  })

  it('chooses by role, cadre level and name', async () => {
    const template = await pledgeTemplate(backend)
    const members = await backend.docs('members')
    const named = members.find((m) => m.orgId === 'org-c2-b1' && m.cadreLevel === null) as Stored
    const campaign = ok(
      await backend.call(DEMO.admin, 'pledge', 'campaign/create', {
        templateId: template.templateId,
        version: 1,
        year: 2026,
        orgId: 'org-street',
        roles: ['community_secretary'],
        cadreLevels: ['中层'],
        memberIds: [named._id],
        deadline: clock + 86_400_000,
      }),
    )
    const expected = members.filter(
      (m) =>
        m._id === named._id ||
        m.cadreLevel === '中层' ||
        m.roles.some((g: Stored) => g.role === 'community_secretary'),
    )
    const assigned = (await backend.docs('pledge_assignments')).filter((a) => a.campaignId === campaign.id)
    expect(assigned.map((a) => a.memberId).sort()).toEqual(expected.map((m) => m._id).sort())
    // By name alone: exactly the people named (指定人员), from anywhere in the subtree.
    const two = [named._id, members.find((m) => m.orgPath.includes('org-c1'))?._id as string]
    const byName = ok(
      await backend.call(DEMO.inspector, 'pledge', 'campaign/create', {
        templateId: template.templateId,
        version: 1,
        year: 2026,
        orgId: 'org-street',
        memberIds: two,
        deadline: clock + 86_400_000,
      }),
    )
    expect(byName).toMatchObject({ assigned: 2, memberCount: 2 })
    const assignedByName = (await backend.docs('pledge_assignments')).filter(
      (a) => a.campaignId === byName.id,
    )
    expect(assignedByName.map((a) => a.memberId).sort()).toEqual([...two].sort())
  })

  it('is one campaign, each person assigned and counted once, when its form is sent twice (also at once)', async () => {
    const template = await pledgeTemplate(backend)
    const create = (submitKey?: string) => () =>
      backend.call(DEMO.admin, 'pledge', 'campaign/create', {
        templateId: template.templateId,
        version: 1,
        year: 2026,
        orgId: 'org-c1',
        deadline: clock + 86_400_000,
        ...(submitKey === undefined ? {} : { submitKey }),
      })
    const counts = async () => [
      (await backend.docs('pledge_campaigns')).length,
      (await backend.docs('pledge_assignments')).length,
    ]
    // The second send starts at each of the first's database requests in turn, and once after it.
    for (let round = 1; round <= 12; round++) {
      const [campaigns, assigned] = await counts()
      const submitKey = `campaignForm${round}abcdefgh`
      const [a, b] = await startDuring(
        create(submitKey),
        { openid: DEMO.admin, label: 'pledge campaign/create' },
        round,
        create(submitKey),
      )
      expect(ok(b)).toEqual(ok(a))
      expect(await counts()).toEqual([campaigns + 1, assigned + ok(a).assigned])
    }
    await expectRollupsOfAssignments()
    // Without a key (an older client), every send is a campaign of its own.
    const [campaigns] = await counts()
    ok(await create()())
    ok(await create()())
    expect((await counts())[0]).toBe(campaigns + 2)
  })

  it('finishes a campaign whose creating call died on the way, when its form is sent again after that call’s time', async () => {
    // Two people of one branch: their assignments count in one node-month, one rollup request.
    const { named, form } = await branchCampaignForm(2)
    for (let at = 1; ; at++) {
      const create = form(`diedAt${at}OnTheWay12345`)
      const stop = dieAt(who, at)
      const first = await quietly(() => create().finally(stop))
      if (first.ok) break // past its last request: nothing left to kill
      const stored = (await backend.docs('pledge_campaigns')).find(
        (c) => c.createdAt === clock && c.assigning,
      )
      const writtenBefore = (await backend.docs('pledge_assignments')).filter(
        (a) => a.campaignId === stored?._id,
      ).length
      if (stored) {
        // Sent again while the first could still be at work: answered as stored, nothing written twice.
        ok(await create())
        clock += 31_000
      }
      const again = ok(await create())
      expect(again).toMatchObject({ assigned: 2, memberCount: 2 })
      const assigned = (await backend.docs('pledge_assignments')).filter((a) => a.campaignId === again.id)
      expect(assigned.map((a) => a.memberId).sort()).toEqual([...named].sort())
      expect((await backend.docs('pledge_campaigns')).find((c) => c._id === again.id)).toMatchObject({
        assigning: false,
        assignedCount: 2,
      })
      if (writtenBefore < 2) {
        // It died before counting (it counts after writing them all): the finished campaign is counted once.
        await expectRollupsOfAssignments()
      } else {
        // It died while counting or after: whether its count was stored is not known, and the nightly check
        // reports the difference if it was not (rollups/rebuild repairs it). Nothing is counted twice.
        const night = ok(await quietly(() => backend.fireTimer('stats', 'nightlyRollupCheck'))) as {
          drift: { key: string; stored: number; expected: number }[]
        }
        for (const d of night.drift) expect(d.stored).toBeLessThan(d.expected)
        ok(await backend.call(DEMO.admin, 'stats', 'rollups/rebuild', {}))
        await expectRollupsOfAssignments()
      }
      expect(ok(await create())).toEqual(again)
      clock += 1000
    }
  })

  it('finishes a dead call’s campaign once when two late sends of its form overlap at every point', async () => {
    const { named, form } = await branchCampaignForm(3)
    for (let round = 1; round <= 8; round++) {
      const create = form(`lateTwice${round}Form12345`)
      // The first send dies right after storing the campaign, before any assignment.
      const stop = dieAt(who, 6)
      expect((await quietly(() => create().finally(stop))).ok).toBe(false)
      const dead = (await backend.docs('pledge_campaigns')).filter((c) => c.assigning === true)
      expect(dead).toEqual([expect.objectContaining({ createdAt: clock })])
      expect((await backend.docs('pledge_assignments')).filter((x) => x.campaignId === dead[0]._id)).toEqual(
        [],
      )
      clock += 31_000
      const [a, b] = await startDuring(create, who, round, create)
      expect(ok(b).id).toBe(ok(a).id)
      const assigned = (await backend.docs('pledge_assignments')).filter((x) => x.campaignId === ok(a).id)
      expect(assigned.map((x) => x.memberId).sort()).toEqual([...named].sort())
      expect((await backend.docs('pledge_campaigns')).find((c) => c._id === ok(a).id)).toMatchObject({
        assigning: false,
        assignedCount: 3,
      })
      await expectRollupsOfAssignments()
    }
  })

  it('refuses other roles, places outside the caller’s reach, and bad settings, changing nothing', async () => {
    const template = await pledgeTemplate(backend)
    const create =
      (who: string, patch: Record<string, unknown> = {}) =>
      () =>
        backend.call(who, 'pledge', 'campaign/create', {
          templateId: template.templateId,
          version: 1,
          year: 2026,
          orgId: 'org-c1',
          deadline: clock + 86_400_000,
          ...patch,
        } as never)
    await refusedUnchanged(create(DEMO.secretary1), 'COMMON.FORBIDDEN')
    await refusedUnchanged(create(DEMO.member1), 'COMMON.FORBIDDEN')
    await refusedUnchanged(create(DEMO.admin, { orgId: 'org-nowhere' }), 'ORG.NOT_FOUND')
    await refusedUnchanged(create(DEMO.admin, { version: 9 }), 'PLEDGE.TEMPLATE_NOT_FOUND')
    await refusedUnchanged(create(DEMO.admin, { deadline: clock - 1 }), 'PLEDGE.DEADLINE_PAST')
    await refusedUnchanged(create(DEMO.admin, { memberIds: ['m001'] }), 'MEMBER.NOT_FOUND')
    // A name from another community than the campaign's is refused, not dropped, with the others named.
    const members = await backend.docs('members')
    const inC1 = members.find((m) => m.orgPath.includes('org-c1')) as Stored
    const inC2 = members.find((m) => m.orgPath.includes('org-c2')) as Stored
    await refusedUnchanged(create(DEMO.admin, { memberIds: [inC1._id, inC2._id] }), 'MEMBER.NOT_FOUND')
    await refusedUnchanged(
      create(DEMO.admin, { roles: ['lecturer'], orgId: 'org-c6' }),
      'PLEDGE.NOBODY_ASSIGNED',
    )
    await refusedUnchanged(create(DEMO.admin, { year: 1900 }), 'COMMON.INVALID_INPUT')
  })
})

describe('signing', () => {
  it('stores the image, strokes, exact text, signer and time, hashed and chained', async () => {
    const { template } = await pledgeCampaign(backend)
    const id = await assignmentOf(backend, DEMO.member1)
    // The template changes after the campaign: the member signs the version assigned.
    ok(
      await backend.call(DEMO.admin, 'pledge', 'template/save', {
        templateId: template.templateId,
        baseVersion: 1,
        kind: 'integrity',
        title: template.title,
        body: '改过的第二版',
      }),
    )
    const png = signaturePng()
    const view = ok(await sign(backend, DEMO.member1, id, png))
    expect(view).toMatchObject({ status: 'signed', version: 1, body: template.body, mine: true })
    expect(view.signature).toMatchObject({ seq: 1, imageWidth: 600, imageHeight: 300 })
    const [signing] = await backend.docs('pledge_signings')
    const member = (await backend.docs('members')).find((m) => m.openid === DEMO.member1) as Stored
    expect(signing).toMatchObject({
      assignmentId: id,
      text: template.body,
      version: 1,
      memberId: member._id,
      openid: DEMO.member1,
      signedAt: clock,
      strokes: signatureStrokes(),
      imageSha256: createHash('sha256').update(png).digest('hex'),
      prevHash: '0'.repeat(64),
    })
    expect(await backend.stored(signing.imageFileID)).toEqual(png)
    expect((await minePledges(backend, DEMO.member1))[0].status).toBe('signed')
    // The member's second signing changes nothing.
    await refusedUnchanged(() => sign(backend, DEMO.member1, id), 'PLEDGE.ALREADY_SIGNED')
  })

  it('refuses a pledge not assigned to the caller, a bad image and a trivial signature, changing nothing', async () => {
    await pledgeCampaign(backend)
    const id = await assignmentOf(backend, DEMO.member1)
    await refusedUnchanged(() => sign(backend, DEMO.member2, id), 'PLEDGE.NOT_FOUND')
    await refusedUnchanged(() => sign(backend, DEMO.secretary2, id), 'PLEDGE.NOT_FOUND')
    await refusedUnchanged(() => sign(backend, DEMO.member1, `${id}x`), 'PLEDGE.NOT_FOUND')
    await refusedUnchanged(
      () => sign(backend, DEMO.member1, id, Buffer.from('GIF89a not a png')),
      'FILE.WRONG_TYPE',
    )
    await refusedUnchanged(
      () => sign(backend, DEMO.member1, id, Buffer.concat([signaturePng(), Buffer.alloc(600 * 1024)])),
      'FILE.TOO_LARGE',
    )
    await refusedUnchanged(
      () => sign(backend, DEMO.member1, id, signaturePng(2000, 20)),
      'PLEDGE.IMAGE_INVALID',
    )
    const fileID = await uploadPng(backend, DEMO.member1, signaturePng())
    const tick = [
      [
        [10, 10, 0],
        [12, 11, 16],
        [14, 12, 32],
      ],
    ] as [number, number, number][][]
    await refusedUnchanged(
      () =>
        backend.call(DEMO.member1, 'pledge', 'pledge/sign', {
          assignmentId: id,
          fileID,
          strokes: tick,
          confirmed: true,
        }),
      'PLEDGE.SIGNATURE_INVALID',
    )
    const theirs = await uploadPng(backend, DEMO.member2, signaturePng())
    await refusedUnchanged(
      () =>
        backend.call(DEMO.member1, 'pledge', 'pledge/sign', {
          assignmentId: id,
          fileID: theirs,
          strokes: signatureStrokes(),
          confirmed: true,
        }),
      'FILE.FORBIDDEN',
    )
    await refusedUnchanged(
      () =>
        backend.raw(DEMO.member1, 'pledge', {
          action: 'pledge/sign',
          data: { assignmentId: id, fileID, strokes: signatureStrokes(), confirmed: false },
        }),
      'COMMON.INVALID_INPUT',
    )
  })

  it('signs one pledge once when the member’s two signings overlap at every point', async () => {
    await pledgeCampaign(backend)
    const id = await assignmentOf(backend, DEMO.member1)
    for (let round = 1; round <= 12; round++) {
      const files = [
        await uploadPng(backend, DEMO.member1, signaturePng()),
        await uploadPng(backend, DEMO.member1, signaturePng()),
      ]
      const signWith = (fileID: string) => () =>
        backend.call(DEMO.member1, 'pledge', 'pledge/sign', {
          assignmentId: id,
          fileID,
          strokes: signatureStrokes(),
          confirmed: true,
        })
      const [a, b] = await startDuring(
        signWith(files[0]),
        { openid: DEMO.member1, label: 'pledge pledge/sign' },
        round,
        signWith(files[1]),
      )
      const signings = (await backend.docs('pledge_signings')).filter((s) => s.assignmentId === id)
      expect(signings).toHaveLength(1)
      if (round === 1) expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1)
      else expect([a.ok, b.ok]).toEqual([false, false])
    }
    const kept = (await backend.docs('pledge_signings'))[0]
    expect(await backend.stored(kept.imageFileID)).not.toBeNull()
  })

  it('signs once when a signing’s mark on the pledge was lost (a call killed between its writes), and repairs it', async () => {
    await pledgeCampaign(backend)
    const id = await assignmentOf(backend, DEMO.member1)
    ok(await sign(backend, DEMO.member1, id))
    // As if the call had died after storing the signing, before marking the pledge signed.
    await tamper(backend, 'pledge_assignments', id, { status: 'pending', signedAt: null, signingId: null })
    const again = failed(await sign(backend, DEMO.member1, id))
    expect(again.code).toBe('PLEDGE.ALREADY_SIGNED')
    expect((await backend.docs('pledge_signings')).filter((s) => s.assignmentId === id)).toHaveLength(1)
    const repaired = (await backend.docs('pledge_assignments')).find((a) => a._id === id)
    expect(repaired).toMatchObject({ status: 'signed', signingId: expect.stringMatching(/^chain_/) })
  })

  it('keeps one unbroken chain when signings of different members overlap at every point', async () => {
    await pledgeCampaign(backend, 'org-street')
    const people = STREET_PEOPLE
    const ids = await Promise.all(people.map((who) => assignmentOf(backend, who)))
    ok(await sign(backend, people[0], ids[0]))
    // A pair overlapping at each request of the first one's signing, then the rest all at once.
    for (let round = 1; round <= 6; round++) {
      const [k, j] = [2 * round - 1, 2 * round]
      const [a, b] = await startDuring(
        () => sign(backend, people[k], ids[k]),
        { openid: people[k], label: 'pledge pledge/sign' },
        round,
        () => sign(backend, people[j], ids[j]),
      )
      ok(a)
      ok(b)
    }
    const rest = people.slice(13)
    const files = await Promise.all(rest.map((who) => uploadPng(backend, who, signaturePng())))
    const burst = await Promise.all(
      rest.map((who, i) =>
        backend.call(who, 'pledge', 'pledge/sign', {
          assignmentId: ids[13 + i],
          fileID: files[i],
          strokes: signatureStrokes(),
          confirmed: true,
        }),
      ),
    )
    burst.forEach((r) => ok(r))
    const chain = (await backend.docs('pledge_signings')).sort((x, y) => x.seq - y.seq)
    expect(chain.map((s) => s.seq)).toEqual(people.map((_, i) => i + 1))
    for (let i = 1; i < chain.length; i++) expect(chain[i].prevHash).toBe(chain[i - 1].hash)
    const verified = ok(await backend.call(people[0], 'pledge', 'pledge/verify', { assignmentId: ids[0] }))
    expect(verified).toMatchObject({ intact: true, headSeq: people.length })
    const full = ok(await backend.call(DEMO.inspector, 'pledge', 'chain/verify', {}))
    expect(full).toMatchObject({ from: 1, to: people.length, chainBreak: null, next: null })
  })
})

describe('verification', () => {
  async function threeSigned() {
    await pledgeCampaign(backend)
    const people = ['member1', 'member2', 'member3'] as const
    const ids: string[] = []
    for (const who of people) {
      const id = await assignmentOf(backend, DEMO[who])
      ok(await sign(backend, DEMO[who], id))
      clock += 60_000
      ids.push(id)
    }
    const chain = (await backend.docs('pledge_signings')).sort((x, y) => x.seq - y.seq)
    const verify = (i: number) =>
      backend.call(DEMO[people[i]], 'pledge', 'pledge/verify', { assignmentId: ids[i] }).then(ok)
    return { ids, chain, verify }
  }

  it('recomputes the hash and shows the chain intact', async () => {
    const { verify, chain } = await threeSigned()
    expect(await verify(2)).toMatchObject({
      intact: true,
      recordIntact: true,
      imageIntact: true,
      chainIntact: true,
      checkedFrom: 1,
      checkedTo: 3,
      headSeq: 3,
      seq: 3,
      hash: chain[2].hash,
    })
    // The inspector reads and verifies anyone's; another member cannot.
    const inspected = ok(
      await backend.call(DEMO.inspector, 'pledge', 'pledge/verify', {
        assignmentId: (await threeSignedIds())[0],
      }),
    )
    expect(inspected.intact).toBe(true)
  })

  async function threeSignedIds() {
    return (await backend.docs('pledge_signings'))
      .sort((x, y) => x.seq - y.seq)
      .map((s) => s.assignmentId as string)
  }

  it('fails when one stored byte of an earlier signing’s text or strokes changes', async () => {
    const { verify, chain } = await threeSigned()
    await tamper(backend, 'pledge_signings', chain[0]._id, { text: `${chain[0].text as string}。` })
    expect(await verify(2)).toMatchObject({
      intact: false,
      recordIntact: true,
      chainIntact: false,
      chainBreak: { kind: 'altered', seq: 1 },
    })
    await tamper(backend, 'pledge_signings', chain[0]._id, { text: chain[0].text })
    expect((await verify(2)).intact).toBe(true)
    await tamper(backend, 'pledge_signings', chain[1]._id, { 'strokes.0.0.0': 21 })
    expect(await verify(1)).toMatchObject({
      intact: false,
      recordIntact: false,
      chainBreak: { kind: 'altered', seq: 2 },
    })
  })

  it('fails when a stored image byte changes', async () => {
    const { verify, chain } = await threeSigned()
    const bytes = Buffer.from((await backend.stored(chain[1].imageFileID)) as Buffer)
    bytes[bytes.length - 20] ^= 0xff
    await backend.putFile((chain[1].imageFileID as string).replace(/^cloud:\/\/[^/]+\//, ''), bytes)
    expect(await verify(1)).toMatchObject({ intact: false, imageIntact: false, chainIntact: true })
    expect((await verify(0)).intact).toBe(true)
  })

  it('fails when a past signing is deleted, in the middle or at the end', async () => {
    const { verify, chain } = await threeSigned()
    await removeDoc(backend, 'pledge_signings', chain[1]._id)
    expect(await verify(0)).toMatchObject({ intact: false, chainBreak: { kind: 'missing', seq: 2 } })
    // The last link removed as well: the head still names link 3.
    await removeDoc(backend, 'pledge_signings', chain[2]._id)
    const v = await verify(0)
    expect(v.intact).toBe(false)
  })

  it('fails when the head is removed, with or without the last links', async () => {
    const { verify, chain } = await threeSigned()
    await removeDoc(backend, 'pledge_chain', 'head')
    await removeDoc(backend, 'pledge_signings', chain[2]._id)
    expect(await verify(0)).toMatchObject({ intact: false, chainBreak: { kind: 'missing', seq: 3 } })
    expect(ok(await backend.call(DEMO.inspector, 'pledge', 'chain/verify', {}))).toMatchObject({
      chainBreak: { kind: 'missing', seq: 3 },
      next: null,
    })
  })

  /** `n` signings, in order, of two street campaigns (each member signs one of each). */
  async function manySigned(n: number) {
    const first = (await pledgeCampaign(backend, 'org-street')).campaign
    clock += 1000
    const second = (await pledgeCampaign(backend, 'org-street')).campaign
    const signed: { who: string; id: string }[] = []
    for (const campaign of [first, second]) {
      for (const who of STREET_PEOPLE) {
        if (signed.length === n) break
        const mine = await minePledges(backend, who)
        const id = mine.find((p) => p.assignmentId.startsWith(`${campaign.id}_`))?.assignmentId as string
        ok(await sign(backend, who, id))
        clock += 1000
        signed.push({ who, id })
      }
    }
    const chain = (await backend.docs('pledge_signings')).sort((x, y) => x.seq - y.seq)
    const verify = (i: number) =>
      backend.runtime
        .measure(
          'pledge',
          { action: 'pledge/verify', data: { assignmentId: signed[i].id } },
          { openid: signed[i].who },
        )
        .then(({ result, requests }) => ({ v: ok(result as never) as PledgeVerification, requests }))
    const full = (from?: number) =>
      backend.call(DEMO.inspector, 'pledge', 'chain/verify', from === undefined ? {} : { from }).then(ok)
    return { signed, chain, verify, full }
  }

  it('verifies one pledge by the links around it, at the same cost early or late in a long chain', async () => {
    const K = CHECKPOINT_EVERY
    const { chain, verify, full } = await manySigned(K + 5)
    const early = await verify(4)
    const late = await verify(K + 4)
    expect(early.v).toMatchObject({ intact: true, seq: 5, checkedFrom: 1, checkedTo: K + 1, headSeq: K + 5 })
    // The checkpoint after it, to compare with the one the full verification prints.
    expect(early.v.checkpoint).toEqual({ seq: K, hash: chain[K - 1].hash })
    expect(late.v).toMatchObject({
      intact: true,
      seq: K + 5,
      checkedFrom: K,
      checkedTo: K + 5,
      checkpoint: null,
    })
    expect(late.requests).toBe(early.requests)
    const page = await full()
    expect(page).toMatchObject({ from: 1, to: K + 5, headSeq: K + 5, chainBreak: null, next: null })
    expect(page.headHash).toBe(chain[K + 4].hash)
    expect(page.checkpoints).toEqual([{ seq: K, hash: chain[K - 1].hash }])
  })

  it('shows a change far back in the full verification, and a change or deletion near a pledge in its own', async () => {
    const K = CHECKPOINT_EVERY
    const { chain, verify, full } = await manySigned(K + 5)
    await tamper(backend, 'pledge_signings', chain[1]._id, { text: `${chain[1].text as string}。` })
    // Link 2 lies outside the window of link K + 5: its bounded check holds; link 5's does not.
    expect((await verify(K + 4)).v.intact).toBe(true)
    expect((await verify(4)).v).toMatchObject({ intact: false, chainBreak: { kind: 'altered', seq: 2 } })
    expect(await full()).toMatchObject({ chainBreak: { kind: 'altered', seq: 2 } })
    // A page starting later does not read link 2 (pages are independent; a walk starts at 1).
    expect(await full(4)).toMatchObject({ from: 4, to: K + 5, chainBreak: null, next: null })
    await tamper(backend, 'pledge_signings', chain[1]._id, { text: chain[1].text })
    await removeDoc(backend, 'pledge_signings', chain[K + 1]._id)
    expect((await verify(K + 4)).v).toMatchObject({
      intact: false,
      chainBreak: { kind: 'missing', seq: K + 2 },
    })
    expect(await full()).toMatchObject({ chainBreak: { kind: 'missing', seq: K + 2 } })
  })

  it('lets the street admin and the inspector walk the full verification, and nobody else', async () => {
    await threeSigned()
    expect(ok(await backend.call(DEMO.admin, 'pledge', 'chain/verify', { from: 2 }))).toMatchObject({
      from: 2,
      to: 3,
      chainBreak: null,
    })
    expect(ok(await backend.call(DEMO.inspector, 'pledge', 'chain/verify', { from: 9 }))).toMatchObject({
      from: 9,
      next: null,
      chainBreak: null,
    })
    for (const who of [DEMO.secretary1, DEMO.member1]) {
      await refusedUnchanged(() => backend.call(who, 'pledge', 'chain/verify', {}), 'COMMON.FORBIDDEN')
    }
  })

  it('answers NOT_SIGNED for a pending pledge and NOT_FOUND for someone else’s', async () => {
    await pledgeCampaign(backend)
    const id = await assignmentOf(backend, DEMO.member1)
    await refusedUnchanged(
      () => backend.call(DEMO.member1, 'pledge', 'pledge/verify', { assignmentId: id }),
      'PLEDGE.NOT_SIGNED',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.member2, 'pledge', 'pledge/verify', { assignmentId: id }),
      'PLEDGE.NOT_FOUND',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.secretary2, 'pledge', 'pledge/get', { assignmentId: id }),
      'PLEDGE.NOT_FOUND',
    )
    // The community's secretary reads it.
    expect(ok(await backend.call(DEMO.secretary1, 'pledge', 'pledge/get', { assignmentId: id })).mine).toBe(
      false,
    )
  })
})

describe('completion and reminders', () => {
  it('counts 已签 / 应签 per organisation, lists the unsigned and the overdue, and reminds them once a day', async () => {
    const { campaign } = await pledgeCampaign(backend)
    ok(await sign(backend, DEMO.member1, await assignmentOf(backend, DEMO.member1)))
    const completion = ok(
      await backend.call(DEMO.inspector, 'pledge', 'campaign/completion', { campaignId: campaign.id }),
    )
    expect(completion).toMatchObject({
      assigned: campaign.assigned,
      signed: 1,
      overdue: 0,
      pastDeadline: false,
    })
    expect(completion.rows.reduce((n, r) => n + r.assigned, 0)).toBe(campaign.assigned)
    expect(completion.rows.reduce((n, r) => n + r.signed, 0)).toBe(1)
    expect(completion.unsigned).toHaveLength(campaign.assigned - 1)
    // The secretary of the community reads it too; a branch secretary only their branch.
    const branch = ok(
      await backend.call(DEMO.branchSecretary1, 'pledge', 'campaign/completion', { campaignId: campaign.id }),
    )
    expect(branch.orgId).toBe('org-c1-b2')
    await refusedUnchanged(
      () => backend.call(DEMO.secretary2, 'pledge', 'campaign/completion', { campaignId: campaign.id }),
      'COMMON.FORBIDDEN',
    )
    await refusedUnchanged(
      () => backend.call(DEMO.member2, 'pledge', 'campaign/completion', { campaignId: campaign.id }),
      'COMMON.FORBIDDEN',
    )

    clock = campaign.deadline + 1
    const late = ok(
      await backend.call(DEMO.admin, 'pledge', 'campaign/completion', { campaignId: campaign.id }),
    )
    expect(late).toMatchObject({ pastDeadline: true, overdue: campaign.assigned - 1 })
    expect(late.unsigned.every((p) => p.overdue)).toBe(true)

    const ids = late.unsigned.map((p) => p.memberId)
    const bound = (await backend.docs('members')).filter((m) => ids.includes(m._id) && m.openid !== null)
    const outcome = ok(
      await backend.call(DEMO.secretary1, 'pledge', 'campaign/remind', {
        campaignId: campaign.id,
        orgId: 'org-c1',
        memberIds: ids,
      }),
    )
    expect(outcome).toEqual({
      sent: bound.length,
      already: 0,
      unreachable: ids.length - bound.length,
      resolved: 0,
      unsubscribed: 0,
      failed: 0,
    })
    const outbox = await backend.docs('outbox')
    expect(outbox).toHaveLength(bound.length)
    expect(outbox[0].data.phrase2.value).toBe('已逾期')
    const again = ok(
      await backend.call(DEMO.admin, 'pledge', 'campaign/remind', {
        campaignId: campaign.id,
        orgId: 'org-c1',
        memberIds: ids,
      }),
    )
    expect(again.sent).toBe(0)
    expect(again.already).toBe(bound.length)
    // The completion counts the reminders sent so far, in its own subtree.
    expect(
      ok(await backend.call(DEMO.admin, 'pledge', 'campaign/completion', { campaignId: campaign.id }))
        .remindersSent,
    ).toBe(bound.length)
    const inBranch = ok(
      await backend.call(DEMO.branchSecretary1, 'pledge', 'campaign/completion', { campaignId: campaign.id }),
    )
    const branchIds = new Set(inBranch.unsigned.map((p) => p.memberId))
    expect(inBranch.remindersSent).toBe(bound.filter((m) => branchIds.has(m._id)).length)
    const signer = (await backend.docs('members')).find((m) => m.openid === DEMO.member1) as Stored
    await refusedUnchanged(
      () =>
        backend.call(DEMO.secretary2, 'pledge', 'campaign/remind', {
          campaignId: campaign.id,
          orgId: 'org-c1',
          memberIds: ids,
        }),
      'COMMON.FORBIDDEN',
    )
    const resolved = ok(
      await backend.call(DEMO.admin, 'pledge', 'campaign/remind', {
        campaignId: campaign.id,
        orgId: 'org-c1',
        memberIds: [signer._id],
      }),
    )
    expect(resolved).toMatchObject({ sent: 0, resolved: 1 })
  })

  it('exports the completion as an .xlsx: everyone assigned, signed or not, by organisation', async () => {
    const { campaign } = await pledgeCampaign(backend)
    ok(await sign(backend, DEMO.member1, await assignmentOf(backend, DEMO.member1)))
    const file = ok(
      await backend.call(DEMO.inspector, 'pledge', 'campaign/export', { campaignId: campaign.id }),
    )
    expect(file.fileName).toMatch(/^承诺书签订情况-2026-\d{8}\.xlsx$/)
    const cloudPath = new URL(file.url, 'http://host').pathname.replace('/local/files/', '')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await backend.stored(`cloud://local.local/${cloudPath}`)) as unknown as ArrayBuffer,
    )
    const rows: unknown[][] = []
    workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    expect(String(rows[0][0])).toContain(`已签1份 / 应签${campaign.assigned}份`)
    expect(rows[1]).toEqual(['姓名', '所在组织', '签订情况', '签署时间'])
    const people = rows.slice(2)
    expect(people).toHaveLength(campaign.assigned)
    const signer = (await backend.docs('members')).find((m) => m.openid === DEMO.member1) as Stored
    expect(people.filter((r) => r[2] === '已签')).toEqual([
      [signer.name, expect.any(String), '已签', expect.stringMatching(/^2026-11-25 \d\d:\d\d$/)],
    ])
    expect(people.filter((r) => r[2] === '未签')).toHaveLength(campaign.assigned - 1)
    // A branch secretary exports their branch only; another community's secretary nothing.
    const branch = ok(
      await backend.call(DEMO.branchSecretary1, 'pledge', 'campaign/export', { campaignId: campaign.id }),
    )
    expect(branch.fileName).toMatch(/\.xlsx$/)
    await refusedUnchanged(
      () => backend.call(DEMO.secretary2, 'pledge', 'campaign/export', { campaignId: campaign.id }),
      'COMMON.FORBIDDEN',
    )
  })

  it('lists campaigns to their keepers and to secretaries whose members they assign', async () => {
    const { campaign } = await pledgeCampaign(backend)
    const ids = (who: string) =>
      backend.call(who, 'pledge', 'campaign/list', {}).then((r) => ok(r).map((c) => c.id))
    expect((await ids(DEMO.admin)).sort()).toEqual([campaign.id, SEEDED_CAMPAIGN].sort())
    expect(await ids(DEMO.inspector)).toContain(campaign.id)
    const mine = ok(await backend.call(DEMO.secretary1, 'pledge', 'campaign/list', {}))
    expect(mine.find((c) => c.id === campaign.id)).toMatchObject({ orgName: '和平社区党委' })
    expect(ok(await backend.call(DEMO.secretary2, 'pledge', 'campaign/list', {}))).toEqual([])
    await refusedUnchanged(
      () => backend.call(DEMO.member1, 'pledge', 'campaign/list', {}),
      'COMMON.FORBIDDEN',
    )
  })
})

it('keeps rollup counters equal to a direct count of the assignments after overlapping signings', async () => {
  const { campaign } = await pledgeCampaign(backend)
  const people = [...C1]
  const ids = await Promise.all(people.map((who) => assignmentOf(backend, DEMO[who])))
  await Promise.all(people.map((who, i) => sign(backend, DEMO[who], ids[i])))
  expect(campaign.assigned).toBeGreaterThan(people.length)
  await expectRollupsOfAssignments()
})

/** The creating call of a campaign form, as the race and death sweeps watch it. */
const who = { openid: DEMO.admin, label: 'pledge campaign/create' }

/** `n` people of one branch, and a campaign form naming them, sent as `form(submitKey)()`. */
async function branchCampaignForm(n: number) {
  const template = await pledgeTemplate(backend)
  const named = (await backend.docs('members'))
    .filter((m) => m.orgId === 'org-c1-b1')
    .slice(0, n)
    .map((m) => m._id as string)
  const form = (submitKey: string) => () =>
    backend.call(DEMO.admin, 'pledge', 'campaign/create', {
      templateId: template.templateId,
      version: 1,
      year: 2026,
      orgId: 'org-c1',
      memberIds: named,
      deadline: clock + 86_400_000,
      submitKey,
    })
  return { named, form }
}

/** Runs `work` with console.error silenced: the errors it logs (a call that died, a drift found) are expected. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    return await work()
  } finally {
    quiet.mockRestore()
  }
}

/** The pledge counters of every node-month equal a direct count of the stored assignments. */
async function expectRollupsOfAssignments(): Promise<void> {
  const direct = sumContributions(
    (await backend.docs('pledge_assignments')).flatMap((a) => pledgeRollup(a as never)),
  )
  // Other capabilities count in the same node-month documents: compare the pledge counters only.
  const pledgeCounts = (c: unknown) =>
    Object.fromEntries(Object.entries(flattenCounts(c)).filter(([key]) => key.startsWith('pledge.')))
  const stored = new Map(
    (await backend.docs('rollups'))
      .map((r) => [r._id, pledgeCounts(r.c)] as const)
      .filter(([, counts]) => Object.keys(counts).length > 0),
  )
  for (const [id, bucket] of direct) expect(stored.get(id)).toEqual(bucket.counts)
  expect(stored.size).toBe(direct.size)
}
