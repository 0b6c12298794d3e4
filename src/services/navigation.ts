import Taro from '@tarojs/taro'

/** Every page path, named once; pages navigate through these helpers, never with string literals. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  mine: '/pages/mine/index',
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
} as const

export type RouteName = keyof typeof ROUTES
const TABS: RouteName[] = ['home', 'services', 'mine']

export function go(route: RouteName, query: Record<string, string> = {}): void {
  const qs = Object.entries(query)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  const url = qs ? `${ROUTES[route]}?${qs}` : ROUTES[route]
  if (TABS.includes(route)) void Taro.switchTab({ url })
  else void Taro.navigateTo({ url })
}

export function goHomeFresh(): void {
  void Taro.reLaunch({ url: ROUTES.home })
}
