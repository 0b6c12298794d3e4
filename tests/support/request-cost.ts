import { join } from 'node:path'

import type { ActionOf, FunctionName, InputOf, OutputOf, Result } from '../../cloudfunctions/contract'
import { quarterOfDate } from '../../cloudfunctions/domain/callback.rules'
import { dateOf, monthOf, yearOf } from '../../cloudfunctions/domain/time'
import { type Backend, DEMO, FUNCTIONS_DIR } from './backend'
import { signaturePng, signatureStrokes } from './pledge'

/**
 * Database requests per action (the unit of cost on CloudBase: a round trip and a billed read or write),
 * measured with `runtime.measure` on the everyday flows of the demo street. Shared by `npm run bench --
 * requests` (which prints them) and tests/functions/request-cost.test.ts (which checks that no count grows
 * when the street does). Counts are discovered here, never written down.
 */
export interface Cost {
  fn: FunctionName
  action: string
  /** Null for the action's typical call; a name for another situation of the same action (printed apart). */
  variant: string | null
  /** Requests the call made; null when it failed or could not be set up. */
  requests: number | null
  /** The failure, when there is one: the answered code and message, or what could not be set up. */
  failure: string | null
  /** For a paged list, the number of items on the measured page. */
  pageItems: number | null
}

/** The actions every run must measure (issue 7's list, with the exam results action). */
export const REQUIRED_ACTIONS: readonly string[] = [
  'account account/me',
  'study session/qr',
  'study checkin/scan',
  'study attendance/get',
  'study study/mine',
  'study study/rule',
  'quiz attempt/start',
  'quiz attempt/save',
  'quiz attempt/submit',
  'quiz exam/stats',
  'pledge pledge/sign',
  'pledge callback/call',
  'volunteer signup/join',
  'volunteer hours/scan',
  'visit visit/dispatch',
  'visit visit/confirm',
  'stats stats/month',
]

export const costKey = (c: Pick<Cost, 'fn' | 'action' | 'variant'>) =>
  `${c.fn} ${c.action}${c.variant ? ` (${c.variant})` : ''}`

/** More bound members of 和平社区 in the demo street (server/seed.ts), besides DEMO.member1. */
const MEMBER2 = 'demo-member-2'
const MEMBER3 = 'demo-member-3'

const MIN = 60_000
const HOUR = 60 * MIN

/** Ends a flow: a measured call failed (already recorded as a row) or its setup did. */
class StepFailed extends Error {
  constructor(
    message: string,
    readonly recorded = false,
  ) {
    super(message)
  }
}

/** Runs the flows' calls; measured ones are recorded, setup ones must succeed. */
class Meter {
  readonly costs: Cost[] = []
  constructor(private readonly backend: Backend) {}

  /** A call whose requests are counted; a failure is recorded and ends the flow it belongs to. */
  async measure<F extends FunctionName, A extends ActionOf<F>>(
    who: string,
    fn: F,
    action: A,
    data: InputOf<F, A>,
    options: { variant?: string; page?: (out: OutputOf<F, A>) => number } = {},
  ): Promise<OutputOf<F, A>> {
    const { result, requests } = await this.backend.runtime.measure(fn, { action, data }, { openid: who })
    const answer = result as Result<OutputOf<F, A>>
    const variant = options.variant ?? null
    if (!answer.ok) {
      const failure = `${answer.code} ${answer.message}`
      this.costs.push({ fn, action, variant, requests: null, failure, pageItems: null })
      throw new StepFailed(`${fn} ${action}: ${failure}`, true)
    }
    const pageItems = options.page ? options.page(answer.data) : null
    this.costs.push({ fn, action, variant, requests, failure: null, pageItems })
    return answer.data
  }

  /** A call that prepares a measured one, not counted. */
  async setup<F extends FunctionName, A extends ActionOf<F>>(
    who: string,
    fn: F,
    action: A,
    data: InputOf<F, A>,
  ): Promise<OutputOf<F, A>> {
    const answer = await this.backend.call(who, fn, action, data)
    if (!answer.ok) throw new StepFailed(`setting up with ${fn} ${action}: ${answer.code} ${answer.message}`)
    return answer.data
  }

  /** Runs one flow; a failure in it is kept as a cost row, and the other flows still run. */
  async flow(fn: FunctionName, steps: () => Promise<void>): Promise<void> {
    try {
      await steps()
    } catch (error) {
      // A measured call that failed is already a row; anything else becomes a row of its own.
      if (error instanceof StepFailed && error.recorded) return
      const failure = error instanceof Error ? error.message : String(error)
      this.costs.push({
        fn,
        action: 'setup',
        variant: 'flow stopped',
        requests: null,
        failure,
        pageItems: null,
      })
    }
  }
}

