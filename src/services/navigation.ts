import Taro from '@tarojs/taro'

/** Every page path, named once; pages navigate through these helpers, never with string literals. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  mine: '/pages/mine/index',
  notFound: '/pages/not-found/index',
  bind: '/packages/account/pages/bind/index',
  orgs: '/packages/admin/pages/orgs/index',
  roster: '/packages/admin/pages/roster/index',
  member: '/packages/admin/pages/member/index',
  import: '/packages/admin/pages/import/index',
  checkin: '/packages/study/pages/checkin/index',
  myStudy: '/packages/study/pages/mine/index',
  sessions: '/packages/study/pages/sessions/index',
  sessionEdit: '/packages/study/pages/session-edit/index',
  session: '/packages/study/pages/session/index',
  sessionQr: '/packages/study/pages/qr/index',
  studyRule: '/packages/study/pages/rule/index',
  lecturers: '/packages/study/pages/lecturers/index',
  quiz: '/packages/quiz/pages/index/index',
  quizExam: '/packages/quiz/pages/exam/index',
  quizPractice: '/packages/quiz/pages/practice/index',
  quizBank: '/packages/quiz/pages/bank/index',
  quizManage: '/packages/quiz/pages/manage/index',
  quizResults: '/packages/quiz/pages/results/index',
  pledgeMine: '/packages/pledge/pages/mine/index',
  pledgeSign: '/packages/pledge/pages/sign/index',
  pledgeManage: '/packages/pledge/pages/manage/index',
  pledgeCompletion: '/packages/pledge/pages/completion/index',
  volunteer: '/packages/volunteer/pages/activities/index',
  volunteerActivity: '/packages/volunteer/pages/activity/index',
  volunteerManage: '/packages/volunteer/pages/manage/index',
  volunteerRoster: '/packages/volunteer/pages/roster/index',
  volunteerQr: '/packages/volunteer/pages/qr/index',
  volunteerScan: '/packages/volunteer/pages/scan/index',
  volunteerHours: '/packages/volunteer/pages/hours/index',
  volunteerCert: '/packages/volunteer/pages/cert/index',
  volunteerVerify: '/packages/volunteer/pages/verify/index',
  visitRequest: '/packages/visit/pages/request/index',
  visitMine: '/packages/visit/pages/mine/index',
  visitQueue: '/packages/visit/pages/queue/index',
  visitTasks: '/packages/visit/pages/tasks/index',
  visitSettings: '/packages/visit/pages/settings/index',
  statsMonth: '/packages/stats/pages/month/index',
  statsRecords: '/packages/stats/pages/records/index',
  statsTodo: '/packages/stats/pages/todo/index',
  statsYear: '/packages/stats/pages/year/index',
  projects: '/packages/volunteer/pages/projects/index',
  project: '/packages/volunteer/pages/project/index',
  projectManage: '/packages/volunteer/pages/project-manage/index',
  projectEdit: '/packages/volunteer/pages/project-edit/index',
} as const

export type RouteName = keyof typeof ROUTES
const TABS: RouteName[] = ['home', 'services', 'mine']

/** What a tap says when the page it opens could not be loaded (a sub-package over a dropped connection). */
export const NOT_OPENED = '页面没有打开，请检查网络后重试'

function sayNotOpened(): void {
  void Taro.showToast({ title: NOT_OPENED, icon: 'none', duration: 2500 })
}

export function urlOf(route: RouteName, query: Record<string, string> = {}): string {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return qs ? `${ROUTES[route]}?${qs}` : ROUTES[route]
}

/**
 * Opens a page. A sub-package's code is downloaded on its first opening; when that fails (no
 * connection) the navigation fails, and the tap says so instead of doing nothing.
 */
export function go(route: RouteName, query: Record<string, string> = {}): void {
  const url = urlOf(route, query)
  const opening = TABS.includes(route) ? Taro.switchTab({ url }) : Taro.navigateTo({ url })
  void Promise.resolve(opening).catch(sayNotOpened)
}

/** A page of this app (path and query) taken from a link's parameter, or null for anything else. */
export function appPageUrl(value: string | undefined): string | null {
  if (!value) return null
  let url = value
  try {
    url = decodeURIComponent(value)
  } catch {
    return null
  }
  return /^\/(pages|packages)\/[\w/-]+(\?[^#]*)?$/.test(url) ? url : null
}

/** Opens an app page afresh (after binding, the check-in that asked for it). */
export function relaunchAt(url: string): void {
  void Promise.resolve(Taro.reLaunch({ url })).catch(sayNotOpened)
}

export function goHomeFresh(): void {
  void Taro.reLaunch({ url: ROUTES.home })
}

/** 返回: the previous page when there is one; 首页 when the page was opened by a link or a share. */
export function goBack(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Promise.resolve(Taro.navigateBack({ delta: 1 })).catch(goHomeFresh)
  } else goHomeFresh()
}
