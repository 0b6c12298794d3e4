import { ERRORS } from '@contract/errors'
import type {
  ChainBreak,
  ChainLink,
  ChainVerificationPage,
  InputOf,
  MemberView,
  MyPledge,
  PledgeCampaignView,
  PledgeCompletion,
  PledgeTemplateView,
  PledgeVerification,
  PledgeView,
  ReminderOutcome,
} from '@contract/index'
import { create } from 'zustand'

import type { Stroke } from '../../cloudfunctions/domain/signature-pad.rules'
import { call, type DeviceFile, upload } from '../services/cloud'
import { openExportedFile } from '../services/exported-file'
import { attempt, type Outcome } from './admin-outcome'
import { idle, type Loadable, track } from './async-state'
import { latestOnly } from './study-shared'

export type TemplateDraft = InputOf<'pledge', 'template/save'>
export type CampaignDraft = InputOf<'pledge', 'campaign/create'>

/** The inspector's 全链核验: walking the chain's pages from the first link. */
export type ChainCheck =
  | { status: 'idle' }
  | { status: 'running'; checked: number; headSeq: number }
  | {
      status: 'done'
      headSeq: number
      headHash: string
      chainBreak: ChainBreak | null
      checkpoints: ChainLink[]
      checkedAt: number
    }
  | { status: 'error'; message: string }

/** Names found for the campaign form's 指定人员 (the roster of the chosen organisation, by name). */
export type PersonHit = Pick<MemberView, 'id' | 'name' | 'orgName' | 'cadreLevel'>

interface PledgeState {
  /** 待签承诺书 and the signed ones. */
  mine: Loadable<MyPledge[]>
  /** The pledge being read, signed or verified. */
  pledge: Loadable<PledgeView>
  verification: Loadable<PledgeVerification>
  templates: Loadable<PledgeTemplateView[]>
  campaigns: Loadable<PledgeCampaignView[]>
  completion: Loadable<PledgeCompletion>
  chainCheck: ChainCheck
  people: Loadable<{ items: PersonHit[]; total: number }>
  busy: boolean
  loadMine(): Promise<void>
  loadPledge(assignmentId: string): Promise<void>
  /** Uploads the pad's PNG and signs with its strokes. */
  sign(assignmentId: string, png: DeviceFile, strokes: Stroke[]): Promise<Outcome<PledgeView>>
  verify(assignmentId: string): Promise<void>
  loadManage(): Promise<void>
  saveTemplate(draft: TemplateDraft): Promise<Outcome<PledgeTemplateView>>
  createCampaign(draft: CampaignDraft): Promise<Outcome<PledgeCampaignView>>
  loadCompletion(campaignId: string, orgId?: string): Promise<void>
  remind(campaignId: string, orgId: string, memberIds: string[]): Promise<Outcome<ReminderOutcome>>
  /** 签订情况 as an .xlsx, downloaded and opened; answers what to tell the person. */
  exportCompletion(campaignId: string, orgId: string): Promise<string>
  /** 全链核验: every page of the chain in turn, stopping at the first break. */
  checkChain(): Promise<void>
  /** Members of `orgId`'s subtree whose name contains `keyword` (the first 20). */
  searchPeople(orgId: string, keyword: string): Promise<void>
}

const latestPledge = latestOnly()
const latestCompletion = latestOnly()
const latestPeople = latestOnly()

