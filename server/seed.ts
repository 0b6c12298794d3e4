import cloud from 'wx-server-sdk'

import { COLLECTIONS } from '../cloudfunctions/common/collections'
import type { InviteDoc, MemberDoc, OrgDoc, RollupDoc, UserDoc } from '../cloudfunctions/common/docs'
import type { VisitDoc } from '../cloudfunctions/common/visit.docs'
import type { CadreLevel, Gender, MemberCategory } from '../cloudfunctions/domain/member.rules'
import { OPEN_SPAN_END } from '../cloudfunctions/domain/org-history.rules'
import type { OrgType } from '../cloudfunctions/domain/org-tree'
import type { RoleGrant } from '../cloudfunctions/domain/roles'
import { addCounts, bucketId, flattenCounts, sumContributions } from '../cloudfunctions/domain/rollup.rules'
import { visitRollup } from '../cloudfunctions/domain/visit.rollup'
import { DEFAULT_VISIT_LIMITS, HOUR_MS } from '../cloudfunctions/domain/visit.rules'
import { demoCallback } from './seed-callback'
import { demoPledges } from './seed-pledges'
import { demoProjects } from './seed-project'
import { demoStudy, noStudy } from './seed-study'
import { demoVolunteer } from './seed-volunteer'

/** Someone the H5 demo login offers: the local host's stand-in for opening the app on their phone. */
export interface Persona {
  openid: string
  name: string
  label: string
  hint?: string
}

const DAY = 24 * 60 * 60 * 1000
const SURNAMES = '王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '海燕',
  '国庆',
  '红梅',
  '卫东',
  '桂兰',
  '文博',
  '晓峰',
  '玉珍',
  '德明',
  '淑芬',
  '子涵',
  '浩然',
  '春生',
  '雪梅',
  '振华',
  '美玲',
  '立新',
  '慧敏',
  '永刚',
  '凤英',
  '思远',
  '静怡',
  '宏伟',
  '翠花',
]

