import '../../styles/pledge.scss'

import type { PledgeCompletion } from '@contract/pledge.contract'
import { Button, Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { usePledgeStore } from '../../../../stores/pledge.store'
import { reminderSummary } from '../../../../stores/reminder-summary'

/** 签订情况 (`?id=<campaignId>&org=`): 已签 / 应签, each organisation below, who has not signed, and 提醒. */
export default function CompletionPage() {
  const { params } = useRouter()
  const completion = usePledgeStore((s) => s.completion)
  const load = () => params.id && void usePledgeStore.getState().loadCompletion(params.id, params.org)
  useDidShow(load)
  if (!params.id) {
    return (
      <Screen>
        <PageNotice text="没有指定签订任务，请从承诺书管理进入" />
      </Screen>
    )
  }
  return (
    <Screen>
      <StateView state={completion} onRetry={load}>
        {(c) => <Completion c={c} />}
      </StateView>
    </Screen>
  )
}

function Completion({ c }: { c: PledgeCompletion }) {
  const busy = usePledgeStore((s) => s.busy)
  const [message, setMessage] = useState<string | null>(null)
  const waiting = c.unsigned.filter((p) => !p.remindedToday).map((p) => p.memberId)
  const remind = async () => {
    const outcome = await usePledgeStore.getState().remind(c.campaign.id, c.orgId, waiting.slice(0, 100))
    setMessage(outcome.ok ? reminderSummary(outcome.data) : outcome.message)
  }
  const exportNames = async () => {
    setMessage('正在导出…')
    setMessage(await usePledgeStore.getState().exportCompletion(c.campaign.id, c.orgId))
  }
  return (
    <View>
      <View className="card" id="pledge-completion">
        <Text className="t-title">
          {c.campaign.year}年度 {c.campaign.title}
        </Text>
        <View>
          <Text className="t-body">
            {c.orgName}：已签 {c.signed} 份 / 应签 {c.assigned} 份
          </Text>
        </View>
        <Text className={`t-caption ${c.overdue > 0 ? 'error-text' : ''}`}>
          {dateOf(c.campaign.deadline)} 截止{c.pastDeadline ? `，已过截止日期，逾期未签 ${c.overdue} 人` : ''}
        </Text>
        <View>
          <Text className="t-caption">已发送提醒 {c.remindersSent} 条</Text>
        </View>
        <View className="actions">
          <Button
            className="btn btn--ghost"
            id="pledge-export"
            disabled={busy}
            onClick={() => void exportNames()}
          >
            导出签订名单
          </Button>
        </View>
      </View>
      {c.rows.length > 1 && (
        <View className="card">
          {c.rows.map((r) => (
            <View
              className="pledge-row"
              key={r.orgId}
              onClick={() =>
                r.orgId !== c.orgId && go('pledgeCompletion', { id: c.campaign.id, org: r.orgId })
              }
            >
              <Text className="t-body pledge-row__main">{r.orgName}</Text>
              <Text className="t-body">
                {r.signed} / {r.assigned}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="card">
        <Text className="t-title">未签 {c.unsigned.length} 人</Text>
        {c.unsigned.map((p) => (
          <View className="pledge-row" key={p.memberId}>
            <View className="pledge-row__main">
              <Text className="t-body">{p.name}</Text>
              <View>
                <Text className="t-caption">
                  {p.orgName}
                  {p.remindedToday ? ' · 今日已提醒' : ''}
                </Text>
              </View>
            </View>
            {p.overdue && <Text className="pledge-badge error-text">逾期</Text>}
          </View>
        ))}
        {message && <Text className="t-body">{message}</Text>}
        {c.mayRemind && c.unsigned.length > 0 && (
          <View className="actions">
            <Button
              className="btn btn--primary"
              disabled={busy || waiting.length === 0}
              onClick={() => void remind()}
            >
              {waiting.length > 0 ? `提醒 ${waiting.length} 人` : '今天都已提醒'}
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
