import ExcelJS from 'exceljs'

import { type Backend, DEMO, failed, ok, startBackend } from '../support/backend'

let backend: Backend
beforeEach(async () => {
  backend = await startBackend()
})
afterEach(() => backend.close())

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('花名册')
  rows.forEach((r) => sheet.addRow(r))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
const HEADER = ['姓名', '性别', '手机号', '所在组织', '党员类别', '干部类别']

describe('org/tree', () => {
  it('gives any signed-in person the street, its communities and branches, in order', async () => {
    const { orgs } = ok(await backend.call(DEMO.resident1, 'org', 'org/tree', {}))
    expect(orgs[0]).toMatchObject({
      id: 'org-street',
      name: '幸福街道党工委',
      type: 'street',
      parentId: null,
    })
    expect(orgs.filter((o) => o.type === 'community')).toHaveLength(7)
    expect(orgs.filter((o) => o.type === 'branch')).toHaveLength(16)
  })
})

describe('managing the organisation tree', () => {
  it('lets the street admin add, rename and remove a branch', async () => {
    const created = ok(
      await backend.call(DEMO.admin, 'org', 'org/create', { parentId: 'org-c2', name: '第三党支部' }),
    )
    expect(created).toMatchObject({ type: 'branch', parentId: 'org-c2', ancestors: ['org-street', 'org-c2'] })
    ok(await backend.call(DEMO.admin, 'org', 'org/rename', { orgId: created.id, name: '流动党员党支部' }))
    const tree = ok(await backend.call(DEMO.admin, 'org', 'org/tree', {}))
    expect(tree.orgs.find((o) => o.id === created.id)?.name).toBe('流动党员党支部')
    ok(await backend.call(DEMO.admin, 'org', 'org/remove', { orgId: created.id }))
    expect((await backend.docs('orgs')).some((o) => o._id === created.id)).toBe(false)
    expect((await backend.docs('audit_log')).map((a) => a.action)).toEqual([
      'org/create',
      'org/rename',
      'org/remove',
    ])
  })

  it('refuses what the tree does not allow, changing nothing', async () => {
    const before = await backend.snapshot()
    const cases: Array<[Promise<{ ok: boolean }>, string]> = [
      [
        backend.call(DEMO.admin, 'org', 'org/create', { parentId: 'org-c1-b1', name: '小组' }),
        'ORG.BAD_PARENT',
      ],
      [
        backend.call(DEMO.admin, 'org', 'org/create', { parentId: 'org-c1', name: '第一党支部' }),
        'ORG.NAME_TAKEN',
      ],
      [
        backend.call(DEMO.admin, 'org', 'org/create', { parentId: 'nowhere', name: '新支部' }),
        'ORG.NOT_FOUND',
      ],
      [backend.call(DEMO.admin, 'org', 'org/remove', { orgId: 'org-c1-b1' }), 'ORG.NOT_EMPTY'],
      [backend.call(DEMO.admin, 'org', 'org/remove', { orgId: 'org-street' }), 'ORG.ROOT_FIXED'],
    ]
    for (const [call, code] of cases) expect(failed((await call) as never).code).toBe(code)
    expect(await backend.snapshot()).toEqual(before)
  })

  it('refuses secretaries, members, the inspector and residents', async () => {
    const before = await backend.snapshot()
    for (const who of [DEMO.secretary1, DEMO.member1, DEMO.inspector]) {
      expect(
        failed(await backend.call(who, 'org', 'org/create', { parentId: 'org-c1', name: '新支部' })).code,
      ).toBe('COMMON.FORBIDDEN')
      expect(
        failed(await backend.call(who, 'org', 'org/rename', { orgId: 'org-c1', name: '改名' })).code,
      ).toBe('COMMON.FORBIDDEN')
    }
    expect(failed(await backend.call(DEMO.resident1, 'org', 'org/remove', { orgId: 'org-c1-b1' })).code).toBe(
      'COMMON.NOT_BOUND',
    )
    expect(await backend.snapshot()).toEqual(before)
  })
})

