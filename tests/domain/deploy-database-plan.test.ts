import { COLLECTIONS, INDEXES } from '../../cloudfunctions/common/collections'
import {
  applyToState,
  createIndexRequest,
  type DatabaseState,
  formatDatabasePlan,
  hasChanges,
  indexesFromDescription,
  planDatabase,
} from '../../deploy/database-plan'

const names = Object.values(COLLECTIONS) as string[]
const declaredState = (): DatabaseState =>
  applyToState(planDatabase(names, INDEXES, { collections: {} }), { collections: {} })

describe('the database plan (collections.ts against an env)', () => {
  it('creates every declared collection and index in an empty env', () => {
    const plan = planDatabase(names, INDEXES, { collections: {} })
    expect(plan.collections.map((c) => c.collection)).toEqual(names)
    expect(plan.collections.every((c) => c.create)).toBe(true)
    const created = plan.collections.flatMap((c) => c.createIndexes.map((i) => `${c.collection}.${i.name}`))
    expect(created.sort()).toEqual(INDEXES.map((i) => `${i.collection}.${i.name}`).sort())
  })

  it('is idempotent: once applied, planning again keeps everything and changes nothing', () => {
    const plan = planDatabase(names, INDEXES, declaredState())
    expect(hasChanges(plan)).toBe(false)
    expect(plan.collections.flatMap((c) => c.keep)).toHaveLength(INDEXES.length)
    expect(formatDatabasePlan(plan)).toContain('  nothing to change')
  })

  it('drops an index nobody declares, replaces one whose fields or uniqueness changed, and leaves _id_', () => {
    const state = declaredState()
    state.collections.members = [
      { name: '_id_', fields: { _id: 1 } },
      ...state.collections.members.filter((i) => i.name !== 'phone'),
      { name: 'phone', fields: { phone: 1 } }, // declared unique
      { name: 'legacy_name', fields: { name: 1 } },
    ]
    state.collections.orgs = state.collections.orgs.map((i) =>
      i.name === 'parent_name' ? { ...i, fields: { name: 1, parentId: 1 } } : i,
    )
    const plan = planDatabase(names, INDEXES, state)
    const members = plan.collections.find((c) => c.collection === 'members')
    expect(members?.dropIndexes.sort()).toEqual(['legacy_name', 'phone'])
    expect(members?.createIndexes).toEqual([{ name: 'phone', fields: { phone: 1 }, unique: true }])
    const orgs = plan.collections.find((c) => c.collection === 'orgs')
    expect(orgs?.dropIndexes).toEqual(['parent_name'])
    expect(orgs?.createIndexes.map((i) => i.name)).toEqual(['parent_name'])
    expect(hasChanges(planDatabase(names, INDEXES, applyToState(plan, state)))).toBe(false)
    expect(formatDatabasePlan(plan)).toEqual(
      expect.arrayContaining([
        '  keep collection members',
        '    drop index legacy_name',
        '    create index phone (phone 1, unique)',
        '    keep index openid',
      ]),
    )
  })

  it('leaves collections it does not declare alone, and says so', () => {
    const state = declaredState()
    state.collections.someone_elses = [{ name: 'x', fields: { x: 1 } }]
    const plan = planDatabase(names, INDEXES, state)
    expect(plan.unmanaged).toEqual(['someone_elses'])
    expect(plan.collections.some((c) => c.collection === 'someone_elses')).toBe(false)
    expect(formatDatabasePlan(plan)).toContain(
      '  leave collection someone_elses (not declared in collections.ts)',
    )
  })

  it('reads manager-node descriptions and writes its index requests in the same shape', () => {
    const described = indexesFromDescription({
      Indexes: [
        { Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true },
        {
          Name: 'org_time',
          Keys: [
            { Name: 'orgId', Direction: '1' },
            { Name: 'at', Direction: '-1' },
          ],
          Unique: false,
        },
      ],
    })
    expect(described[1]).toEqual({ name: 'org_time', fields: { orgId: 1, at: -1 }, unique: false })
    expect(createIndexRequest(described[1])).toEqual({
      IndexName: 'org_time',
      MgoKeySchema: {
        MgoIndexKeys: [
          { Name: 'orgId', Direction: '1' },
          { Name: 'at', Direction: '-1' },
        ],
        MgoIsUnique: false,
      },
    })
  })
})