/** A small deterministic generator, so every fresh start seeds the same street. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

interface OrgSeed {
  id: string
  name: string
  type: OrgType
  parentId: string | null
}

const STREET: OrgSeed = { id: 'org-street', name: '幸福街道党工委', type: 'street', parentId: null }
const COMMUNITIES = ['和平', '光明', '东风', '建设', '团结', '新华']

function orgSeeds(): OrgSeed[] {
  const orgs: OrgSeed[] = [STREET]
  orgs.push({ id: 'org-jg', name: '街道机关党委', type: 'community', parentId: STREET.id })
  orgs.push({ id: 'org-jg-b1', name: '机关第一党支部', type: 'branch', parentId: 'org-jg' })
  COMMUNITIES.forEach((name, i) => {
    const id = `org-c${i + 1}`
    orgs.push({ id, name: `${name}社区党委`, type: 'community', parentId: STREET.id })
    orgs.push({ id: `${id}-b1`, name: '第一党支部', type: 'branch', parentId: id })
    orgs.push({ id: `${id}-b2`, name: '第二党支部', type: 'branch', parentId: id })
    if (i % 2 === 0) orgs.push({ id: `${id}-b3`, name: '离退休党员党支部', type: 'branch', parentId: id })
  })
  return orgs
}

interface Seeded {
  orgs: OrgDoc[]
  members: MemberDoc[]
  users: UserDoc[]
  invites: InviteDoc[]
  personas: Persona[]
  volunteer: ReturnType<typeof demoVolunteer>
  visits: VisitDoc[]
  study: ReturnType<typeof demoStudy>
  rollups: RollupDoc[]
}

/** The demo street: six communities and the street office, about 80 members, every role, a few residents. */
export function demoData(now: number, options: { history?: boolean } = {}): Seeded {
  const rand = random(20261125)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const orgList = orgSeeds()
  const ancestorsOf = (id: string | null): string[] => {
    const o = orgList.find((x) => x.id === id)
    return o ? [...ancestorsOf(o.parentId), o.id] : []
  }
  const orgs: OrgDoc[] = orgList.map((o, i) => ({
    _id: o.id,
    name: o.name,
    type: o.type,
    parentId: o.parentId,
    ancestors: ancestorsOf(o.parentId),
    order: i,
    createdAt: now,
    updatedAt: now,
  }))

  const members: MemberDoc[] = []
  const usedNames = new Set<string>()
  const addMember = (
    orgId: string,
    category: MemberCategory,
    cadreLevel: CadreLevel | null,
    roles: RoleGrant[] = [],
  ) => {
    let name = ''
    do name = pick([...SURNAMES]) + pick(GIVEN)
    while (usedNames.has(name))
    usedNames.add(name)
    const n = members.length + 1
    const doc: MemberDoc = {
      _id: `m${String(n).padStart(3, '0')}`,
      name,
      gender: (/[英兰珍芬梅玲敏花燕华怡涵]$/.test(name) ? '女' : '男') as Gender,
      phone: `139${String(10_000_000 + n * 7919).slice(-8)}`,
      orgId,
      orgPath: [...ancestorsOf(orgId)],
      // The demo street's members were on the roster before the app was first used: expected at any session.
      orgHistory: [{ orgPath: [...ancestorsOf(orgId)], from: 0, to: OPEN_SPAN_END }],
      category,
      cadreLevel,
      roles,
      openid: null,
      boundAt: null,
      importBatch: null,
      createdAt: now,
      updatedAt: now,
    }
    members.push(doc)
    return doc
  }

  const admin = addMember('org-jg-b1', '在职', '科级干部', [{ orgId: STREET.id, role: 'street_admin' }])
  const inspector = addMember('org-jg-b1', '在职', '科级干部', [{ orgId: STREET.id, role: 'inspector' }])
  for (let i = 0; i < 2; i++) addMember('org-jg-b1', '在职', '科级干部')
  for (let i = 0; i < 5; i++) addMember('org-jg-b1', '在职', '中层')
  for (let i = 0; i < 3; i++)
    addMember('org-jg-b1', '在职', '党员干部', i === 0 ? [{ orgId: STREET.id, role: 'lecturer' }] : [])

  const secretaries: MemberDoc[] = []
  const branchSecretaries: MemberDoc[] = []
  const plain: MemberDoc[] = []
  COMMUNITIES.forEach((_, i) => {
    const c = `org-c${i + 1}`
    secretaries.push(addMember(`${c}-b1`, '在职', '社区书记', [{ orgId: c, role: 'community_secretary' }]))
    branchSecretaries.push(
      addMember(`${c}-b2`, '在职', '党员干部', [{ orgId: `${c}-b2`, role: 'branch_secretary' }]),
    )
    const branches = orgList.filter((o) => o.parentId === c).map((o) => o.id)
    for (let k = 0; k < 9; k++) {
      const branch = branches[k % branches.length]
      const retired = branch.endsWith('-b3')
      const category: MemberCategory = retired
        ? '离退休'
        : rand() < 0.15
          ? '流动'
          : rand() < 0.25
            ? '离退休'
            : '在职'
      const roles: RoleGrant[] = k === 0 && i < 4 ? [{ orgId: c, role: 'lecturer' }] : []
      plain.push(addMember(branch, category, null, roles))
    }
  })

  const personas: Persona[] = []
  const users: UserDoc[] = []
  const bindAs = (member: MemberDoc, openid: string, label: string) => {
    member.openid = openid
    member.boundAt = now
    users.push({ _id: openid, memberId: member._id, bindFailures: null, createdAt: now })
    personas.push({ openid, name: member.name, label })
  }
  bindAs(admin, 'demo-admin', '街道管理员')
  bindAs(inspector, 'demo-inspector', '纪工委')
  secretaries.forEach((m, i) => bindAs(m, `demo-secretary-${i + 1}`, `${COMMUNITIES[i]}社区书记`))
  bindAs(branchSecretaries[0], 'demo-branch-secretary-1', `${COMMUNITIES[0]}社区第二党支部书记`)
  plain.slice(0, 40).forEach((m, i) => {
    if (i % 4 === 0) bindAs(m, `demo-member-${i / 4 + 1}`, `党员（${m.category}）`)
  })

  const invites: InviteDoc[] = []
  const unbound = plain.filter((m) => m.openid === null)
  const codes = ['XFJD2345', 'XFJD2346', 'XFJD2347']
  codes.forEach((code, i) => {
    const m = unbound[i]
    invites.push({
      _id: code,
      memberId: m._id,
      orgId: m.orgId,
      createdBy: secretaries[0]._id,
      createdAt: now,
      expiresAt: now + 365 * DAY,
      usedAt: null,
      usedBy: null,
    })
  })

  const residents = ['孙奶奶', '周大爷', '吴阿姨']
  residents.forEach((name, i) => {
    const openid = `demo-resident-${i + 1}`
    users.push({ _id: openid, memberId: null, bindFailures: null, createdAt: now })
    const invite = invites[i]
    const member = members.find((m) => m._id === invite.memberId) as MemberDoc
    personas.push({
      openid,
      name,
      label: '居民（未绑定）',
      hint: i === 0 ? `可用邀请码 ${invite._id} 绑定为党员“${member.name}”` : undefined,
    })
  })
  const volunteer = demoVolunteer(now, orgs, members, secretaries[0])
  const visits = demoVisits(now, orgs, secretaries[0], plain[0])
  const study = options.history === false ? noStudy() : demoStudy(now, orgs, members)
  return { orgs, members, users, invites, personas, volunteer, visits, study, rollups: rollupsOf(visits) }
}

