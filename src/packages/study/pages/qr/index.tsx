import '../../styles/study.scss'

import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'

import { QrPanel } from '../../../../components/qr-panel'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { useRotatingQr } from '../../../../hooks/use-rotating-qr'
import { ensureSignedIn } from '../../../../services/session'
import { useSessionsStore } from '../../../../stores/study-sessions.store'

/** 签到码 (`?id=`): the secretary's phone held up in the room, the code changing every few seconds. */
export default function QrPage() {
  const { params } = useRouter()
  return (
    <Screen>
      {params.id ? (
        <RotatingCode sessionId={params.id} />
      ) : (
        <PageNotice text="没有指定活动，请从学习活动进入" />
      )}
    </Screen>
  )
}

function RotatingCode({ sessionId }: { sessionId: string }) {
  const session = useSessionsStore((s) => s.session)
  const loadSession = useSessionsStore((s) => s.loadSession)
  const { code, state, error, closed, fetching, secondsLeft, retry } = useRotatingQr(
    { kind: 'session', id: sessionId },
    'checkin',
  )
  useEffect(() => {
    if (ensureSignedIn()) void loadSession(sessionId)
  }, [loadSession, sessionId])
  const title = session.status === 'ready' && session.data.id === sessionId ? session.data.title : ''
  if (closed) {
    return (
      <View className="state">
        {title && <Text className="t-title">{title}</Text>}
        <Text className="t-body">{closed}</Text>
      </View>
    )
  }

  return (
    <View>
      {title && (
        <View className="card">
          <Text className="t-title">{title}</Text>
        </View>
      )}
      <StateView state={state} onRetry={retry} loadingText="正在生成签到码…">
        {(shown) => (
          <QrPanel qr={shown.qr} secondsLeft={secondsLeft ?? 0} refreshing={fetching} error={error} />
        )}
      </StateView>
      {!code && error && (
        <View className="state">
          <Text className="t-caption">正在自动重试…</Text>
        </View>
      )}
      {code && (
        <Button className="btn btn--ghost" disabled={fetching} onClick={retry}>
          立即刷新
        </Button>
      )}
    </View>
  )
}