/** Four questions of each type, with stems made unique by `tag` (the bank refuses a question twice). */
function questions(tag: string) {
  const rows = []
  for (let i = 0; i < 4; i++) {
    rows.push(
      {
        type: 'single' as const,
        stem: `${tag}单选${i}：党的最高领导机关是？`,
        options: ['全国代表大会和中央委员会', '中央政治局', '中央书记处'],
        answer: ['A'],
        tags: ['党章'],
      },
      {
        type: 'multiple' as const,
        stem: `${tag}多选${i}：“四个意识”包括？`,
        options: ['政治意识', '大局意识', '核心意识', '市场意识'],
        answer: ['A', 'B', 'C'],
        tags: ['党史'],
      },
      {
        type: 'judge' as const,
        stem: `${tag}判断${i}：党员有权批评。`,
        options: [],
        answer: ['正确'],
        tags: ['纪律'],
      },
      {
        type: 'fill' as const,
        stem: `${tag}填空${i}：成立于____年。`,
        options: [],
        answer: ['1921'],
        tags: ['党章'],
      },
    )
  }
  return rows
}

/**
 * Measures the everyday actions on a running backend (seeded demo street, grown or not), as the people who
 * use them: members of 和平社区 (demo-member-1..3), its secretary, the street admin. Each measured call is set
 * up so it succeeds; a failure is returned as a row with its reason instead of a number.
 */
