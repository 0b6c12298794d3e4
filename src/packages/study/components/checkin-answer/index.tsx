import type { CheckinResult } from '@contract/study.contract'
import { Button, Text, View } from '@tarojs/components'

import { timeOf } from '../../../../../cloudfunctions/domain/time'
import type { Loadable } from '../../../../stores/async-state'

export interface CheckinAnswerProps {
  answer: Loadable<CheckinResult>
  /** Scans again (weapp) or clears the answer (H5). */
  onRetry: () => void
  onDone: () => void
  /** Offered when the answer is that the person has not bound their member identity yet. */
  onBind?: () => void
}

/** The one answer a member needs after a scan, in one very large word, then the details. */
export function CheckinAnswer({ answer, onRetry, onDone, onBind }: CheckinAnswerProps) {
  if (answer.status === 'idle') return null
  if (answer.status === 'loading') {
    return (
      <View className="card">
        <Text className="checkin-answer">正在签到…</Text>
      </View>
    )
  }
  if (answer.status === 'error' && onBind) {
    return (
      <View className="card">
        <Text className="checkin-answer error-text">还不能签到</Text>
        <Text className="t-title">你还没有绑定党员身份</Text>
        <View>
          <Text className="t-body">绑定后会回到这里，再次签到。</Text>
        </View>
        <Button className="btn btn--primary checkin-scan" onClick={onBind}>
          去绑定
        </Button>
      </View>
    )
  }
  if (answer.status === 'error') {
    return (
      <View className="card">
        <Text className="checkin-answer error-text">签到未成功</Text>
        <Text className="t-title error-text">{answer.message}</Text>
        <Button className="btn btn--primary checkin-scan" onClick={onRetry}>
          重新扫码
        </Button>
      </View>
    )
  }
  const result = answer.data
  const first = result.outcome === 'checked_in'
  return (
    <View className="card">
      <Text className="checkin-answer ok-text">{first ? '签到成功' : '已签到'}</Text>
      {first && result.late && <Text className="t-title error-text">迟到</Text>}
      {first && result.visitor && (
        <View>
          <Text className="t-title">以列席身份签到</Text>
        </View>
      )}
      <View>
        <Text className="t-body">{result.sessionTitle}</Text>
      </View>
      <View>
        <Text className="t-caption">
          {first ? '签到时间' : '你已签过到，无需重复签到。签到时间'} {timeOf(result.at)}
        </Text>
      </View>
      <Button className="btn btn--ghost" onClick={onDone}>
        完成
      </Button>
    </View>
  )
}
