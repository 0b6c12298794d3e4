// The demo sign-in exists only in the H5 build served by the local host; in WeChat the
// identity is the OPENID, so the weapp build does not contain the page at all.
const devPackages =
  process.env.TARO_ENV === 'h5' ? [{ root: 'packages/dev', name: 'dev', pages: ['pages/login/index'] }] : []

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/services/index', 'pages/mine/index', 'pages/not-found/index'],
  subPackages: [
    { root: 'packages/account', name: 'account', pages: ['pages/bind/index'] },
    {
      root: 'packages/admin',
      name: 'admin',
      pages: ['pages/orgs/index', 'pages/roster/index', 'pages/member/index', 'pages/import/index'],
    },
    {
      root: 'packages/study',
      name: 'study',
      pages: [
        'pages/checkin/index',
        'pages/mine/index',
        'pages/sessions/index',
        'pages/session-edit/index',
        'pages/session/index',
        'pages/qr/index',
        'pages/rule/index',
        'pages/lecturers/index',
      ],
    },
    {
      root: 'packages/quiz',
      name: 'quiz',
      pages: [
        'pages/index/index',
        'pages/exam/index',
        'pages/practice/index',
        'pages/bank/index',
        'pages/manage/index',
        'pages/results/index',
      ],
    },
    {
      root: 'packages/pledge',
      name: 'pledge',
      pages: [
        'pages/mine/index',
        'pages/sign/index',
        'pages/manage/index',
        'pages/completion/index',
        'pages/callback/index',
        'pages/callback-call/index',
        'pages/callback-published/index',
      ],
    },
    {
      root: 'packages/volunteer',
      name: 'volunteer',
      pages: [
        'pages/activities/index',
        'pages/activity/index',
        'pages/manage/index',
        'pages/roster/index',
        'pages/qr/index',
        'pages/scan/index',
        'pages/hours/index',
        'pages/cert/index',
        'pages/verify/index',
        'pages/projects/index',
        'pages/project/index',
        'pages/project-manage/index',
        'pages/project-edit/index',
      ],
    },
    {
      root: 'packages/visit',
      name: 'visit',
      pages: [
        'pages/request/index',
        'pages/mine/index',
        'pages/queue/index',
        'pages/tasks/index',
        'pages/settings/index',
      ],
    },
    {
      root: 'packages/stats',
      name: 'stats',
      pages: ['pages/month/index', 'pages/records/index', 'pages/todo/index', 'pages/year/index'],
    },
    ...devPackages,
  ],
  // H5 only (WeChat draws its own transitions): no slide between pages. Taro's H5 router hides the page left
  // behind on a timer (animation delay + duration) that showing it again does not cancel, so going back within
  // that time left a blank screen; and mid-slide the page sits off the screen's edge. ARCHITECTURE.md has the facts.
  animation: false,
  window: {
    // Explicit, so the H5 build shows its navigation bar too: a back arrow, or a home button on a
    // page opened by link with no history (WeChat draws its own bar either way).
    navigationStyle: 'default',
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '基层党建助手',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '服务',
        iconPath: 'assets/tab/services.png',
        selectedIconPath: 'assets/tab/services-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