export async function measureFlows(backend: Backend): Promise<Cost[]> {
  const tag = '测算'
  const m = new Meter(backend)
  const now = Date.now()
  const month = monthOf(now)
  const memberIdOf = async (openid: string) => {
    const me = await m.setup(openid, 'account', 'account/me', {})
    if (!me.member) throw new StepFailed(`${openid} is not bound`)
    return me.member.id
  }
  const newMember = (name: string, phone: string) =>
    m.setup(DEMO.admin, 'org', 'member/create', {
      name,
      gender: '女',
      phone,
      orgId: 'org-c1-b1',
      category: '在职',
      cadreLevel: null,
    })

  await m.flow('account', async () => {
    await m.measure(DEMO.member1, 'account', 'account/me', {})
    const invited = await newMember(`${tag}甲`, '13800000001')
    const invite = await m.measure(DEMO.secretary1, 'account', 'account/createInvite', {
      memberId: invited.id,
    })
    const newcomer = `cost-invite-${tag}`
    await m.setup(newcomer, 'account', 'account/me', {}) // opening the app first makes the WeChat user
    await m.measure(newcomer, 'account', 'account/previewInvite', { code: invite.code })
    await m.measure(newcomer, 'account', 'account/bindByInvite', { code: invite.code })
    const byPhone = await newMember(`${tag}乙`, '13800000002')
    const resident = `cost-phone-${tag}`
    await m.setup(resident, 'account', 'account/me', {})
    await m.measure(resident, 'account', 'account/previewPhone', {
      name: byPhone.name,
      phoneLast4: byPhone.phone.slice(-4),
    })
    await m.measure(resident, 'account', 'account/bindByPhone', {
      name: byPhone.name,
      phoneLast4: byPhone.phone.slice(-4),
    })
    await m.measure(DEMO.admin, 'org', 'member/unbind', { memberId: byPhone.id })
  })

  await m.flow('org', async () => {
    await m.measure(DEMO.secretary1, 'org', 'org/tree', {})
    const org = await m.measure(DEMO.admin, 'org', 'org/create', { parentId: 'org-c1', name: `${tag}党支部` })
    await m.measure(DEMO.admin, 'org', 'org/rename', { orgId: org.id, name: `${tag}新党支部` })
    await m.measure(DEMO.admin, 'org', 'org/remove', { orgId: org.id })
    const created = await m.measure(DEMO.admin, 'org', 'member/create', {
      name: `${tag}丙`,
      gender: '男',
      phone: '13800000003',
      orgId: 'org-c1-b2',
      category: '在职',
      cadreLevel: null,
    })
    await m.measure(DEMO.admin, 'org', 'member/update', { memberId: created.id, patch: { category: '流动' } })
    await m.measure(DEMO.admin, 'org', 'member/setRoles', {
      memberId: created.id,
      roles: [{ orgId: 'org-c1', role: 'lecturer' }],
    })
    await m.measure(DEMO.secretary1, 'org', 'member/get', { memberId: created.id })
    await m.measure(
      DEMO.secretary1,
      'org',
      'member/list',
      { orgId: 'org-c1', limit: 5 },
      { page: (out) => out.items.length },
    )
  })

  await m.flow('study', async () => {
    const lecturer = await m.measure(DEMO.secretary1, 'study', 'lecturer/save', {
      orgId: 'org-c1',
      name: `${tag}讲师`,
      isStaff: true,
      speciality: '党史',
    })
    await m.measure(DEMO.secretary1, 'study', 'lecturer/list', { orgId: 'org-c1' })
    const sessionFields = {
      type: 'party_lecture' as const,
      format: 'theory' as const,
      title: `${tag}：学习党章`,
      lecturerId: lecturer.id,
      orgId: 'org-c1',
      place: '和平社区党群服务中心',
      allowVisitors: false,
      rotateSeconds: 60,
      lateAfterMinutes: 30,
    }
    // A session of the node held earlier this month, so the measured calls find this month's rollups of 和平社区
    // and its branches in place on both streets: a node-month's first count costs one request more (the
    // increment that finds no document, then the insert), and the grown street has them already.
    const earlier = await m.setup(DEMO.secretary1, 'study', 'session/create', {
      ...sessionFields,
      title: `${tag}：本月已开的会`,
      startAt: now - 2 * MIN,
      endAt: now + HOUR,
    })
    await m.setup(DEMO.secretary1, 'study', 'checkin/makeup', {
      sessionId: earlier.id,
      memberId: await memberIdOf(DEMO.secretary1),
      kind: 'makeup_sign',
      reason: '现场登记',
    })
    // Started a minute ago: open for scans, and for 补签 (after the start).
    const session = await m.measure(DEMO.secretary1, 'study', 'session/create', {
      ...sessionFields,
      startAt: now - MIN,
      endAt: now + 2 * HOUR,
    })
    await m.measure(DEMO.secretary1, 'study', 'session/update', {
      sessionId: session.id,
      patch: { place: '和平社区党群服务中心二楼' },
    })
    await m.measure(DEMO.member1, 'study', 'session/get', { sessionId: session.id })
    const qr = await m.measure(DEMO.secretary1, 'study', 'session/qr', {
      sessionId: session.id,
      linkBase: null,
    })
    await m.measure(
      MEMBER2,
      'study',
      'checkin/scan',
      { token: qr.token },
      { variant: "the session's first check-in" },
    )
    // The typical scan: a member checking in to a session that already has check-ins.
    await m.measure(DEMO.member1, 'study', 'checkin/scan', { token: qr.token })
    await m.measure(DEMO.member1, 'study', 'checkin/scan', { token: qr.token }, { variant: 'again, 已签到' })
    const poster = await m.measure(DEMO.secretary1, 'study', 'session/staticCode', {
      sessionId: session.id,
      enable: true,
    })
    if (!poster.scene) throw new StepFailed('session/staticCode gave no scene')
    await m.measure(MEMBER3, 'study', 'checkin/scene', { scene: poster.scene })
    await m.measure(DEMO.secretary1, 'study', 'checkin/makeup', {
      sessionId: session.id,
      memberId: await memberIdOf(DEMO.branchSecretary1),
      kind: 'makeup_sign',
      reason: '手机没电，现场登记',
    })

    const later = await m.setup(DEMO.secretary1, 'study', 'session/create', {
      ...sessionFields,
      title: `${tag}：专题党课`,
      startAt: now + 3 * HOUR,
      endAt: now + 5 * HOUR,
    })
    const leave = await m.measure(DEMO.member1, 'study', 'leave/request', {
      sessionId: later.id,
      reason: '值班',
    })
    await m.measure(DEMO.secretary1, 'study', 'leave/decide', { leaveId: leave.id, approve: true })
    const spare = await m.setup(DEMO.secretary1, 'study', 'session/create', {
      ...sessionFields,
      title: `${tag}：改期`,
      startAt: now + 6 * HOUR,
      endAt: now + 7 * HOUR,
    })
    await m.measure(DEMO.secretary1, 'study', 'session/cancel', { sessionId: spare.id, reason: '场地冲突' })

    await m.measure(DEMO.secretary1, 'study', 'session/list', { orgId: 'org-c1', month })
    await m.measure(DEMO.secretary1, 'study', 'attendance/get', { sessionId: session.id })
    await m.measure(DEMO.member1, 'study', 'study/mine', {})
    await m.measure(DEMO.secretary1, 'study', 'study/rule', { orgId: 'org-c1', month })
    await m.measure(DEMO.secretary1, 'study', 'lecturer/report', {
      orgId: 'org-c1',
      year: yearOf(now),
    })
  })

  await m.flow('quiz', async () => {
    const [first, ...rest] = questions(tag)
    await m.measure(DEMO.admin, 'quiz', 'bank/save', { question: first })
    for (const question of rest) await m.setup(DEMO.admin, 'quiz', 'bank/save', { question })
    const spare = await m.setup(DEMO.admin, 'quiz', 'bank/save', {
      question: { type: 'judge', stem: `${tag}待删除的题`, options: [], answer: ['错误'], tags: [] },
    })
    await m.measure(DEMO.admin, 'quiz', 'bank/retire', { questionId: spare.id })
    await m.measure(DEMO.admin, 'quiz', 'bank/remove', { questionId: spare.id })
    await m.measure(DEMO.admin, 'quiz', 'bank/list', { limit: 5 }, { page: (out) => out.items.length })
    await m.measure(DEMO.admin, 'quiz', 'bank/tags', {})
    await m.measure(DEMO.admin, 'quiz', 'bank/export', {})

    const examFields = {
      title: `${tag}党章党史测试`,
      orgId: 'org-c1',
      mode: 'random' as const,
      draws: [
        { type: 'single' as const, count: 2 },
        { type: 'multiple' as const, count: 1 },
        { type: 'judge' as const, count: 1 },
        { type: 'fill' as const, count: 1 },
      ],
      timeLimitMinutes: 30,
      opensAt: now - MIN,
      closesAt: now + 24 * HOUR,
    }
    const exam = await m.measure(DEMO.secretary1, 'quiz', 'exam/create', examFields)
    await m.measure(DEMO.secretary1, 'quiz', 'exam/update', {
      examId: exam.id,
      ...examFields,
      timeLimitMinutes: 20,
    })
    await m.measure(DEMO.secretary1, 'quiz', 'exam/publish', { examId: exam.id })
    const draft = await m.setup(DEMO.secretary1, 'quiz', 'exam/create', {
      ...examFields,
      title: `${tag}草稿`,
    })
    await m.measure(DEMO.secretary1, 'quiz', 'exam/remove', { examId: draft.id })
    await m.measure(DEMO.secretary1, 'quiz', 'exam/list', {})
    await m.measure(DEMO.secretary1, 'quiz', 'exam/get', { examId: exam.id })
    await m.measure(DEMO.member1, 'quiz', 'exam/mine', {})

    const attempt = await m.measure(DEMO.member1, 'quiz', 'attempt/start', { examId: exam.id })
    await m.measure(DEMO.member1, 'quiz', 'attempt/get', { attemptId: attempt.id })
    const answers = Object.fromEntries(
      attempt.questions.map((q) => [q.id, q.type === 'fill' ? ['1921'] : [q.options[0].id]]),
    )
    const [firstId] = Object.keys(answers)
    await m.measure(DEMO.member1, 'quiz', 'attempt/save', {
      attemptId: attempt.id,
      answers: { [firstId]: answers[firstId] },
    })
    await m.measure(DEMO.member1, 'quiz', 'attempt/submit', { attemptId: attempt.id, answers })
    await m.measure(DEMO.secretary1, 'quiz', 'exam/stats', { examId: exam.id })

    const today = await m.measure(MEMBER2, 'quiz', 'practice/today', {})
    const q = today.questions[0]
    if (!q) throw new StepFailed('practice/today gave no question')
    await m.measure(MEMBER2, 'quiz', 'practice/check', {
      questionId: q.id,
      answer: q.type === 'fill' ? ['1921'] : [q.options[0].id],
    })
    await m.measure(DEMO.secretary1, 'quiz', 'exam/close', { examId: exam.id })
  })

  await m.flow('pledge', async () => {
    const template = await m.measure(DEMO.admin, 'pledge', 'template/save', {
      kind: 'integrity',
      title: `${tag}廉政承诺书`,
      body: '一、严守政治纪律。',
    })
    await m.measure(
      DEMO.admin,
      'pledge',
      'template/save',
      {
        templateId: template.templateId,
        baseVersion: 1,
        kind: 'integrity',
        title: template.title,
        body: '二版',
      },
      { variant: 'new version' },
    )
    await m.measure(DEMO.admin, 'pledge', 'template/list', {})
    const campaign = await m.measure(DEMO.admin, 'pledge', 'campaign/create', {
      templateId: template.templateId,
      version: 1,
      year: yearOf(now),
      orgId: 'org-c1',
      deadline: now + 7 * 24 * HOUR,
    })
    await m.measure(DEMO.secretary1, 'pledge', 'campaign/list', {})
    const mine = await m.measure(DEMO.member1, 'pledge', 'pledge/mine', {})
    const pledge = mine.find((p) => p.assignmentId.startsWith(`${campaign.id}_`))
    if (!pledge) throw new StepFailed('the campaign assigned nothing to demo-member-1')
    await m.measure(DEMO.member1, 'pledge', 'pledge/get', { assignmentId: pledge.assignmentId })
    const ticket = await m.setup(DEMO.member1, 'account', 'upload/prepare', { kind: 'png' })
    const fileID = await backend.putFile(ticket.cloudPath, signaturePng())
    await m.measure(DEMO.member1, 'pledge', 'pledge/sign', {
      assignmentId: pledge.assignmentId,
      fileID,
      strokes: signatureStrokes(),
      confirmed: true,
    })
    await m.measure(DEMO.member1, 'pledge', 'pledge/verify', { assignmentId: pledge.assignmentId })
    // The first page of the full verification: as many links as the chain holds, up to a page, in one read.
    await m.measure(DEMO.inspector, 'pledge', 'chain/verify', {})
    await m.measure(DEMO.inspector, 'pledge', 'campaign/completion', { campaignId: campaign.id })
    await m.measure(DEMO.inspector, 'pledge', 'campaign/export', { campaignId: campaign.id })
    // Two bound members who have not signed: each costs the day's claim and the message.
    await m.measure(DEMO.secretary1, 'pledge', 'campaign/remind', {
      campaignId: campaign.id,
      orgId: 'org-c1',
      memberIds: [await memberIdOf(MEMBER2), await memberIdOf(MEMBER3)],
    })
  })

  await m.flow('pledge', async () => {
    // 回访核查 of the quarter under way: an item by hand, the draw, a call, the summary published to 和平社区.
    const quarter = quarterOfDate(dateOf(now))
    await m.measure(DEMO.inspector, 'pledge', 'callback/item-add', {
      matter: `${tag}低保申请`,
      staffName: '李窗口',
      servedName: '王大妈',
      phone: '13700000001',
      completedOn: dateOf(now),
      orgId: 'org-c1',
    })
    await m.measure(DEMO.inspector, 'pledge', 'callback/items', { quarter })
    const drawn = await m.measure(DEMO.inspector, 'pledge', 'callback/draw', { quarter, size: 5, seed: tag })
    const key = drawn.sample[0]?.key
    if (!key) throw new StepFailed('the draw gave no item')
    await m.measure(DEMO.inspector, 'pledge', 'callback/quarters', {})
    await m.measure(DEMO.inspector, 'pledge', 'callback/quarter', { quarter })
    await m.measure(DEMO.inspector, 'pledge', 'callback/contact', { quarter, itemKey: key })
    const called = await m.measure(DEMO.inspector, 'pledge', 'callback/call', {
      quarter,
      itemKey: key,
      reached: true,
      calledOn: dateOf(now),
      ratings: { attitude: 5, ability: 5, efficiency: 4, integrity: 5 },
    })
    await m.measure(DEMO.inspector, 'pledge', 'callback/publish', {
      quarter,
      orgId: 'org-c1',
      revision: called.revision,
    })
    await m.measure(DEMO.member1, 'pledge', 'callback/published', {})
    await m.measure(DEMO.member1, 'pledge', 'callback/redraw', { quarter })
  })

  await m.flow('volunteer', async () => {
    // Starts in 20 minutes: sign-ups are open, and so are scans (from 30 minutes before the start).
    const activity = await m.measure(DEMO.secretary1, 'volunteer', 'activity/create', {
      title: `${tag}：文明交通劝导`,
      serviceType: 'traffic',
      orgId: 'org-c1',
      partner: '区交警大队',
      place: '和平路路口',
      startAt: now + 20 * MIN,
      plannedMinutes: 120,
      capacity: 30,
    })
    await m.measure(DEMO.member1, 'volunteer', 'signup/join', { activityId: activity.id })
    await m.setup(MEMBER2, 'volunteer', 'signup/join', { activityId: activity.id })
    await m.setup(MEMBER3, 'volunteer', 'signup/join', { activityId: activity.id })
    await m.measure(MEMBER3, 'volunteer', 'signup/withdraw', { activityId: activity.id })
    await m.measure(DEMO.member1, 'volunteer', 'activity/list', {})
    await m.measure(DEMO.member1, 'volunteer', 'activity/get', { activityId: activity.id })
    await m.measure(DEMO.secretary1, 'volunteer', 'activity/manage', { orgId: 'org-c1', month })
    const qr = await m.measure(DEMO.secretary1, 'volunteer', 'activity/qr', {
      activityId: activity.id,
      linkBase: null,
    })
    await m.measure(DEMO.member1, 'volunteer', 'hours/scan', { token: qr.token })
    await m.measure(
      DEMO.member1,
      'volunteer',
      'hours/scan',
      { token: qr.token },
      { variant: 'again, 已签到' },
    )
    const member2 = await memberIdOf(MEMBER2)
    await m.measure(DEMO.secretary1, 'volunteer', 'hours/enter', {
      activityId: activity.id,
      memberId: member2,
      direction: 'in',
    })
    const out = await m.measure(
      DEMO.secretary1,
      'volunteer',
      'hours/enter',
      { activityId: activity.id, memberId: member2, direction: 'out' },
      { variant: 'signing out' },
    )
    await m.measure(DEMO.secretary1, 'volunteer', 'hours/decide', { entryId: out.entry.id, approve: true })
    await m.measure(DEMO.secretary1, 'volunteer', 'hours/confirmAll', { activityId: activity.id })
    await m.measure(DEMO.secretary1, 'volunteer', 'hours/list', { activityId: activity.id })
    await m.measure(MEMBER2, 'volunteer', 'hours/mine', {})
    const cert = await m.measure(MEMBER2, 'volunteer', 'cert/issue', { year: yearOf(now) })
    await m.measure(DEMO.resident1, 'volunteer', 'cert/verify', {
      serial: cert.serial,
      verifyCode: cert.verifyCode,
    })
    // Another, tomorrow: moved by an hour with fewer places, then cancelled (its two members are messaged).
    const fields = {
      title: `${tag}：楼道清理`,
      serviceType: 'environment' as const,
      partner: null,
      place: '幸福里小区',
      startAt: now + 24 * HOUR,
      plannedMinutes: 90,
      capacity: 10,
    }
    const later = await m.setup(DEMO.secretary1, 'volunteer', 'activity/create', {
      ...fields,
      orgId: 'org-c1',
    })
    await m.setup(DEMO.member1, 'volunteer', 'signup/join', { activityId: later.id })
    await m.setup(MEMBER2, 'volunteer', 'signup/join', { activityId: later.id })
    await m.measure(DEMO.secretary1, 'volunteer', 'activity/update', {
      ...fields,
      activityId: later.id,
      startAt: fields.startAt + HOUR,
      capacity: 5,
    })
    await m.measure(DEMO.secretary1, 'volunteer', 'activity/cancel', {
      activityId: later.id,
      reason: '天气原因',
    })
  })

  await m.flow('visit', async () => {
    const resident = DEMO.resident1
    await m.measure(resident, 'visit', 'visit/communities', {})
    const visit = await m.measure(resident, 'visit', 'visit/submit', {
      serviceType: 'repair',
      orgId: 'org-c1',
      address: '和平里小区3号楼2单元501',
      phone: '13812345678',
      preferredDate: null,
      preferredSlot: null,
      description: `${tag}：水龙头漏水`,
      photo: null,
    })
    await m.measure(resident, 'visit', 'visit/mine', {})
    await m.measure(
      DEMO.secretary1,
      'visit',
      'visit/queue',
      { orgId: 'org-c1', view: 'waiting', limit: 5 },
      { page: (out) => out.items.length },
    )
    await m.measure(DEMO.secretary1, 'visit', 'visit/assignees', { visitId: visit.id })
    await m.measure(DEMO.secretary1, 'visit', 'visit/dispatch', {
      visitId: visit.id,
      assigneeId: await memberIdOf(DEMO.member1),
    })
    await m.measure(DEMO.member1, 'visit', 'visit/tasks', {})
    await m.measure(DEMO.member1, 'visit', 'visit/accept', { visitId: visit.id })
    await m.measure(DEMO.member1, 'visit', 'visit/get', { visitId: visit.id })
    await m.measure(DEMO.member1, 'visit', 'visit/contact', { visitId: visit.id })
    await m.measure(DEMO.member1, 'visit', 'visit/complete', {
      visitId: visit.id,
      durationMinutes: 45,
      notes: '更换了阀芯',
      photos: [],
    })
    await m.measure(resident, 'visit', 'visit/confirm', { visitId: visit.id, rating: 5, comment: '' })
    // 上门服务时限: read by a secretary, saved (as the defaults, so nothing after it changes) by the street admin.
    await m.measure(DEMO.secretary1, 'visit', 'visit/settings', {})
    await m.measure(DEMO.admin, 'visit', 'visit/saveSettings', {
      dispatchHours: 2,
      acceptHours: 2,
      completeHours: 72,
      confirmDays: 7,
      escalateHours: 24,
    })
  })

  // 月度统计 reads rollups (nodes × 12 months) and the subtree's members once: the same on both streets. Its
  // to-do list is not measured here: it counts each of the month's exams (two requests an exam).
  await m.flow('stats', async () => {
    await m.measure(DEMO.secretary1, 'stats', 'stats/month', {})
    await m.measure(
      DEMO.secretary1,
      'stats',
      'stats/records',
      { orgId: 'org-c1', period: month, figure: 'study.attendance', limit: 5 },
      { page: (out) => out.rows.length },
    )
    await m.measure(DEMO.secretary1, 'stats', 'stats/year', { orgId: 'org-c1', year: yearOf(now) })
  })

  // 为民办实事: a project linking the demo street's closed activity, moved to completion, read by a resident.
  await m.flow('volunteer', async () => {
    const project = await m.measure(DEMO.secretary1, 'volunteer', 'project/create', {
      title: `${tag}：无障碍坡道改造`,
      description: '为幸福里小区加装无障碍坡道',
      orgId: 'org-c1',
      partner: null,
      startDate: '2026-11-01',
      endDate: '2026-12-31',
      activityIds: ['demo-vol-traffic'],
    })
    const edited = await m.measure(DEMO.secretary1, 'volunteer', 'project/update', {
      projectId: project.id,
      rev: project.rev,
      title: project.title,
      description: project.description,
      partner: '区住建局',
      startDate: project.startDate,
      endDate: project.endDate,
      activityIds: ['demo-vol-traffic'],
      beneficiaries: null,
    })
    await m.measure(DEMO.secretary1, 'volunteer', 'project/move', {
      projectId: edited.id,
      move: 'start',
      beneficiaries: null,
      reason: null,
    })
    await m.measure(
      DEMO.secretary1,
      'volunteer',
      'project/move',
      {
        projectId: edited.id,
        move: 'complete',
        beneficiaries: 40,
        reason: null,
      },
      { variant: '标记完成' },
    )
    await m.measure(DEMO.resident1, 'volunteer', 'project/list', { communityId: 'org-c1' })
    await m.measure(
      DEMO.member1,
      'volunteer',
      'project/list',
      { communityId: null },
      { variant: 'own community' },
    )
    await m.measure(DEMO.resident1, 'volunteer', 'project/get', { projectId: edited.id })
    await m.measure(DEMO.secretary1, 'volunteer', 'project/manage', { orgId: 'org-c1' })
  })

  return m.costs
}

