import { ERRORS } from '@contract/errors'
import { create } from 'zustand'

import { call } from '../services/cloud'
import { openExportedFile } from '../services/exported-file'
import { attempt } from './admin-outcome'
import { reminderSummary } from './reminder-summary'

/** The names list a screen follows up: a month's 学习未达标, or an exam's 未参考 and 不合格, of one organisation. */
export type FollowUpList =
  { kind: 'study'; orgId: string; month: string } | { kind: 'exam'; examId: string; orgId: string }

interface FollowUpState {
  busy: 'remind' | 'export' | null
  /** What the last 提醒 or 导出 did, in words, and of which list (a reload of the list keeps it on screen). */
  message: { list: string; text: string } | null
  /** Reminds the people named (at most once a day each); true when the call went through. */
  remind(list: FollowUpList, memberIds: readonly string[]): Promise<boolean>
  /** Has the function write the names as an .xlsx, then opens it (WeChat) or downloads it (H5). */
  exportNames(list: FollowUpList): Promise<void>
}

/** The identity of a list, to show a message only beside the list it is about. */
export const listKey = (list: FollowUpList): string => JSON.stringify(list)

export const useFollowUpStore = create<FollowUpState>((set, get) => ({
  busy: null,
  message: null,
  async remind(list, memberIds) {
    if (get().busy || memberIds.length === 0) return false
    set({ busy: 'remind', message: null })
    const key = listKey(list)
    const ids = [...memberIds]
    const outcome = await attempt(() =>
      list.kind === 'study'
        ? call('study', 'study/remind', { orgId: list.orgId, month: list.month, memberIds: ids })
        : call('quiz', 'exam/remind', { examId: list.examId, orgId: list.orgId, memberIds: ids }),
    )
    set({
      busy: null,
      message: { list: key, text: outcome.ok ? reminderSummary(outcome.data) : outcome.message },
    })
    return outcome.ok
  },
  async exportNames(list) {
    if (get().busy) return
    const key = listKey(list)
    set({ busy: 'export', message: { list: key, text: '正在导出…' } })
    const outcome = await attempt(() =>
      list.kind === 'study'
        ? call('study', 'study/ruleExport', { orgId: list.orgId, month: list.month })
        : call('quiz', 'exam/namesExport', { examId: list.examId, orgId: list.orgId }),
    )
    let message: string
    if (!outcome.ok) message = outcome.message
    else {
      const opened = await openExportedFile(outcome.data).then(
        () => true,
        () => false,
      )
      message = opened ? `已导出名单：${outcome.data.fileName}` : ERRORS['FILE.DOWNLOAD_FAILED']
    }
    set({ busy: null, message: { list: key, text: message } })
  },
}))
