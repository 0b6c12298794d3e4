import type { MeView } from '../../cloudfunctions/contract/account.contract'
import { homeMenu } from '../../src/features/home-menu'

const member = { id: 'm1', name: '张三', orgId: 'b1', orgName: '第一党支部', category: '在职' as const }

describe('首页 offers what the person’s roles allow', () => {
  it('offers a resident binding and resident services only', () => {
    const me: MeView = {
      bound: false,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member: null,
      roles: [],
    }
    expect(homeMenu(me).map((e) => e.title)).toEqual([
      '绑定党员身份',
      '上门服务',
      '我的上门服务',
      '证明查验',
      '为民办实事',
    ])
    expect(homeMenu(me).map((e) => e.route)).toEqual([
      'bind',
      'visitRequest',
      'visitMine',
      'volunteerVerify',
      'projects',
    ])
  })

  it('offers 我的任务 to every member and 上门派单 to community secretaries and the street admin only', () => {
    const titles = (roles: MeView['roles']) =>
      homeMenu({
        bound: true,
        reminderTemplateIds: [],
        visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
        member,
        roles,
      }).map((e) => e.title)
    expect(titles([])).toContain('我的任务')
    expect(titles([])).not.toContain('上门派单')
    expect(titles([{ orgId: 'b1', orgName: '第一党支部', role: 'branch_secretary' }])).not.toContain(
      '上门派单',
    )
    expect(titles([{ orgId: 'c1', orgName: '和平社区党委', role: 'community_secretary' }])).toContain(
      '上门派单',
    )
    expect(titles([{ orgId: 's', orgName: '幸福街道党工委', role: 'street_admin' }])).toContain('上门派单')
  })

  it('offers a plain member no management entries', () => {
    const titles = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [],
    }).map((e) => e.title)
    expect(titles).toContain('扫码签到')
    expect(titles).not.toContain('党员花名册')
    expect(titles).not.toContain('组织管理')
    expect(titles).not.toContain('学习活动')
    expect(titles).not.toContain('考试管理')
    const routes = Object.fromEntries(
      homeMenu({
        bound: true,
        reminderTemplateIds: [],
        visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
        member,
        roles: [],
      }).map((e) => [e.title, e.route]),
    )
    expect(routes).toMatchObject({
      扫码签到: 'checkin',
      我的学习: 'myStudy',
      党建考核: 'quiz',
      待签承诺书: 'pledgeMine',
      志愿服务: 'volunteer',
      我的志愿时长: 'volunteerHours',
    })
    expect(titles).not.toContain('承诺书管理')
    expect(titles).not.toContain('志愿活动管理')
  })

  it('offers a secretary the roster but not organisation management or import', () => {
    const titles = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 'c1', orgName: '和平社区党委', role: 'community_secretary' }],
    }).map((e) => e.title)
    expect(titles).toContain('党员花名册')
    expect(titles).toEqual(
      expect.arrayContaining(['学习活动', '学习达标', '讲师队伍', '考试管理', '志愿活动管理']),
    )
    expect(titles).not.toContain('组织管理')
    expect(titles).not.toContain('导入花名册')
    expect(titles).not.toContain('题库管理')
  })

  it('offers the street admin organisation management and roster import, each opening a page', () => {
    const entries = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 's', orgName: '幸福街道党工委', role: 'street_admin' }],
    })
    expect(entries.find((e) => e.title === '组织管理')?.route).toBe('orgs')
    expect(entries.find((e) => e.title === '导入花名册')?.route).toBe('import')
    expect(entries.find((e) => e.title === '题库管理')?.route).toBe('quizBank')
  })

  it('offers the study entries, each opening its page, to those who manage sessions or read the figures', () => {
    const study = ['学习活动', '学习达标', '讲师队伍']
    const inspector = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 's', orgName: '幸福街道党工委', role: 'inspector' }],
    })
    expect(study.map((title) => inspector.find((e) => e.title === title)?.route)).toEqual([
      'sessions',
      'studyRule',
      'lecturers',
    ])
    // Worded for reading: the inspector creates nothing.
    expect(inspector.find((e) => e.title === '学习活动')?.caption).toBe('查看活动与出勤')
    expect(
      homeMenu({
        bound: true,
        reminderTemplateIds: [],
        visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
        member,
        roles: [],
      }).map((e) => e.title),
    ).not.toContain('学习活动')

    const entries = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 'b1', orgName: '第一党支部', role: 'branch_secretary' }],
    })
    expect(study.map((title) => entries.find((e) => e.title === title)?.route)).toEqual([
      'sessions',
      'studyRule',
      'lecturers',
    ])
  })

  it('opens 党建考核 for every member; 考试管理 for secretaries and the admin; 题库管理 for the admin only', () => {
    const plain = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [],
    })
    expect(plain.find((e) => e.title === '党建考核')?.route).toBe('quiz')
    expect(plain.map((e) => e.title)).not.toContain('考试管理')
    const secretary = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 'c1', orgName: '和平社区党委', role: 'community_secretary' }],
    })
    expect(secretary.find((e) => e.title === '考试管理')?.route).toBe('quizManage')
    expect(secretary.map((e) => e.title)).not.toContain('题库管理')
    const inspector = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 's', orgName: '幸福街道党工委', role: 'inspector' }],
    })
    expect(inspector.map((e) => e.title)).not.toContain('考试管理')
    expect(inspector.find((e) => e.title === '考试成绩')?.route).toBe('quizManage')
    expect(secretary.map((e) => e.title)).not.toContain('考试成绩')
    const admin = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 's', orgName: '幸福街道党工委', role: 'street_admin' }],
    })
    expect(admin.find((e) => e.title === '题库管理')?.route).toBe('quizBank')
    expect(admin.find((e) => e.title === '考试管理')?.route).toBe('quizManage')
  })

  it('opens 月度统计 and 年度述职数据 for readers of the figures (secretaries, the inspector), not for members', () => {
    const routes = (role: 'community_secretary' | 'branch_secretary' | 'inspector' | 'street_admin') =>
      Object.fromEntries(
        homeMenu({
          bound: true,
          reminderTemplateIds: [],
          visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
          member,
          roles: [{ orgId: 'c1', orgName: '和平社区党委', role }],
        }).map((e) => [e.title, e.route]),
      )
    for (const role of ['community_secretary', 'branch_secretary', 'inspector', 'street_admin'] as const)
      expect(routes(role)).toMatchObject({ 月度统计: 'statsMonth', 年度述职数据: 'statsYear' })
    const plain = homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [],
    }).map((e) => e.title)
    expect(plain).not.toContain('月度统计')
    expect(plain).not.toContain('年度述职数据')
  })
})

it('offers 承诺书管理 to the keepers of pledges and to secretaries, never to a plain member', () => {
  const of = (role: 'inspector' | 'street_admin' | 'branch_secretary') =>
    homeMenu({
      bound: true,
      reminderTemplateIds: [],
      visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
      member,
      roles: [{ orgId: 's', orgName: '幸福街道党工委', role }],
    }).find((e) => e.key === 'pledgeManage')
  expect(of('inspector')).toMatchObject({ route: 'pledgeManage', caption: '模板、签订任务、签订情况' })
  expect(of('street_admin')?.route).toBe('pledgeManage')
  expect(of('branch_secretary')?.caption).toBe('签订情况与提醒')
})
