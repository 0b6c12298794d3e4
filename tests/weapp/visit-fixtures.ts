/** 上门服务 requests as the pages receive them, for the page tests. */
import type { VisitView } from '@contract/index'

export const NO_ACTIONS: VisitView['can'] = {
  cancel: false,
  confirm: false,
  dispatch: false,
  reject: false,
  accept: false,
  decline: false,
  complete: false,
  contact: false,
}

/** A request of 和平社区党委 as staff see it (phone and address masked), in the state the patch gives. */
export function visitView(
  patch: Partial<Omit<VisitView, 'can'>> & Pick<VisitView, 'id'> & { can?: Partial<VisitView['can']> },
): VisitView {
  return {
    serviceType: 'repair',
    serviceLabel: '维修',
    orgId: 'c1',
    orgName: '和平社区党委',
    status: 'submitted',
    statusLabel: '待派单',
    progress: '已收到您的请求，社区正在安排人员',
    description: '厨房水龙头漏水，家里只有老人',
    address: '幸福街道和****',
    phone: '138****5678',
    preferredLabel: '尽快',
    submittedAt: Date.UTC(2026, 11, 2, 2, 0),
    dispatchedAt: null,
    acceptedAt: null,
    completedAt: null,
    confirmedAt: null,
    endedAt: null,
    assigneeName: null,
    dispatcherName: null,
    reason: null,
    declines: 0,
    durationMinutes: null,
    notes: null,
    rating: null,
    comment: null,
    autoConfirmed: false,
    dueStep: 'dispatch',
    dueAt: Date.UTC(2026, 11, 2, 4, 0),
    overdue: false,
    escalated: false,
    hasPhoto: false,
    photoUrls: [],
    completionPhotos: 0,
    completionPhotoUrls: [],
    mine: false,
    ...patch,
    can: { ...NO_ACTIONS, ...patch.can },
  }
}

/** The template ids the deployment configured (MeView.visitTemplateIds), as the app is given them. */
export const VISIT_TEMPLATES = { visitProgress: 'tmpl-visit-progress', visitTask: 'tmpl-visit-task' }