export const usePledgeStore = create<PledgeState>((set, get) => {
  async function busyWith<T>(run: () => Promise<T>): Promise<Outcome<T>> {
    if (get().busy) return { ok: false, message: '正在提交，请稍候', code: null }
    set({ busy: true })
    const outcome = await attempt(run)
    set({ busy: false })
    return outcome
  }

  return {
    mine: idle,
    pledge: idle,
    verification: idle,
    templates: idle,
    campaigns: idle,
    completion: idle,
    chainCheck: { status: 'idle' },
    people: idle,
    busy: false,
    async loadMine() {
      await track(
        (mine) => set({ mine }),
        () => call('pledge', 'pledge/mine', {}),
      )
    },
    async loadPledge(assignmentId) {
      const isLatest = latestPledge()
      set({ verification: idle })
      await track(
        (pledge) => isLatest() && set({ pledge }),
        () => call('pledge', 'pledge/get', { assignmentId }),
      )
    },
    async sign(assignmentId, png, strokes) {
      const outcome = await busyWith(async () =>
        call('pledge', 'pledge/sign', {
          assignmentId,
          fileID: await upload('png', png),
          strokes,
          confirmed: true,
        }),
      )
      if (outcome.ok) set({ pledge: { status: 'ready', data: outcome.data } })
      return outcome
    },
    async verify(assignmentId) {
      await track(
        (verification) => set({ verification }),
        () => call('pledge', 'pledge/verify', { assignmentId }),
      )
    },
    async loadManage() {
      await Promise.all([
        track(
          (templates) => set({ templates }),
          () => call('pledge', 'template/list', {}),
        ),
        track(
          (campaigns) => set({ campaigns }),
          () => call('pledge', 'campaign/list', {}),
        ),
      ])
    },
    async saveTemplate(draft) {
      const outcome = await busyWith(() => call('pledge', 'template/save', draft))
      if (outcome.ok) void get().loadManage()
      return outcome
    },
    async createCampaign(draft) {
      const outcome = await busyWith(() => call('pledge', 'campaign/create', draft))
      if (outcome.ok) void get().loadManage()
      return outcome
    },
    async loadCompletion(campaignId, orgId) {
      const isLatest = latestCompletion()
      await track(
        (completion) => isLatest() && set({ completion }),
        () => call('pledge', 'campaign/completion', orgId ? { campaignId, orgId } : { campaignId }),
      )
    },
    async remind(campaignId, orgId, memberIds) {
      const outcome = await busyWith(() =>
        call('pledge', 'campaign/remind', { campaignId, orgId, memberIds }),
      )
      if (outcome.ok) void get().loadCompletion(campaignId, orgId)
      return outcome
    },
    async exportCompletion(campaignId, orgId) {
      const outcome = await busyWith(() => call('pledge', 'campaign/export', { campaignId, orgId }))
      if (!outcome.ok) return outcome.message
      const opened = await openExportedFile(outcome.data).then(
        () => true,
        () => false,
      )
      return opened ? `已导出：${outcome.data.fileName}` : ERRORS['FILE.DOWNLOAD_FAILED']
    },
    async checkChain() {
      if (get().chainCheck.status === 'running') return
      set({ chainCheck: { status: 'running', checked: 0, headSeq: 0 } })
      const checkpoints: ChainLink[] = []
      const outcome = await attempt(async () => {
        let from: number | null = 1
        for (;;) {
          const page: ChainVerificationPage = await call('pledge', 'chain/verify', { from: from ?? 1 })
          checkpoints.push(...page.checkpoints)
          set({ chainCheck: { status: 'running', checked: page.to, headSeq: page.headSeq } })
          from = page.next
          if (page.chainBreak || from === null) return page
        }
      })
      set({
        chainCheck: outcome.ok
          ? {
              status: 'done',
              headSeq: outcome.data.headSeq,
              headHash: outcome.data.headHash,
              chainBreak: outcome.data.chainBreak,
              checkpoints,
              checkedAt: outcome.data.checkedAt,
            }
          : { status: 'error', message: outcome.message },
      })
    },
    async searchPeople(orgId, keyword) {
      const isLatest = latestPeople()
      await track(
        (people) => isLatest() && set({ people }),
        async () => {
          const page = await call('org', 'member/list', {
            orgId,
            ...(keyword.trim() ? { keyword: keyword.trim() } : {}),
            limit: 20,
          })
          return {
            items: page.items.map((m) => ({
              id: m.id,
              name: m.name,
              orgName: m.orgName,
              cadreLevel: m.cadreLevel,
            })),
            total: page.total,
          }
        },
      )
    },
  }
})
