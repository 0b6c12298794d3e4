import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'

let backend: Backend
beforeEach(async () => {
  backend = await startBackend()
})
afterEach(() => backend.close())

describe('account/me', () => {
  it('answers a new WeChat user as a resident and remembers them', async () => {
    const me = ok(await backend.call('wx-new-user', 'account', 'account/me', {}))
    expect(me).toEqual({
      bound: false,
      member: null,
      roles: [],
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
    })
    expect((await backend.docs('users')).some((u) => u._id === 'wx-new-user')).toBe(true)
  })

  it('answers a bound secretary with their member record and roles', async () => {
    const me = ok(await backend.call(DEMO.secretary1, 'account', 'account/me', {}))
    expect(me.bound).toBe(true)
    expect(me.member?.orgName).toBe('第一党支部')
    expect(me.roles).toEqual([{ orgId: 'org-c1', orgName: '和平社区党委', role: 'community_secretary' }])
  })

  it('refuses a call without a WeChat identity and stores nothing', async () => {
    const before = await backend.snapshot()
    expect(failed(await backend.call(null, 'account', 'account/me', {})).code).toBe('COMMON.UNAUTHENTICATED')
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('bad requests get a code and a Chinese message, and change nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    ['no event', null, 'COMMON.BAD_REQUEST'],
    ['action missing', { data: {} }, 'COMMON.BAD_REQUEST'],
    ['action not a string', { action: 42 }, 'COMMON.BAD_REQUEST'],
    ['unknown action', { action: 'account/deleteEverything' }, 'COMMON.UNKNOWN_ACTION'],
    ['prototype key as action', { action: 'constructor' }, 'COMMON.UNKNOWN_ACTION'],
    ['missing field', { action: 'account/bindByInvite', data: {} }, 'COMMON.INVALID_INPUT'],
    ['wrong type', { action: 'account/bindByInvite', data: { code: 12345678 } }, 'COMMON.INVALID_INPUT'],
    [
      'extra field naming the caller',
      { action: 'account/me', data: { openid: DEMO.admin } },
      'COMMON.INVALID_INPUT',
    ],
    [
      'huge string',
      { action: 'account/bindByPhone', data: { name: '张'.repeat(100_000), phoneLast4: '1234' } },
      'COMMON.TOO_LARGE',
    ],
    [
      'long name',
      { action: 'account/bindByPhone', data: { name: '张'.repeat(31), phoneLast4: '1234' } },
      'COMMON.INVALID_INPUT',
    ],
    [
      'digits not digits',
      { action: 'account/bindByPhone', data: { name: '张三', phoneLast4: '12a4' } },
      'COMMON.INVALID_INPUT',
    ],
  ]
  it.each(cases)('%s', async (_label, event, code) => {
    const before = await backend.snapshot()
    const result = failed(await backend.raw(DEMO.resident2, 'account', event))
    expect(result.code).toBe(code)
    expect(result.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(await backend.snapshot()).toEqual(before)
  })

  it('says which field is wrong, in Chinese', async () => {
    const result = failed(
      await backend.raw(DEMO.resident2, 'account', { action: 'account/bindByPhone', data: { name: '张三' } }),
    )
    expect(result.message).toContain('手机号后四位')
    expect(result.message).toContain('缺少必填项')
  })
})

describe('binding with an invite code', () => {
  it('binds a resident to the invited member, once', async () => {
    const me = ok(
      await backend.call(DEMO.resident1, 'account', 'account/bindByInvite', { code: 'xfjd-2345' }),
    )
    expect(me.bound).toBe(true)
    const invite = (await backend.docs('invites')).find((i) => i._id === 'XFJD2345')
    expect(invite?.usedBy).toBe(DEMO.resident1)
    const member = (await backend.docs('members')).find((m) => m._id === me.member?.id)
    expect(member?.openid).toBe(DEMO.resident1)

    expect(
      failed(await backend.call(DEMO.resident2, 'account', 'account/bindByInvite', { code: 'XFJD2345' }))
        .code,
    ).toBe('ACCOUNT.INVITE_USED')
    expect(
      failed(await backend.call(DEMO.resident1, 'account', 'account/bindByInvite', { code: 'XFJD2346' }))
        .code,
    ).toBe('ACCOUNT.ALREADY_BOUND')
  })

  it('refuses an unknown code and an expired code', async () => {
    expect(
      failed(await backend.call(DEMO.resident1, 'account', 'account/bindByInvite', { code: 'ZZZZ9999' }))
        .code,
    ).toBe('ACCOUNT.INVITE_INVALID')
    const invite = ok(
      await backend.call(DEMO.secretary1, 'account', 'account/createInvite', { memberId: 'm016' }),
    )
    const { LocalDatabase } = await import('../../server/db/local-database')
    expect(backend.database).toBeInstanceOf(LocalDatabase)
    await backend.database.handle('database.modifyDocument', {
      collectionName: 'invites',
      queryType: 'DOC',
      query: JSON.stringify({ _id: invite.code }),
      data: JSON.stringify({ $set: { expiresAt: Date.now() - 1 } }),
      multi: false,
      merge: true,
      upsert: false,
    })
    expect(
      failed(await backend.call(DEMO.resident1, 'account', 'account/bindByInvite', { code: invite.code }))
        .code,
    ).toBe('ACCOUNT.INVITE_EXPIRED')
  })

  it('lets ten residents racing for one code bind exactly one of them', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        backend.call(`wx-race-${i}`, 'account', 'account/bindByInvite', { code: 'XFJD2346' }),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const invitee = (await backend.docs('invites')).find((i) => i._id === 'XFJD2346')
    const bound = (await backend.docs('users')).filter((u) => u.memberId === invitee?.memberId)
    expect(bound).toHaveLength(1)
  })
})

describe('binding with name and the last four phone digits', () => {
  async function unboundMember() {
    const members = await backend.docs('members')
    return members.find((m) => m.openid === null && m.orgId === 'org-c2-b1') as {
      _id: string
      name: string
      phone: string
    }
  }

  it('binds when both match the roster', async () => {
    const m = await unboundMember()
    const me = ok(
      await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', {
        name: ` ${m.name} `,
        phoneLast4: m.phone.slice(-4),
      }),
    )
    expect(me.member?.id).toBe(m._id)
  })

  it('counts failures, says how many tries are left, then locks even the right answer', async () => {
    const m = await unboundMember()
    for (let remaining = 4; remaining >= 1; remaining--) {
      const result = failed(
        await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', {
          name: m.name,
          phoneLast4: '0000',
        }),
      )
      expect(result.code).toBe('ACCOUNT.MATCH_FAILED')
      expect(result.message).toContain(`还可尝试${remaining}次`)
    }
    const fifth = failed(
      await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', {
        name: m.name,
        phoneLast4: '0000',
      }),
    )
    expect(fifth.code).toBe('ACCOUNT.BIND_LOCKED')
    const right = failed(
      await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', {
        name: m.name,
        phoneLast4: m.phone.slice(-4),
      }),
    )
    expect(right.code).toBe('ACCOUNT.BIND_LOCKED')
    expect(right.message).toContain('小时后再试')
    expect((await backend.docs('members')).find((x) => x._id === m._id)?.openid).toBeNull()
  })

  it('refuses a member already bound to another WeChat account', async () => {
    const members = await backend.docs('members')
    const taken = members.find((m) => m.openid === DEMO.member1) as { name: string; phone: string }
    const result = failed(
      await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', {
        name: taken.name,
        phoneLast4: taken.phone.slice(-4),
      }),
    )
    expect(result.code).toBe('ACCOUNT.MEMBER_TAKEN')
    expect(ok(await backend.call(DEMO.resident2, 'account', 'account/me', {})).bound).toBe(false)
  })
})