/**
 * Three 上门服务 requests in 和平社区, so its secretary and 冯浩然 see the capability at work: 孙奶奶's, done and
 * rated; 周大爷's, accepted by 冯浩然; 吴阿姨's, waiting for dispatch. Their deadlines lie ahead of `now`.
 */
function demoVisits(now: number, orgs: OrgDoc[], secretary: MemberDoc, member: MemberDoc): VisitDoc[] {
  const community = orgs.find((o) => o._id === 'org-c1')
  if (!community) throw new Error('the demo street has no org-c1')
  const base = {
    residentMemberId: null,
    orgId: community._id,
    orgPath: [...community.ancestors, community._id],
    preferred: null,
    photo: null,
    dispatchedAt: null,
    dispatchedBy: null,
    dispatcherName: null,
    assigneeId: null,
    assigneeName: null,
    assigneeOpenid: null,
    acceptedAt: null,
    completedAt: null,
    confirmedAt: null,
    cancelledAt: null,
    rejectedAt: null,
    reason: null,
    declines: [],
    durationMinutes: null,
    notes: null,
    completionPhotos: [],
    rating: null,
    comment: null,
    autoConfirmed: false,
    overdueAt: null,
    escalatedAt: null,
    late: false,
  }
  const dispatched = (at: number) => ({
    dispatchedAt: at,
    dispatchedBy: secretary._id,
    dispatcherName: secretary.name,
    assigneeId: member._id,
    assigneeName: member.name,
    assigneeOpenid: member.openid,
  })
  const doneAt = now - 2 * DAY
  const takenAt = now - 3 * HOUR_MS
  return [
    {
      ...base,
      ...dispatched(doneAt - 20 * HOUR_MS),
      _id: 'visit-demo-1',
      residentOpenid: 'demo-resident-1',
      type: 'medicine',
      address: '和平里小区3号楼2单元501室',
      phone: '13900000001',
      description: '帮忙去社区医院取降压药，腿脚不便',
      status: 'confirmed',
      moves: 4,
      submittedAt: doneAt - 21 * HOUR_MS,
      acceptedAt: doneAt - 20 * HOUR_MS + 25 * 60_000,
      completedAt: doneAt - 2 * HOUR_MS,
      confirmedAt: doneAt,
      durationMinutes: 50,
      notes: '已取药送到家，提醒按时服用',
      rating: 5,
      comment: '小冯很热心',
      completeBy: doneAt - 21 * HOUR_MS + DEFAULT_VISIT_LIMITS.completeHours * HOUR_MS,
      dueStep: null,
      dueAt: null,
    },
    {
      ...base,
      ...dispatched(takenAt + 20 * 60_000),
      _id: 'visit-demo-2',
      residentOpenid: 'demo-resident-2',
      type: 'repair',
      address: '和平里小区7号楼1单元',
      phone: '13900000002',
      description: '楼道灯坏了，晚上看不清台阶',
      status: 'accepted',
      moves: 2,
      submittedAt: takenAt,
      acceptedAt: takenAt + 40 * 60_000,
      completeBy: now + 2 * DAY,
      dueStep: 'complete',
      dueAt: now + 2 * DAY,
    },
    {
      ...base,
      _id: 'visit-demo-3',
      residentOpenid: 'demo-resident-3',
      type: 'errand',
      address: '和平里小区12号楼3单元402室',
      phone: '13900000003',
      description: '想请人帮忙代办老年卡年审',
      status: 'submitted',
      moves: 0,
      submittedAt: now - 30 * 60_000,
      completeBy: now + 3 * DAY,
      dueStep: 'dispatch',
      dueAt: now + 90 * 60_000,
    },
  ]
}

/** Flat counter keys (`visit.requested`) as the nested fields a rollup document stores. */
function nestCounts(counts: Readonly<Record<string, number>>): Record<string, unknown> {
  const c: Record<string, unknown> = {}
  for (const [key, n] of Object.entries(counts)) {
    const parts = key.split('.')
    let node = c
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>
    node[parts[parts.length - 1]] = n
  }
  return c
}

