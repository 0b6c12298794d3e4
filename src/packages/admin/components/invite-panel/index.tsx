import './index.scss'

import type { MemberView } from '@contract/org.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { ROUTES } from '../../../../services/navigation'
import { useRosterStore } from '../../../../stores/roster.store'

const IN_WEAPP = process.env.TARO_ENV === 'weapp'

function copyInvite(code: string): void {
  void Promise.resolve(Taro.setClipboardData({ data: code }))
    .then(() => Taro.showToast({ title: '邀请码已复制', icon: 'success' }))
    .catch(() => Taro.showToast({ title: '没有复制成功，请抄下邀请码', icon: 'none' }))
}

/**
 * What 发给微信好友 sends (the member page's share): the binding page with the code filled in.
 * Null before a code is generated, when the page shares nothing of its own.
 */
export function inviteShare(
  invite: { code: string; memberName: string } | null,
): { title: string; path: string } | null {
  if (!invite) return null
  return {
    title: `${invite.memberName}，请绑定党员身份（邀请码 ${invite.code}）`,
    path: `${ROUTES.bind}?code=${invite.code}`,
  }
}

export interface InvitePanelProps {
  member: MemberView
}

/** For a member not yet bound: an 8-character code the secretary reads out or sends them. */
export function InvitePanel({ member }: InvitePanelProps) {
  const busy = useRosterStore((s) => s.busy === 'invite')
  const invite = useRosterStore((s) => s.invite)
  const createInvite = useRosterStore((s) => s.createInvite)
  const [error, setError] = useState<string | null>(null)

  const generate = async () => {
    setError(null)
    const outcome = await createInvite(member.id)
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: '邀请码已生成', icon: 'success' })
  }

  return (
    <View className="card">
      <Text className="t-title">绑定邀请码</Text>
      <View>
        <Text className="t-caption">
          {member.name}尚未绑定微信。生成邀请码后，请他在小程序“绑定党员身份”中输入。
        </Text>
      </View>
      {invite && (
        <View className="invite-code">
          <Text className="invite-code__text" userSelect>
            {invite.code}
          </Text>
          <View>
            <Text className="t-body">有效期至 {invite.expiresOn}</Text>
          </View>
          <View>
            <Text className="t-caption">重新生成后，之前的邀请码即失效。</Text>
          </View>
          <View className="actions">
            <Button className="btn btn--ghost" onClick={() => copyInvite(invite.code)}>
              复制邀请码
            </Button>
            {IN_WEAPP && (
              <Button id="invite-share" className="btn btn--primary" openType="share">
                发给微信好友
              </Button>
            )}
          </View>
        </View>
      )}
      {error && <Text className="t-body error-text">{error}</Text>}
      <Button
        className={`btn ${invite ? 'btn--ghost' : 'btn--primary'}`}
        loading={busy}
        disabled={busy}
        onClick={generate}
      >
        {invite ? '重新生成邀请码' : '生成邀请码'}
      </Button>
    </View>
  )
}