describe('account/createInvite', () => {
  it('lets a community secretary invite a member of their own community, replacing older codes', async () => {
    const first = ok(
      await backend.call(DEMO.secretary1, 'account', 'account/createInvite', { memberId: 'm016' }),
    )
    const second = ok(
      await backend.call(DEMO.secretary1, 'account', 'account/createInvite', { memberId: 'm016' }),
    )
    expect(second.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    expect(
      failed(await backend.call(DEMO.resident2, 'account', 'account/bindByInvite', { code: first.code }))
        .code,
    ).toBe('ACCOUNT.INVITE_EXPIRED')
    expect(
      ok(await backend.call(DEMO.resident2, 'account', 'account/bindByInvite', { code: second.code })).member
        ?.id,
    ).toBe('m016')
  })

  it('refuses a secretary of another community, a plain member and a resident, storing nothing', async () => {
    const before = await backend.snapshot()
    expect(
      failed(await backend.call(DEMO.secretary2, 'account', 'account/createInvite', { memberId: 'm016' }))
        .code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(await backend.call(DEMO.member1, 'account', 'account/createInvite', { memberId: 'm016' })).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(await backend.call(DEMO.resident1, 'account', 'account/createInvite', { memberId: 'm016' }))
        .code,
    ).toBe('COMMON.NOT_BOUND')
    expect(
      failed(await backend.call(DEMO.secretary1, 'account', 'account/createInvite', { memberId: 'nobody' }))
        .code,
    ).toBe('MEMBER.NOT_FOUND')
    const bound = (await backend.docs('members')).find((m) => m.openid === DEMO.member1)!
    const refused = failed(
      await backend.call(DEMO.secretary1, 'account', 'account/createInvite', { memberId: bound._id }),
    )
    expect(refused).toMatchObject({ code: 'MEMBER.ALREADY_BOUND', message: '该党员已绑定微信，无需邀请码' })
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('seeing whom a binding would claim, before binding', () => {
  const orgNameOf = async (orgId: string) => (await backend.docs('orgs')).find((o) => o._id === orgId)?.name
  const unboundOfC2 = async () => {
    const found = (await backend.docs('members')).find((x) => x.openid === null && x.orgId === 'org-c2-b1')
    if (!found) throw new Error('the seed has no unbound member in org-c2-b1')
    return found
  }

  it('answers the name and branch behind an invite code, binding nothing and spending nothing', async () => {
    const before = await backend.snapshot()
    const preview = ok(
      await backend.call(DEMO.resident1, 'account', 'account/previewInvite', { code: 'xfjd-2345' }),
    )
    const invite = (await backend.docs('invites')).find((i) => i._id === 'XFJD2345')
    const member = (await backend.docs('members')).find((m) => m._id === invite?.memberId)
    expect(preview).toEqual({ name: member?.name, orgName: await orgNameOf(member?.orgId as string) })
    expect(await backend.snapshot()).toEqual(before)
    // The code still binds afterwards, to that same person.
    const me = ok(await backend.call(DEMO.resident1, 'account', 'account/bindByInvite', { code: 'XFJD2345' }))
    expect(me.member?.name).toBe(preview.name)
  })

  it('refuses a code as binding would: unknown, used, and for someone already bound', async () => {
    const previewCode = async (openid: string, code: string) =>
      failed(await backend.call(openid, 'account', 'account/previewInvite', { code })).code
    expect(await previewCode(DEMO.resident1, 'ZZZZ9999')).toBe('ACCOUNT.INVITE_INVALID')
    ok(await backend.call(DEMO.resident1, 'account', 'account/bindByInvite', { code: 'XFJD2345' }))
    expect(await previewCode(DEMO.resident2, 'XFJD2345')).toBe('ACCOUNT.INVITE_USED')
    expect(await previewCode(DEMO.member1, 'XFJD2346')).toBe('ACCOUNT.ALREADY_BOUND')
  })

  it('answers the name and branch for a unique name + digits match, binding nothing', async () => {
    const m = await unboundOfC2()
    const preview = ok(
      await backend.call(DEMO.resident2, 'account', 'account/previewPhone', {
        name: m.name,
        phoneLast4: m.phone.slice(-4),
      }),
    )
    expect(preview).toEqual({ name: m.name, orgName: await orgNameOf(m.orgId) })
    expect(Object.keys(preview).sort()).toEqual(['name', 'orgName'])
    expect((await backend.docs('members')).find((x) => x._id === m._id)?.openid).toBeNull()
  })

  it('counts a preview mismatch against the same lock as binding, so it probes no faster', async () => {
    const m = await unboundOfC2()
    const wrong = { name: m.name, phoneLast4: '0000' }
    for (let i = 0; i < 2; i++) {
      ok(await backend.call(DEMO.resident2, 'account', 'account/me', {}))
      expect(failed(await backend.call(DEMO.resident2, 'account', 'account/previewPhone', wrong)).code).toBe(
        'ACCOUNT.MATCH_FAILED',
      )
      expect(failed(await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', wrong)).code).toBe(
        'ACCOUNT.MATCH_FAILED',
      )
    }
    const fifth = failed(await backend.call(DEMO.resident2, 'account', 'account/previewPhone', wrong))
    expect(fifth.code).toBe('ACCOUNT.BIND_LOCKED')
    const right = { name: m.name, phoneLast4: m.phone.slice(-4) }
    expect(failed(await backend.call(DEMO.resident2, 'account', 'account/previewPhone', right)).code).toBe(
      'ACCOUNT.BIND_LOCKED',
    )
    expect(failed(await backend.call(DEMO.resident2, 'account', 'account/bindByPhone', right)).code).toBe(
      'ACCOUNT.BIND_LOCKED',
    )
  })

  it('refuses a roster entry already bound to another WeChat account', async () => {
    const taken = (await backend.docs('members')).find((x) => x.openid === DEMO.member1) as {
      name: string
      phone: string
    }
    const result = failed(
      await backend.call(DEMO.resident2, 'account', 'account/previewPhone', {
        name: taken.name,
        phoneLast4: taken.phone.slice(-4),
      }),
    )
    expect(result.code).toBe('ACCOUNT.MEMBER_TAKEN')
  })
})
