import type { MemberView } from '@contract/org.contract'

import { draftOf, emptyDraft, fieldsOf, patchOf } from '../../src/packages/admin/lib/member-draft'

const MEMBER: MemberView = {
  id: 'm1',
  name: '张三',
  gender: '男',
  phone: '138****5678',
  orgId: 'b1',
  orgName: '第一党支部',
  category: '在职',
  cadreLevel: null,
  bound: false,
  roles: [],
}

describe('the member form', () => {
  it('names the first missing field of a new member', () => {
    expect(fieldsOf(emptyDraft('b1'))).toEqual({ ok: false, message: '请填写姓名' })
    expect(fieldsOf({ ...emptyDraft('b1'), name: '李四' })).toEqual({ ok: false, message: '请选择性别' })
    const noPhone = { ...emptyDraft('b1'), name: '李四', gender: '女' as const, phone: '1381234' }
    expect(fieldsOf(noPhone)).toEqual({ ok: false, message: '手机号应为11位数字' })
    const noOrg = { ...noPhone, phone: '13812345678', orgId: null }
    expect(fieldsOf(noOrg)).toEqual({ ok: false, message: '请选择所在组织' })
  })

  it('cleans what people type by accident: spaces in names, spaces and dashes in phones', () => {
    const draft = {
      ...emptyDraft('b1'),
      name: ' 李 四 ',
      gender: '女' as const,
      phone: '138-1234 5678',
      category: '流动' as const,
    }
    expect(fieldsOf(draft)).toEqual({
      ok: true,
      value: {
        name: '李四',
        gender: '女',
        phone: '13812345678',
        orgId: 'b1',
        category: '流动',
        cadreLevel: null,
      },
    })
  })

  it('sends only the changed fields, and never a masked phone left as it arrived', () => {
    const draft = { ...draftOf(MEMBER), category: '离退休' as const, cadreLevel: '中层' as const }
    expect(patchOf(MEMBER, draft)).toEqual({ ok: true, value: { category: '离退休', cadreLevel: '中层' } })
  })

  it('checks a phone once the person changed it', () => {
    expect(patchOf(MEMBER, { ...draftOf(MEMBER), phone: '138' })).toEqual({
      ok: false,
      message: '手机号应为11位数字',
    })
    expect(patchOf(MEMBER, { ...draftOf(MEMBER), phone: '13900001111' })).toEqual({
      ok: true,
      value: { phone: '13900001111' },
    })
  })

  it('says so when nothing changed, instead of sending an empty update', () => {
    expect(patchOf(MEMBER, draftOf(MEMBER))).toEqual({ ok: false, message: '没有修改任何内容' })
  })
})
