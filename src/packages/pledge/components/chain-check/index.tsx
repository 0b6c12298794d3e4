import { Button, Text, View } from '@tarojs/components'

import { dateOf, timeOf } from '../../../../../cloudfunctions/domain/time'
import { usePledgeStore } from '../../../../stores/pledge.store'

const BREAK_TEXT = { altered: '被改动', missing: '被删除', relinked: '被替换' } as const

/**
 * 全链核验 (street admin, 纪工委): walks every signing from the first, page by page, and prints the checkpoints'
 * hashes to keep outside the system; a single pledge's 验证 checks only the links around it (README).
 */
export function ChainCheck() {
  const check = usePledgeStore((s) => s.chainCheck)
  const run = () => void usePledgeStore.getState().checkChain()
  return (
    <View className="card" id="pledge-chain-check">
      <Text className="t-title">全链核验</Text>
      <View>
        <Text className="t-caption">
          从第一份签署记录起逐份重新计算，任何一份被改动或删除都会发现。单份承诺书的“验证”只核对它前后相连的记录。
        </Text>
      </View>
      {check.status === 'running' && (
        <Text className="t-body">
          正在核验：已核对{check.checked}份{check.headSeq > 0 ? `，共${check.headSeq}份` : ''}
        </Text>
      )}
      {check.status === 'error' && <Text className="t-body error-text">{check.message}</Text>}
      {check.status === 'done' && (
        <View>
          <Text className={`t-title ${check.chainBreak ? 'error-text' : 'ok-text'}`}>
            {check.chainBreak
              ? `已被篡改：第${check.chainBreak.seq}份${BREAK_TEXT[check.chainBreak.kind]}`
              : `全部${check.headSeq}份未被篡改`}
          </Text>
          <View>
            <Text className="t-caption">
              核验时间 {dateOf(check.checkedAt)} {timeOf(check.checkedAt)}
            </Text>
          </View>
          {check.headSeq > 0 && (
            <View>
              <Text className="t-caption pledge-hash">
                最新第{check.headSeq}份 哈希值 {check.headHash}
              </Text>
            </View>
          )}
          {check.checkpoints.map((c) => (
            <View key={c.seq}>
              <Text className="t-caption pledge-hash">
                校验点 第{c.seq}份 {c.hash}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="actions">
        <Button
          className="btn btn--primary"
          id="pledge-chain-run"
          loading={check.status === 'running'}
          disabled={check.status === 'running'}
          onClick={run}
        >
          {check.status === 'done' ? '重新核验' : '开始核验'}
        </Button>
      </View>
    </View>
  )
}
