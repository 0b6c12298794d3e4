import '../../styles/volunteer.scss'

import type { ActivityDetail } from '@contract/volunteer.contract'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import { tokenFromScan } from '../../../../../cloudfunctions/domain/study.rules'
import { scanWindow } from '../../../../../cloudfunctions/domain/volunteer.rules'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { ensureSignedIn } from '../../../../services/session'
import { askForNotice } from '../../../../services/subscribe'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { ActivityCard } from '../../components/activity-card'
import { ActivityForm } from '../../components/activity-form'
import { EntryRow } from '../../components/entry-row'

const IN_WEAPP = process.env.TARO_ENV === 'weapp'

/** 志愿活动 (`?id=`): 报名 / 取消报名, signing in and out with the organiser's code, and the member's own hours. */
export default function ActivityPage() {
  const { params } = useRouter()
  const detail = useVolunteerStore((s) => s.detail)
  const load = useVolunteerStore((s) => s.loadDetail)
  const id = params.id
  useDidShow(() => {
    if (id && ensureSignedIn()) void load(id)
  })
  if (!id)
    return (
      <Screen>
        <PageNotice text="没有指定活动，请从志愿服务进入" />
      </Screen>
    )
  return (
    <Screen>
      <StateView state={detail} onRetry={() => load(id)}>
        {(a) => (
          <View>
            <ActivityCard activity={a} />
            <SignUp activity={a} />
            <MyHours activity={a} />
            {a.canManage && a.status !== 'cancelled' && (
              <View className="card vol-actions">
                <Button className="btn btn--primary" onClick={() => go('volunteerQr', { id: a.id })}>
                  出示签到码
                </Button>
                <Button className="btn btn--ghost" onClick={() => go('volunteerRoster', { id: a.id })}>
                  时长登记与确认
                </Button>
              </View>
            )}
            {a.canManage && <BeforeStart activity={a} />}
          </View>
        )}
      </StateView>
    </Screen>
  )
}

function toast(title: string) {
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}

function SignUp({ activity }: { activity: ActivityDetail }) {
  const busy = useVolunteerStore((s) => s.busy)
  const join = useVolunteerStore((s) => s.join)
  const withdraw = useVolunteerStore((s) => s.withdraw)
  if (activity.status !== 'open' || Date.now() >= activity.startAt) return null
  const run = async (action: typeof join, done: string) => {
    // WeChat lets a message through only if asked from the tap: to hear of a cancellation.
    if (action === join) askForNotice(activity.noticeTemplateId)
    const outcome = await action(activity.id)
    toast(outcome.ok ? done : outcome.message)
  }
  return (
    <View className="card">
      {activity.joined ? (
        <Button className="btn btn--ghost" disabled={busy} onClick={() => run(withdraw, '已取消报名')}>
          取消报名
        </Button>
      ) : (
        <Button className="btn btn--primary" disabled={busy} onClick={() => run(join, '报名成功')}>
          报名
        </Button>
      )}
    </View>
  )
}

/**
 * The organiser's 修改活动 and 取消活动, before the start and before anyone signs in (the server refuses otherwise,
 * and says why).
 */
function BeforeStart({ activity }: { activity: ActivityDetail }) {
  const busy = useVolunteerStore((s) => s.busy)
  const update = useVolunteerStore((s) => s.updateActivity)
  const cancel = useVolunteerStore((s) => s.cancelActivity)
  const [open, setOpen] = useState<'edit' | 'cancel' | null>(null)
  const [reason, setReason] = useState('')
  if (activity.status !== 'open' || Date.now() >= activity.startAt) return null
  return (
    <View>
      <View className="card vol-actions">
        <Button className="btn btn--ghost vol-edit" onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
          修改活动
        </Button>
        <Button
          className="btn btn--ghost vol-cancel"
          onClick={() => setOpen(open === 'cancel' ? null : 'cancel')}
        >
          取消活动
        </Button>
      </View>
      {open === 'edit' && (
        <ActivityForm
          orgId={activity.orgId}
          initial={activity}
          busy={busy}
          onSubmit={async ({ orgId: _orgId, ...fields }) => {
            const outcome = await update({ ...fields, activityId: activity.id })
            toast(outcome.ok ? '已保存修改' : outcome.message)
            if (outcome.ok) setOpen(null)
          }}
        />
      )}
      {open === 'cancel' && (
        <View className="card">
          <Text className="t-title">取消活动</Text>
          <Text className="t-caption">已报名的{activity.signedUp}人会收到取消通知（已开启通知的党员）。</Text>
          <View className="vol-field">
            <Text className="t-caption">取消原因</Text>
            <Input
              className="input cancel-reason"
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
          </View>
          <Button
            className="btn btn--primary cancel-submit"
            disabled={busy || reason.trim() === ''}
            onClick={async () => {
              const outcome = await cancel(activity.id, reason.trim())
              toast(outcome.ok ? `已取消，已通知${outcome.data.sent}人` : outcome.message)
              if (outcome.ok) setOpen(null)
            }}
          >
            确认取消活动
          </Button>
        </View>
      )}
    </View>
  )
}

async function scanWithCamera() {
  try {
    const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    go('volunteerScan', { t: tokenFromScan(scanned.result ?? '') })
  } catch (error) {
    if (!/cancel/.test((error as { errMsg?: string } | null)?.errMsg ?? '')) toast('没有识别到二维码，请重试')
  }
}

function MyHours({ activity }: { activity: ActivityDetail }) {
  const window = scanWindow(activity, Date.now())
  const canScan =
    activity.joined && activity.status === 'open' && (window === 'sign_in' || window === 'sign_out_only')
  if (!canScan && activity.myEntries.length === 0) return null
  return (
    <View className="card">
      <Text className="t-title">我的签到签退</Text>
      {activity.myEntries.map((e) => (
        <EntryRow key={e.id} entry={e} />
      ))}
      {canScan &&
        (IN_WEAPP ? (
          <Button className="btn btn--primary" onClick={scanWithCamera}>
            扫码签到 / 签退
          </Button>
        ) : (
          <Text className="t-caption">
            请用手机相机扫描组织者出示的签到码：第一次扫码签到，离开时再扫码签退。
          </Text>
        ))}
    </View>
  )
}