describe('member/list is scoped to the caller’s subtree', () => {
  it('shows a community secretary their own community with phones masked', async () => {
    const page = ok(await backend.call(DEMO.secretary1, 'org', 'member/list', { orgId: 'org-c1', limit: 50 }))
    const members = await backend.docs('members')
    const expected = members.filter((m) => (m.orgPath as string[]).includes('org-c1'))
    expect(page.total).toBe(expected.length)
    expect(page.items.map((m) => m.id).sort()).toEqual(expected.map((m) => m._id).sort())
    expect(page.items.every((m) => /^\d{3}\*{4}\d{4}$/.test(m.phone))).toBe(true)
  })

  it('shows the street admin full phone numbers, and pages through the whole street', async () => {
    const first = ok(await backend.call(DEMO.admin, 'org', 'member/list', { orgId: 'org-street', limit: 50 }))
    const second = ok(
      await backend.call(DEMO.admin, 'org', 'member/list', { orgId: 'org-street', limit: 50, offset: 50 }),
    )
    expect(first.total).toBe(78)
    expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).toBe(78)
    expect(first.items[0].phone).toMatch(/^1\d{10}$/)
  })

  it('filters by category and keyword', async () => {
    const retired = ok(
      await backend.call(DEMO.admin, 'org', 'member/list', {
        orgId: 'org-street',
        category: '离退休',
        limit: 50,
      }),
    )
    expect(retired.items.every((m) => m.category === '离退休')).toBe(true)
    const one = (await backend.docs('members'))[20] as { name: string }
    const found = ok(
      await backend.call(DEMO.admin, 'org', 'member/list', { orgId: 'org-street', keyword: one.name }),
    )
    expect(found.items.map((m) => m.name)).toContain(one.name)
    const regexChars = ok(
      await backend.call(DEMO.admin, 'org', 'member/list', { orgId: 'org-street', keyword: '.*' }),
    )
    expect(regexChars.total).toBe(0)
  })

  it('refuses another community’s roster, a plain member and an unknown node', async () => {
    expect(failed(await backend.call(DEMO.secretary1, 'org', 'member/list', { orgId: 'org-c2' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(
      failed(await backend.call(DEMO.secretary1, 'org', 'member/list', { orgId: 'org-street' })).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(failed(await backend.call(DEMO.member1, 'org', 'member/list', { orgId: 'org-c1' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(failed(await backend.call(DEMO.admin, 'org', 'member/list', { orgId: 'nowhere' })).code).toBe(
      'ORG.NOT_FOUND',
    )
    const tooMany = failed(
      await backend.call(DEMO.admin, 'org', 'member/list', { orgId: 'org-c1', limit: 500 }),
    )
    expect(tooMany).toMatchObject({
      code: 'COMMON.INVALID_INPUT',
      message: expect.stringContaining('每页条数不能大于50'),
    })
  })
})

describe('editing the roster', () => {
  const newMember = {
    name: '测试党员',
    gender: '女' as const,
    phone: '13700001111',
    orgId: 'org-c3-b1',
    category: '流动' as const,
    cadreLevel: null,
  }

  it('lets the admin create and update a member; the update moves their subtree placement', async () => {
    const created = ok(await backend.call(DEMO.admin, 'org', 'member/create', newMember))
    expect(created).toMatchObject({
      name: '测试党员',
      phone: '13700001111',
      bound: false,
      orgName: '第一党支部',
    })
    const moved = ok(
      await backend.call(DEMO.admin, 'org', 'member/update', {
        memberId: created.id,
        patch: { orgId: 'org-c4-b2' },
      }),
    )
    expect(moved.orgId).toBe('org-c4-b2')
    const stored = (await backend.docs('members')).find((m) => m._id === created.id)
    expect(stored?.orgPath).toEqual(['org-street', 'org-c4', 'org-c4-b2'])
    const c4 = ok(
      await backend.call(DEMO.secretary2, 'org', 'member/list', { orgId: 'org-c2', keyword: '测试' }),
    )
    expect(c4.total).toBe(0)
  })

  it('refuses a duplicate phone, placement on the street, and secretaries', async () => {
    const taken = (await backend.docs('members'))[0] as { phone: string }
    const before = await backend.snapshot()
    expect(
      failed(await backend.call(DEMO.admin, 'org', 'member/create', { ...newMember, phone: taken.phone }))
        .code,
    ).toBe('MEMBER.PHONE_TAKEN')
    expect(
      failed(await backend.call(DEMO.admin, 'org', 'member/create', { ...newMember, orgId: 'org-street' }))
        .code,
    ).toBe('ORG.BAD_PARENT')
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'org', 'member/create', { ...newMember, orgId: 'org-c1-b1' }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'org', 'member/update', {
          memberId: 'm016',
          patch: { name: '改名' },
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(
        await backend.call(DEMO.admin, 'org', 'member/create', { ...newMember, gender: '未知' as never }),
      ).code,
    ).toBe('COMMON.INVALID_INPUT')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('lets the admin give a member a secretary role, which then opens that roster to them', async () => {
    const member1 = (await backend.docs('members')).find((m) => m.openid === DEMO.member1) as { _id: string }
    expect(failed(await backend.call(DEMO.member1, 'org', 'member/list', { orgId: 'org-c1' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    ok(
      await backend.call(DEMO.admin, 'org', 'member/setRoles', {
        memberId: member1._id,
        roles: [{ orgId: 'org-c1-b1', role: 'branch_secretary' }],
      }),
    )
    expect(
      ok(await backend.call(DEMO.member1, 'org', 'member/list', { orgId: 'org-c1-b1' })).total,
    ).toBeGreaterThan(0)
    expect(failed(await backend.call(DEMO.member1, 'org', 'member/list', { orgId: 'org-c1-b2' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
  })

  it('holds each role only on its kind of node', async () => {
    const result = failed(
      await backend.call(DEMO.admin, 'org', 'member/setRoles', {
        memberId: 'm016',
        roles: [{ orgId: 'org-c1-b1', role: 'community_secretary' }],
      }),
    )
    expect(result).toMatchObject({ code: 'MEMBER.ROLE_PLACEMENT', message: '“社区书记”不能设在党支部上' })
  })

  it('keeps at least one street admin and refuses role changes by secretaries', async () => {
    const admin = (await backend.docs('members')).find((m) => m.openid === DEMO.admin) as { _id: string }
    expect(
      failed(await backend.call(DEMO.admin, 'org', 'member/setRoles', { memberId: admin._id, roles: [] }))
        .code,
    ).toBe('MEMBER.LAST_ADMIN')
    expect(
      failed(
        await backend.call(DEMO.secretary1, 'org', 'member/setRoles', {
          memberId: 'm016',
          roles: [{ orgId: 'org-c1', role: 'street_admin' }],
        }),
      ).code,
    ).toBe('COMMON.FORBIDDEN')
    expect(
      failed(
        await backend.call(DEMO.admin, 'org', 'member/setRoles', {
          memberId: 'm016',
          roles: [{ orgId: 'org-c1', role: 'king' as never }],
        }),
      ).code,
    ).toBe('COMMON.INVALID_INPUT')
  })

  it('shows one member to those who may read their roster, phone masked for secretaries', async () => {
    const m016 = ok(await backend.call(DEMO.secretary1, 'org', 'member/get', { memberId: 'm016' }))
    expect(m016).toMatchObject({ id: 'm016', bound: false })
    expect(m016.phone).toMatch(/^\d{3}\*{4}\d{4}$/)
    expect(ok(await backend.call(DEMO.admin, 'org', 'member/get', { memberId: 'm016' })).phone).toMatch(
      /^1\d{10}$/,
    )
    expect(failed(await backend.call(DEMO.secretary2, 'org', 'member/get', { memberId: 'm016' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(failed(await backend.call(DEMO.member1, 'org', 'member/get', { memberId: 'm016' })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(failed(await backend.call(DEMO.admin, 'org', 'member/get', { memberId: 'nobody' })).code).toBe(
      'MEMBER.NOT_FOUND',
    )
  })

  it('lets only roster managers unbind', async () => {
    const bound = (await backend.docs('members')).find((m) => m.openid === DEMO.member1) as { _id: string }
    const before = await backend.snapshot()
    for (const who of [DEMO.secretary1, DEMO.member1, DEMO.inspector]) {
      expect(failed(await backend.call(who, 'org', 'member/unbind', { memberId: bound._id })).code).toBe(
        'COMMON.FORBIDDEN',
      )
    }
    expect(await backend.snapshot()).toEqual(before)
  })

  it('unbinds a member so they can bind a new WeChat account', async () => {
    const bound = (await backend.docs('members')).find((m) => m.openid === DEMO.member1) as { _id: string }
    expect(ok(await backend.call(DEMO.admin, 'org', 'member/unbind', { memberId: bound._id })).bound).toBe(
      false,
    )
    expect(ok(await backend.call(DEMO.member1, 'account', 'account/me', {})).bound).toBe(false)
  })
})

describe('member/import', () => {
  it('imports a clean sheet uploaded to storage into the right branches, and removes the upload', async () => {
    const fileID = await backend.upload(
      DEMO.admin,
      await xlsx([
        HEADER,
        ['新党员甲', '男', '13600000001', '和平社区党委 / 第一党支部', '在职', ''],
        ['新党员乙', '女', 13600000002, '东风社区党委 / 离退休党员党支部', '离退休', ''],
      ]),
    )
    const report = ok(await backend.call(DEMO.admin, 'org', 'member/import', { fileID }))
    expect(report.imported).toBe(2)
    const members = await backend.docs('members')
    expect(members.find((m) => m.name === '新党员甲')?.orgId).toBe('org-c1-b1')
    expect(members).toHaveLength(80)
    // Phone numbers do not stay in storage once read.
    expect(await backend.stored(fileID)).toBeNull()
  })

  it('reports exactly the bad row numbers and imports nothing from that sheet', async () => {
    const taken = (await backend.docs('members'))[0] as { phone: string }
    const sheet = await xlsx([
      HEADER,
      ['好党员', '男', '13600000011', '和平社区党委 / 第一党支部', '在职', ''],
      ['', '男', '13600000012', '和平社区党委 / 第一党支部', '在职', ''],
      ['重号', '男', taken.phone, '和平社区党委 / 第一党支部', '在职', ''],
      ['好党员二', '女', '13600000014', '和平社区党委 / 第一党支部', '在职', '中层'],
      ['无支部', '女', '13600000015', '第一党支部', '在职', ''],
      ['坏类别', '女', '13600000016', '和平社区党委 / 第一党支部', '预备', ''],
    ])
    const fileID = await backend.upload(DEMO.admin, sheet)
    const before = await backend.snapshot()
    const result = failed(await backend.call(DEMO.admin, 'org', 'member/import', { fileID }))
    expect(result.code).toBe('ROSTER.IMPORT_INVALID')
    expect(result.message).toContain('4 行有误')
    const errors = (result.details as { errors: Array<{ row: number; reason: string }> }).errors
    expect(errors.map((e) => e.row)).toEqual([3, 4, 6, 7])
    expect(errors[2].reason).toContain('多个组织')
    expect(await backend.snapshot()).toEqual(before)
  })

  it('refuses a zip that is not a workbook, and anyone but a roster manager', async () => {
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('不是表格')])
    const fileID = await backend.upload(DEMO.admin, notAWorkbook)
    expect(failed(await backend.call(DEMO.admin, 'org', 'member/import', { fileID }))).toMatchObject({
      code: 'ROSTER.FILE_UNREADABLE',
      message: '无法读取文件，请上传 .xlsx 格式的花名册',
    })
    const own = await backend.upload(
      DEMO.secretary1,
      await xlsx([HEADER, ['新党员', '男', '13600000021', '和平社区党委 / 第一党支部', '在职', '']]),
    )
    const before = await backend.snapshot()
    expect(failed(await backend.call(DEMO.secretary1, 'org', 'member/import', { fileID: own })).code).toBe(
      'COMMON.FORBIDDEN',
    )
    expect(await backend.snapshot()).toEqual(before)
  })

  it('takes the sheet only through storage: a file inside the call is refused', async () => {
    const fileBase64 = (await xlsx([HEADER])).toString('base64')
    const result = failed(
      await backend.raw(DEMO.admin, 'org', { action: 'member/import', data: { fileBase64 } }),
    )
    expect(result.code).toBe('COMMON.INVALID_INPUT')
    expect(result.message).toContain('不认识的字段“fileBase64”')
  })
})
