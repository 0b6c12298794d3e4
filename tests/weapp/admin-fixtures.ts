/** The organisation tree, people and roster entries the admin and study-management page tests answer with. */
import type { MeView, RoleView } from '@contract/account.contract'
import type { MemberView, OrgView } from '@contract/org.contract'

import type { PageHarness } from './harness'

/** 幸福街道党工委 → 和平社区党委 (第一、第二党支部), 光明社区党委 (第一党支部). */
export const ORGS: OrgView[] = [
  { id: 's', name: '幸福街道党工委', type: 'street', parentId: null, ancestors: [], order: 0 },
  { id: 'c1', name: '和平社区党委', type: 'community', parentId: 's', ancestors: ['s'], order: 1 },
  { id: 'c1-b1', name: '第一党支部', type: 'branch', parentId: 'c1', ancestors: ['s', 'c1'], order: 1 },
  { id: 'c1-b2', name: '第二党支部', type: 'branch', parentId: 'c1', ancestors: ['s', 'c1'], order: 2 },
  { id: 'c2', name: '光明社区党委', type: 'community', parentId: 's', ancestors: ['s'], order: 2 },
  { id: 'c2-b1', name: '光明第一党支部', type: 'branch', parentId: 'c2', ancestors: ['s', 'c2'], order: 1 },
]

export const role = (r: RoleView['role'], orgId: string): RoleView => ({
  orgId,
  orgName: ORGS.find((o) => o.id === orgId)?.name ?? orgId,
  role: r,
})

export function me(roles: RoleView[]): MeView {
  return {
    bound: true,
    reminderTemplateIds: [],
    visitTemplateIds: { visitProgress: 'LOCAL_VISIT_PROGRESS', visitTask: 'LOCAL_VISIT_TASK' },
    member: { id: 'm0', name: '沈静怡', orgId: 'c1-b1', orgName: '第一党支部', category: '在职' },
    roles,
  }
}

export const streetAdmin = me([role('street_admin', 's')])
export const communitySecretary = me([role('community_secretary', 'c1')])
export const plainMember = me([])

export const member = (patch: Partial<MemberView> & Pick<MemberView, 'id' | 'name'>): MemberView => ({
  gender: '男',
  phone: '13800001111',
  orgId: 'c1-b1',
  orgName: '第一党支部',
  category: '在职',
  cadreLevel: null,
  bound: false,
  roles: [],
  ...patch,
})

interface ExparserEvents {
  Event: {
    create(type: string, detail: object, options: object): unknown
    dispatchEvent(node: unknown, event: unknown): void
  }
}

/**
 * Fires a mini-program event (`change` of a picker or switch) on a rendered node, as WeChat does when a
 * person picks a value; the harness only types and taps. Uses the simulator's exparser of the loaded page.
 */
export function fire(el: Element, type: string, detail: Record<string, unknown>): void {
  const node = (el as Element & { __wxElement?: unknown }).__wxElement
  if (!node) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered mini-program node`)
  const exparser = jest.requireActual<ExparserEvents>('miniprogram-exparser')
  const options = { bubbles: false, composed: true, capturePhase: true }
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create(type, detail, { ...options, extraFields: { touches: [], changedTouches: [] } }),
  )
}

/** The pickers of the form field whose caption is exactly `label` (e.g. '开始时间': its date, then its time). */
export function pickersOf(dom: HTMLElement, label: string): HTMLElement[] {
  const caption = Array.from(dom.querySelectorAll('wx-text')).find((el) => el.textContent?.trim() === label)
  const field = caption?.parentElement
  if (!field) throw new Error(`no field labelled "${label}"`)
  return Array.from(field.querySelectorAll('wx-picker'))
}

/** Types into a field and waits until the page shows what was typed, as a person looks before tapping on. */
export async function typeInto(page: PageHarness, target: string, value: string): Promise<void> {
  await page.input(target, value)
  await page.waitFor(() => page.valueOf(target) === value, 3000, `"${value}" in ${target}`)
}
