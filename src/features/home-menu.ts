import type { MeView } from '@contract/account.contract'

import { hasAnyPermission } from '../../cloudfunctions/domain/roles'
import type { RouteName } from '../services/navigation'

export interface MenuEntry {
  key: string
  title: string
  caption: string
  /** Absent while the capability is still being built: the tile shows greyed. */
  route?: RouteName
}

/** Anyone handed a 志愿服务记录证明 checks it here, bound or not. */
const VERIFY: MenuEntry = {
  key: 'volunteerVerify',
  title: '证明查验',
  caption: '查验志愿服务记录证明',
  route: 'volunteerVerify',
}

/** 为民办实事: everyone reads a community's and the street's projects, residents included. */
const PROJECTS: MenuEntry = {
  key: 'projects',
  title: '为民办实事',
  caption: '社区和街道为居民办的实事',
  route: 'projects',
}

/** What 首页 offers a person: only what their roles allow. Pure, so it is tested without a screen. */
export function homeMenu(me: MeView): MenuEntry[] {
  if (!me.bound) {
    return [
      { key: 'bind', title: '绑定党员身份', caption: '党员请先绑定', route: 'bind' },
      { key: 'visit', title: '上门服务', caption: '助老、维修、代办、送医送药', route: 'visitRequest' },
      { key: 'visitMine', title: '我的上门服务', caption: '进展、确认和评价', route: 'visitMine' },
      VERIFY,
      PROJECTS,
    ]
  }
  const entries: MenuEntry[] = [
    { key: 'checkin', title: '扫码签到', caption: '学习活动现场签到', route: 'checkin' },
    { key: 'study', title: '我的学习', caption: '本月学习与请假', route: 'myStudy' },
    { key: 'pledge', title: '待签承诺书', caption: '阅读并签署承诺书', route: 'pledgeMine' },
    { key: 'quiz', title: '党建考核', caption: '考试与每日一练', route: 'quiz' },
    { key: 'volunteer', title: '志愿服务', caption: '活动报名与签到', route: 'volunteer' },
    { key: 'volunteerHours', title: '我的志愿时长', caption: '时长与记录证明', route: 'volunteerHours' },
    { key: 'visitTasks', title: '我的任务', caption: '社区派给我的上门服务', route: 'visitTasks' },
    PROJECTS,
  ]
  // 上门服务 is dispatched by the community's secretaries (the street admin's reach covers every community).
  if (me.roles.some((r) => r.role === 'community_secretary' || r.role === 'street_admin')) {
    entries.push({ key: 'visitQueue', title: '上门派单', caption: '居民的上门服务请求', route: 'visitQueue' })
  }
  // Readers of the figures who manage nothing (the 纪工委) open the same pages, read-only.
  const manages = hasAnyPermission(me.roles, 'session.manage')
  if (manages || hasAnyPermission(me.roles, 'stats.read')) {
    entries.push({
      key: 'sessions',
      title: '学习活动',
      caption: manages ? '创建活动、出示签到码' : '查看活动与出勤',
      route: 'sessions',
    })
    entries.push({ key: 'studyRule', title: '学习达标', caption: '每月2次理论学习', route: 'studyRule' })
    entries.push({
      key: 'lecturers',
      title: '讲师队伍',
      caption: manages ? '讲师与讲课统计' : '查看讲师与讲课统计',
      route: 'lecturers',
    })
  }
  if (hasAnyPermission(me.roles, 'quiz.manage')) {
    entries.push({ key: 'quizManage', title: '考试管理', caption: '组卷、发布、合格率', route: 'quizManage' })
  } else if (hasAnyPermission(me.roles, 'stats.read')) {
    entries.push({ key: 'quizManage', title: '考试成绩', caption: '各次考试的成绩统计', route: 'quizManage' })
  }
  if (hasAnyPermission(me.roles, 'pledge.inspect') || hasAnyPermission(me.roles, 'pledge.manage')) {
    entries.push({
      key: 'pledgeManage',
      title: '承诺书管理',
      caption: hasAnyPermission(me.roles, 'pledge.inspect') ? '模板、签订任务、签订情况' : '签订情况与提醒',
      route: 'pledgeManage',
    })
  }
  if (hasAnyPermission(me.roles, 'bank.manage')) {
    entries.push({ key: 'quizBank', title: '题库管理', caption: '导入、导出题库', route: 'quizBank' })
  }
  if (hasAnyPermission(me.roles, 'volunteer.manage')) {
    entries.push({
      key: 'volunteerManage',
      title: '志愿活动管理',
      caption: '发布活动、确认时长',
      route: 'volunteerManage',
    })
  }
  if (hasAnyPermission(me.roles, 'roster.read')) {
    entries.push({ key: 'roster', title: '党员花名册', caption: '查看党员、生成邀请码', route: 'roster' })
  }
  if (hasAnyPermission(me.roles, 'org.manage')) {
    entries.push({ key: 'orgs', title: '组织管理', caption: '社区与支部', route: 'orgs' })
  }
  if (hasAnyPermission(me.roles, 'roster.manage')) {
    entries.push({ key: 'import', title: '导入花名册', caption: '从 Excel 批量导入', route: 'import' })
  }
  if (hasAnyPermission(me.roles, 'stats.read')) {
    entries.push({ key: 'stats', title: '月度统计', caption: '数字、图表、待办与导出', route: 'statsMonth' })
    entries.push({ key: 'statsYear', title: '年度述职数据', caption: '全年数字，可复制', route: 'statsYear' })
  }
  return entries
}
