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

const SOON = '即将开放'

/** What 首页 offers a person: only what their roles allow. Pure, so it is tested without a screen. */
export function homeMenu(me: MeView): MenuEntry[] {
  if (!me.bound) {
    return [
      { key: 'bind', title: '绑定党员身份', caption: '党员请先绑定', route: 'bind' },
      { key: 'visit', title: '上门服务', caption: SOON },
    ]
  }
  const entries: MenuEntry[] = [
    { key: 'checkin', title: '扫码签到', caption: '学习活动现场签到', route: 'checkin' },
    { key: 'study', title: '我的学习', caption: '本月学习与请假', route: 'myStudy' },
    { key: 'pledge', title: '廉政承诺', caption: SOON },
    { key: 'quiz', title: '党建考核', caption: '考试与每日一练', route: 'quiz' },
    { key: 'volunteer', title: '志愿服务', caption: SOON },
  ]
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
  if (hasAnyPermission(me.roles, 'bank.manage')) {
    entries.push({ key: 'quizBank', title: '题库管理', caption: '导入、导出题库', route: 'quizBank' })
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