/** Every action of every bundled function, from the route tables (`fn action`). */
export function routedActions(functions: readonly string[]): string[] {
  return functions.flatMap((name) => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires -- bundles are loaded by path at run time
    const bundle = require(join(FUNCTIONS_DIR, name, 'index.js')) as { routes?: Record<string, unknown> }
    return Object.keys(bundle.routes ?? {}).map((action) => `${name} ${action}`)
  })
}

/** Runs `task` for 0..count-1 with at most `width` calls in flight (calls overlap, as on CloudBase). */
async function pool(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await task(next++)
    }),
  )
}

export interface Growth {
  members: number
  /** Of the new members, how many bind to a WeChat user (they take exams). */
  bound: number
  sessions: number
  checkinsPerSession: number
  exams: number
  attemptsPerExam: number
  questions: number
}

export const GROWTH: Growth = {
  members: 300,
  bound: 60,
  sessions: 50,
  checkinsPerSession: 20,
  exams: 5,
  attemptsPerExam: 20,
  questions: 40,
}

/**
 * Grows the demo street through its own actions: members in 和平社区's and 光明社区's branches, past sessions
 * of this month with 补签 records (demo-member-1 at half of them), sessions ahead with leave requests,
 * published exams with graded attempts, more bank questions and lecturers. The members join a week before
 * (`setClock` moves the functions' clock), so they are in the 应到 of the past sessions.
 */
