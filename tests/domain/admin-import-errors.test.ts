import { formatRowError, rowErrorsOf } from '../../src/stores/roster-import-errors'

describe('the bad rows of a refused roster import', () => {
  it('reads every { row, reason } from the error details, in order', () => {
    const details = {
      errors: [
        { row: 3, reason: '手机号应为11位数字' },
        { row: 7, reason: '性别应为“男”或“女”' },
      ],
    }
    expect(rowErrorsOf(details).map(formatRowError)).toEqual([
      '第3行：手机号应为11位数字',
      '第7行：性别应为“男”或“女”',
    ])
  })

  it('ignores details of any other shape rather than showing nonsense', () => {
    expect(rowErrorsOf(undefined)).toEqual([])
    expect(rowErrorsOf({ errors: 'x' })).toEqual([])
    expect(rowErrorsOf({ errors: [{ row: '3', reason: 1 }, null, { row: 4, reason: '姓名为空' }] })).toEqual([
      { row: 4, reason: '姓名为空' },
    ])
  })
})
