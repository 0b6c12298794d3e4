import cloud from 'wx-server-sdk'

export interface BoundMembers {
  count: number
  /** The WeChat user of the i-th member. */
  openid: (i: number) => string
  /** Ids are this prefix padded to 32 characters (as long as CloudBase's), so composite ids are as in production. */
  idPrefix: string
  orgId: string
  orgPath: string[]
  namePrefix: string
  /** Three digits; the phone is these and the index padded to eleven digits. */
  phonePrefix: string
}

/** Bound members of one node, written as the seed writes (through the real SDK): their member and user records. */
export async function addBoundMembers(spec: BoundMembers): Promise<void> {
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  const now = Date.now()
  const members = Array.from({ length: spec.count }, (_, i) => ({
    _id: `${spec.idPrefix}${String(i).padStart(32 - spec.idPrefix.length, '0')}`,
    name: `${spec.namePrefix}${i}`,
    gender: '男',
    phone: `${spec.phonePrefix}${String(i).padStart(8, '0')}`,
    orgId: spec.orgId,
    orgPath: spec.orgPath,
    category: '在职',
    cadreLevel: null,
    roles: [],
    openid: spec.openid(i),
    boundAt: now,
    importBatch: null,
    createdAt: now,
    updatedAt: now,
  }))
  await db.collection('members').add({ data: members })
  await db.collection('users').add({
    data: members.map((m) => ({ _id: m.openid, memberId: m._id, bindFailures: null, createdAt: now })),
  })
}
