import type { InviteView } from '@contract/account.contract'
import type { InputOf } from '@contract/index'
import type { MemberView } from '@contract/org.contract'
import { create } from 'zustand'

import type { MemberCategory } from '../../cloudfunctions/domain/member.rules'
import type { RoleGrant } from '../../cloudfunctions/domain/roles'
import { chinaClock } from '../../cloudfunctions/domain/time'
import { call, messageOf } from '../services/cloud'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'

export const ROSTER_PAGE_SIZE = 20

export type CategoryFilter = MemberCategory | 'all'

export interface RosterQuery {
  orgId: string
  keyword: string
  category: CategoryFilter
}

export interface RosterList {
  items: MemberView[]
  total: number
}

export type MemberFields = InputOf<'org', 'member/create'>
export type MemberPatch = InputOf<'org', 'member/update'>['patch']

/** An invite as the member page shows it: the expiry already written as a China-time date. */
export interface ShownInvite extends InviteView {
  /** "2026年12月2日" */
  expiresOn: string
}

export type MemberChange = 'save' | 'roles' | 'invite' | 'unbind'

interface RosterState {
  query: RosterQuery | null
  list: Loadable<RosterList>
  /** The 加载更多 request: separate from `list`, so the rows already shown stay on screen. */
  more: { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string }
  /** Set when the roster changed elsewhere (a member created, a sheet imported): reload when shown. */
  stale: boolean
  search(query: RosterQuery): Promise<void>
  loadMore(): Promise<void>
  reloadIfStale(): void
  markStale(): void

  /** The member page's member, by id, so returning to it shows the last state at once. */
  member: Loadable<MemberView>
  memberId: string | null
  loadMember(memberId: string): Promise<void>
  /** The change being sent for the member page; its button stays disabled meanwhile. */
  busy: MemberChange | null
  /** The invite code last generated on the member page, for that member only. */
  invite: ShownInvite | null
  createMember(fields: MemberFields): Promise<Outcome<MemberView>>
  updateMember(memberId: string, patch: MemberPatch): Promise<Outcome<MemberView>>
  setRoles(memberId: string, roles: RoleGrant[]): Promise<Outcome<MemberView>>
  unbind(memberId: string): Promise<Outcome<MemberView>>
  createInvite(memberId: string): Promise<Outcome<InviteView>>
}

function listInput(query: RosterQuery, offset: number) {
  const keyword = query.keyword.trim()
  return {
    orgId: query.orgId,
    offset,
    limit: ROSTER_PAGE_SIZE,
    ...(keyword ? { keyword } : {}),
    ...(query.category === 'all' ? {} : { category: query.category }),
  }
}

export const useRosterStore = create<RosterState>((set, get) => {
  /** Answers to an older search are dropped, so fast typing never shows the wrong list. */
  let searchSeq = 0

  /** Puts a changed member into the page and the list, without another round trip. */
  function showMember(member: MemberView): void {
    const { list } = get()
    set({ member: { status: 'ready', data: member }, memberId: member.id })
    if (list.status === 'ready') {
      const items = list.data.items.map((m) => (m.id === member.id ? member : m))
      set({ list: { status: 'ready', data: { ...list.data, items } } })
    }
  }

  async function change<T>(kind: MemberChange, send: () => Promise<T>): Promise<Outcome<T>> {
    if (get().busy) return { ok: false, message: '正在处理上一个操作，请稍候', code: null }
    set({ busy: kind })
    const outcome = await attempt(send)
    set({ busy: null })
    return outcome
  }

  return {
    query: null,
    list: idle,
    more: { status: 'idle' },
    stale: false,
    async search(query) {
      const seq = ++searchSeq
      set({ query, stale: false, more: { status: 'idle' } })
      await track(
        (list) => seq === searchSeq && set({ list }),
        async () => {
          const page = await call('org', 'member/list', listInput(query, 0))
          return { items: page.items, total: page.total }
        },
      )
    },
    async loadMore() {
      const { query, list, more } = get()
      if (!query || list.status !== 'ready' || more.status === 'loading') return
      if (list.data.items.length >= list.data.total) return
      const seq = searchSeq
      set({ more: { status: 'loading' } })
      try {
        const page = await call('org', 'member/list', listInput(query, list.data.items.length))
        if (seq !== searchSeq) return
        const current = get().list
        const shown = current.status === 'ready' ? current.data.items : []
        const known = new Set(shown.map((m) => m.id))
        const items = [...shown, ...page.items.filter((m) => !known.has(m.id))]
        set({ list: { status: 'ready', data: { items, total: page.total } }, more: { status: 'idle' } })
      } catch (error) {
        if (seq === searchSeq) set({ more: { status: 'error', message: messageOf(error) } })
      }
    },
    reloadIfStale() {
      const { stale, query } = get()
      if (stale && query) void get().search(query)
    },
    markStale() {
      set({ stale: true })
    },

    member: idle,
    memberId: null,
    busy: null,
    invite: null,
    async loadMember(memberId) {
      if (get().memberId !== memberId) set({ invite: null })
      set({ memberId })
      await track(
        (member) => get().memberId === memberId && set({ member }),
        () => call('org', 'member/get', { memberId }),
      )
    },
    async createMember(fields) {
      const outcome = await change('save', () => call('org', 'member/create', fields))
      if (outcome.ok) {
        set({ invite: null, stale: true })
        showMember(outcome.data)
      }
      return outcome
    },
    async updateMember(memberId, patch) {
      const outcome = await change('save', () => call('org', 'member/update', { memberId, patch }))
      if (outcome.ok) showMember(outcome.data)
      return outcome
    },
    async setRoles(memberId, roles) {
      const outcome = await change('roles', () => call('org', 'member/setRoles', { memberId, roles }))
      if (outcome.ok) showMember(outcome.data)
      return outcome
    },
    async unbind(memberId) {
      const outcome = await change('unbind', () => call('org', 'member/unbind', { memberId }))
      if (outcome.ok) showMember(outcome.data)
      return outcome
    },
    async createInvite(memberId) {
      const outcome = await change('invite', () => call('account', 'account/createInvite', { memberId }))
      if (outcome.ok && get().memberId === memberId) {
        set({
          invite: { ...outcome.data, expiresOn: chinaClock(outcome.data.expiresAt).format('YYYY年M月D日') },
        })
      }
      return outcome
    },
  }
})

export const selectRosterItems = (s: RosterState): MemberView[] =>
  s.list.status === 'ready' ? s.list.data.items : []
export const selectHasMore = (s: RosterState): boolean =>
  s.list.status === 'ready' && s.list.data.items.length < s.list.data.total