/** The rollups the seeded requests make, as the functions' increments would have left them. */
function rollupsOf(visits: readonly VisitDoc[]): RollupDoc[] {
  return [...sumContributions(visits.flatMap(visitRollup)).values()].map((b) => ({
    _id: bucketId(b.orgId, b.month),
    orgId: b.orgId,
    orgPath: b.orgPath,
    month: b.month,
    c: nestCounts(b.counts),
  }))
}

/** The capabilities' seeded rollups as one document per node and month, their counters added together. */
function mergeRollups(lists: readonly (readonly RollupDoc[])[]): RollupDoc[] {
  const byId = new Map<string, { doc: RollupDoc; counts: Record<string, number> }>()
  for (const doc of lists.flat()) {
    const entry = byId.get(doc._id) ?? { doc, counts: {} }
    addCounts(entry.counts, flattenCounts(doc.c))
    byId.set(doc._id, entry)
  }
  return [...byId.values()].map(({ doc, counts }) => ({ ...doc, c: nestCounts(counts) }))
}

/**
 * Writes the demo street through the real SDK, in the same documents the functions write,
 * unless the store already holds an organisation tree.
 */
export async function seedIfEmpty(
  now = Date.now(),
  options: { history?: boolean } = {},
): Promise<{ seeded: boolean; personas: Persona[] }> {
  const data = demoData(now, { history: options.history !== false })
  // The host shares the functions' SDK instance; init is idempotent and names the same environment.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  const existing = await db.collection(COLLECTIONS.orgs).count()
  if (existing.total > 0) return { seeded: false, personas: data.personas }
  const write = async (collection: string, docs: object[]) => {
    for (let i = 0; i < docs.length; i += 100)
      await db.collection(collection).add({ data: docs.slice(i, i + 100) })
  }
  await write(COLLECTIONS.orgs, data.orgs)
  await write(COLLECTIONS.members, data.members)
  await write(COLLECTIONS.users, data.users)
  await write(COLLECTIONS.invites, data.invites)
  const admin = data.members.find((m) => m.roles.some((g) => g.role === 'street_admin'))
  const pledges = demoPledges(now, data.members, admin?._id ?? '')
  await write(COLLECTIONS.pledgeTemplates, pledges.templates)
  await write(COLLECTIONS.pledgeCampaigns, pledges.campaigns)
  await write(COLLECTIONS.pledgeAssignments, pledges.assignments)
  await write(COLLECTIONS.volActivities, data.volunteer.activities)
  await write(COLLECTIONS.volSignups, data.volunteer.signups)
  await write(COLLECTIONS.volEntries, data.volunteer.entries)
  await write(COLLECTIONS.visits, data.visits)
  const study = data.study
  await write(COLLECTIONS.sessions, study.sessions)
  await write(COLLECTIONS.checkins, study.checkins)
  await write(COLLECTIONS.leaves, study.leaves)
  await write(COLLECTIONS.studyMonths, study.studyMonths)
  await write(COLLECTIONS.quizExams, study.exams)
  await write(COLLECTIONS.quizExpected, study.expected)
  await write(COLLECTIONS.quizAttempts, study.attempts)
  await write(COLLECTIONS.quizQuestions, study.questions)
  // 为民办实事 of 和平社区 and the street, linked to the seeded activities.
  const c1Secretary = data.members.find((m) =>
    m.roles.some((g) => g.role === 'community_secretary' && g.orgId === 'org-c1'),
  )
  const projects = c1Secretary
    ? demoProjects(now, data.orgs, c1Secretary, admin)
    : { projects: [], rollups: [] }
  await write(COLLECTIONS.projects, projects.projects)
  // One document per node and month, whichever capability's records it counts.
  const inspector = data.members.find((m) => m.roles.some((g) => g.role === 'inspector'))
  const callback = inspector
    ? demoCallback(now, data.orgs, inspector)
    : { items: [], quarters: [], rollups: [] }
  await write(COLLECTIONS.callbackItems, callback.items)
  await write(COLLECTIONS.callbackQuarters, callback.quarters)
  await write(
    COLLECTIONS.rollups,
    mergeRollups([
      pledges.rollups,
      data.volunteer.rollups,
      data.rollups,
      study.rollups,
      projects.rollups,
      callback.rollups,
    ]),
  )
  return { seeded: true, personas: data.personas }
}