export async function growStreet(
  backend: Backend,
  setClock: (ms: number) => void,
  growth: Growth = GROWTH,
): Promise<void> {
  const must = async <T>(answer: Promise<Result<T>>, what: string): Promise<T> => {
    const r = await answer
    if (!r.ok) throw new Error(`growing the street, ${what}: ${r.code} ${r.message}`)
    return r.data
  }
  const { call } = backend
  const now = Date.now()
  const branches = ['org-c1-b1', 'org-c1-b2', 'org-c1-b3', 'org-c2-b1']
  const memberIds: string[] = new Array(growth.members)
  setClock(now - 7 * 24 * HOUR)
  await pool(growth.members, 10, async (i) => {
    const created = await must(
      call(DEMO.admin, 'org', 'member/create', {
        name: `增员${String(i).padStart(4, '0')}`,
        gender: i % 2 ? '女' : '男',
        phone: `1370000${String(i).padStart(4, '0')}`,
        orgId: branches[i % branches.length],
        category: '在职',
        cadreLevel: null,
      }),
      'member/create',
    )
    memberIds[i] = created.id
  })
  setClock(now)
  // Bound members of 和平社区 (indexes not ≡ 3 mod 4, which are in 光明社区).
  const inC1 = memberIds.filter((_, i) => i % branches.length !== 3)
  const boundOpenids: string[] = []
  await pool(growth.bound, 10, async (i) => {
    const invite = await must(
      call(DEMO.admin, 'account', 'account/createInvite', { memberId: inC1[i] }),
      'account/createInvite',
    )
    const openid = `grown-${i}`
    await must(call(openid, 'account', 'account/me', {}), 'account/me')
    await must(call(openid, 'account', 'account/bindByInvite', { code: invite.code }), 'account/bindByInvite')
    boundOpenids[i] = openid
  })

  const me = await must(call(DEMO.member1, 'account', 'account/me', {}), 'account/me')
  const member1 = me.member?.id
  if (!member1) throw new Error('demo-member-1 is not bound')
  // Past sessions of this month, an hour apart; the first starts two hours ago.
  await pool(growth.sessions, 5, async (s) => {
    const startAt = now - (s + 2) * HOUR
    const session = await must(
      call(DEMO.secretary1, 'study', 'session/create', {
        type: 'group_study',
        format: s % 3 === 0 ? 'activity' : 'theory',
        title: `增加的学习${s}`,
        lecturerId: null,
        orgId: 'org-c1',
        startAt,
        endAt: startAt + HOUR,
        place: '和平社区党群服务中心',
        allowVisitors: false,
        rotateSeconds: 60,
        lateAfterMinutes: 5,
      }),
      'session/create',
    )
    const attendees = Array.from({ length: growth.checkinsPerSession }, (_, k) => inC1[(s + k) % inC1.length])
    if (s % 2 === 0) attendees[0] = member1
    for (const memberId of attendees)
      await must(
        call(DEMO.secretary1, 'study', 'checkin/makeup', {
          sessionId: session.id,
          memberId,
          kind: 'makeup_study',
          reason: '补学',
        }),
        'checkin/makeup',
      )
  })
  // Sessions ahead, each with leave requests by bound members.
  await pool(Math.ceil(growth.sessions / 5), 5, async (s) => {
    const session = await must(
      call(DEMO.secretary1, 'study', 'session/create', {
        type: 'party_lecture',
        format: 'theory',
        title: `增加的党课${s}`,
        lecturerId: null,
        orgId: 'org-c1',
        startAt: now + (s + 8) * HOUR,
        endAt: now + (s + 9) * HOUR,
        place: '和平社区党群服务中心',
        allowVisitors: false,
        rotateSeconds: 60,
        lateAfterMinutes: 5,
      }),
      'session/create',
    )
    for (const openid of boundOpenids.slice(s * 5, s * 5 + 5))
      await must(
        call(openid, 'study', 'leave/request', { sessionId: session.id, reason: '出差' }),
        'leave/request',
      )
  })
  await pool(10, 5, (i) =>
    must(
      call(DEMO.secretary1, 'study', 'lecturer/save', {
        orgId: 'org-c1',
        name: `增加的讲师${i}`,
        isStaff: i % 2 === 0,
        speciality: '理论',
      }),
      'lecturer/save',
    ),
  )

  const bank = questions('增题').concat(
    Array.from({ length: Math.max(0, growth.questions - 16) }, (_, i) => ({
      type: 'judge' as const,
      stem: `增加的判断题${i}`,
      options: [],
      answer: [i % 2 ? '正确' : '错误'],
      tags: ['纪律'],
    })),
  )
  await pool(bank.length, 5, (i) =>
    must(call(DEMO.admin, 'quiz', 'bank/save', { question: bank[i] }), 'bank/save'),
  )
  for (let e = 0; e < growth.exams; e++) {
    const exam = await must(
      call(DEMO.secretary1, 'quiz', 'exam/create', {
        title: `增加的测试${e}`,
        orgId: 'org-c1',
        mode: 'random',
        draws: [{ type: 'judge', count: 5 }],
        timeLimitMinutes: 30,
        opensAt: now - HOUR,
        closesAt: now + 24 * HOUR,
      }),
      'exam/create',
    )
    await must(call(DEMO.secretary1, 'quiz', 'exam/publish', { examId: exam.id }), 'exam/publish')
    const takers = [DEMO.member1, ...boundOpenids.slice(0, growth.attemptsPerExam - 1)]
    await pool(takers.length, 10, async (t) => {
      const attempt = await must(
        call(takers[t], 'quiz', 'attempt/start', { examId: exam.id }),
        'attempt/start',
      )
      const answers = Object.fromEntries(attempt.questions.map((q) => [q.id, [q.options[t % 2].id]]))
      await must(
        call(takers[t], 'quiz', 'attempt/submit', { attemptId: attempt.id, answers }),
        'attempt/submit',
      )
    })
  }

  // A pledge campaign on 和平社区 signed by every bound newcomer: a chain longer than one signing's window
  // (CHECKPOINT_EVERY + 2 links) and than a page of the full verification.
  const template = await must(
    call(DEMO.admin, 'pledge', 'template/save', {
      kind: 'integrity',
      title: '增加的承诺书',
      body: '一、严守纪律。',
    }),
    'template/save',
  )
  const campaign = await must(
    call(DEMO.admin, 'pledge', 'campaign/create', {
      templateId: template.templateId,
      version: 1,
      year: yearOf(now),
      orgId: 'org-c1',
      deadline: now + 7 * 24 * HOUR,
    }),
    'campaign/create',
  )
  await pool(boundOpenids.length, 5, async (i) => {
    const openid = boundOpenids[i]
    const mine = await must(call(openid, 'pledge', 'pledge/mine', {}), 'pledge/mine')
    const pledge = mine.find((p) => p.assignmentId.startsWith(`${campaign.id}_`))
    if (!pledge) throw new Error(`growing the street, ${openid} was not assigned the pledge`)
    const ticket = await must(call(openid, 'account', 'upload/prepare', { kind: 'png' }), 'upload/prepare')
    await must(
      call(openid, 'pledge', 'pledge/sign', {
        assignmentId: pledge.assignmentId,
        fileID: await backend.putFile(ticket.cloudPath, signaturePng()),
        strokes: signatureStrokes(),
        confirmed: true,
      }),
      'pledge/sign',
    )
  })
}
