import type { SessionView } from '@contract/study.contract'
import { Text, View } from '@tarojs/components'

import { SESSION_FORMATS, SESSION_TYPES } from '../../../../../cloudfunctions/domain/study.rules'
import { spanLabel } from '../../../../../cloudfunctions/domain/time'
import type { Tone } from '../../lib/labels'
import { Badge } from '../badge'

export function sessionPhase(session: SessionView, now: number): { text: string; tone: Tone } {
  if (session.status === 'cancelled') return { text: '已取消', tone: 'bad' }
  if (now < session.startAt) return { text: '未开始', tone: 'plain' }
  if (now <= session.endAt) return { text: '进行中', tone: 'ok' }
  return { text: '已结束', tone: 'plain' }
}

/** Title with its phase, then type · format · organisation and time · place: how a session reads everywhere. */
export function SessionSummary({ session, prominent }: { session: SessionView; prominent?: boolean }) {
  return (
    <>
      <View className="study-row">
        <View className="study-row__main">
          <Text className={prominent ? 't-title' : 't-body'}>{session.title}</Text>
        </View>
        <Badge {...sessionPhase(session, Date.now())} />
      </View>
      <View>
        <Text className="t-caption">
          {SESSION_TYPES[session.type]} · {SESSION_FORMATS[session.format]} · {session.orgName}
        </Text>
      </View>
      <View>
        <Text className="t-caption">
          {spanLabel(session.startAt, session.endAt)} · {session.place}
        </Text>
      </View>
    </>
  )
}

export function SessionRow({ session, onTap }: { session: SessionView; onTap: () => void }) {
  return (
    <View className="card" onClick={onTap}>
      <SessionSummary session={session} />
    </View>
  )
}
