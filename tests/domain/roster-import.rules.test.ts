import {
  checkRosterSheet,
  ROSTER_COLUMNS,
  type RosterContext,
} from '../../cloudfunctions/domain/roster-import.rules'

const ctx: RosterContext = {
  resolveOrg: (cell) =>
    cell === '和平社区党委 / 第一党支部' || cell === '第一党支部'
      ? { orgId: 'b1' }
      : { error: `找不到组织“${cell}”或不在你的管理范围内` },
  existingPhones: new Set(['13900000001']),
}
const header = [...ROSTER_COLUMNS]
const good = (name: string, phone: string) => [name, '男', phone, '第一党支部', '在职', '']

describe('checking a roster sheet', () => {
  it('accepts good rows, numbers as phones, and skips blank rows', () => {
    const result = checkRosterSheet(
      [
        header,
        good('张三', '13812345678'),
        [],
        ['李四', '女', 13812345679, '和平社区党委 / 第一党支部', '离退休', '中层'],
      ],
      ctx,
    )
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          name: '张三',
          gender: '男',
          phone: '13812345678',
          orgId: 'b1',
          category: '在职',
          cadreLevel: null,
        },
        {
          row: 4,
          name: '李四',
          gender: '女',
          phone: '13812345679',
          orgId: 'b1',
          category: '离退休',
          cadreLevel: '中层',
        },
      ],
    })
  })

  it('reports every bad row by its spreadsheet row number and accepts none', () => {
    const result = checkRosterSheet(
      [
        header,
        good('张三', '13812345678'),
        ['', '男', '13812345670', '第一党支部', '在职', ''],
        ['王五', '未知', '123', '第一党支部', '在职', ''],
        good('赵六', '13900000001'),
        good('钱七', '13812345678'),
        ['孙八', '男', '13812345671', '不存在支部', '退休', '处长'],
        ['周九', '男', '13812345672', '第一党支部', { richText: [] }, ''],
      ],
      ctx,
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8])
    expect(result.errors[0].reason).toContain('姓名为空')
    expect(result.errors[1].reason).toContain('性别')
    expect(result.errors[1].reason).toContain('手机号应为11位数字')
    expect(result.errors[2].reason).toContain('手机号已在花名册中')
    expect(result.errors[3].reason).toContain('与第2行重复')
    expect(result.errors[4].reason).toContain('找不到组织')
    expect(result.errors[4].reason).toContain('干部类别')
    expect(result.errors[5].reason).toContain('不是文字或数字')
  })

  it('refuses a sheet without the expected header, naming the missing columns', () => {
    const result = checkRosterSheet([['姓名', '电话'], good('张三', '13812345678')], ctx)
    expect(result).toEqual({
      ok: false,
      errors: [{ row: 1, reason: expect.stringContaining('性别、手机号') }],
    })
  })

  it('takes 干部层级 as the 干部类别 column, and checks its values the same way', () => {
    const withLevel = header.map((h) => (h === '干部类别' ? '干部层级' : h))
    const result = checkRosterSheet(
      [withLevel, ['王五', '男', '13812340000', '第一党支部', '在职', '科级干部']],
      ctx,
    )
    expect(result).toMatchObject({ ok: true, rows: [{ name: '王五', cadreLevel: '科级干部' }] })
    expect(
      checkRosterSheet([withLevel, ['王五', '男', '13812340000', '第一党支部', '在职', '处长']], ctx),
    ).toEqual({
      ok: false,
      errors: [{ row: 2, reason: expect.stringContaining('干部类别应为空或科级干部') }],
    })
  })

  it('refuses a sheet with no data rows', () => {
    expect(checkRosterSheet([header], ctx)).toEqual({
      ok: false,
      errors: [{ row: 2, reason: '没有可导入的数据行' }],
    })
  })
})
