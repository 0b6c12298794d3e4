import type { PledgeVerification, PledgeView } from '@contract/pledge.contract'
import { Button, Image, Text, View } from '@tarojs/components'

import { dateOf, timeOf } from '../../../../../cloudfunctions/domain/time'
import type { Loadable } from '../../../../stores/async-state'

const BREAK_TEXT = { altered: '被改动', missing: '被删除', relinked: '被替换' } as const

function Result({ v }: { v: PledgeVerification }) {
  return (
    <View className="card" id="pledge-verification">
      <Text className={`t-title ${v.intact ? 'ok-text' : 'error-text'}`}>
        {v.intact ? '未被篡改' : '已被篡改'}
      </Text>
      <View>
        <Text className="t-body">本份签署记录：{v.recordIntact ? '一致' : '与存证不符'}</Text>
      </View>
      <View>
        <Text className="t-body">签名图片：{v.imageIntact ? '一致' : '与存证不符'}</Text>
      </View>
      <View>
        <Text className="t-body">
          前后相连的签署记录（第{v.checkedFrom}至{v.checkedTo}份，共{v.headSeq}份）：
          {v.chainBreak ? `第${v.chainBreak.seq}份${BREAK_TEXT[v.chainBreak.kind]}` : '完整'}
        </Text>
      </View>
      {v.checkpoint && (
        <View>
          <Text className="t-caption">
            校验点 第{v.checkpoint.seq}份 哈希值 {v.checkpoint.hash.slice(0, 16)}
            …（可与全链核验打印的校验点比对）
          </Text>
        </View>
      )}
      <Text className="t-caption">
        验证时间 {dateOf(v.checkedAt)} {timeOf(v.checkedAt)}
      </Text>
    </View>
  )
}

/** A signed pledge: the signature, when, its place in the chain, and 验证 with the result. */
export function SignedView(props: {
  pledge: PledgeView
  verification: Loadable<PledgeVerification>
  onVerify(): void
}) {
  const { pledge, verification } = props
  const s = pledge.signature
  if (!s) return null
  return (
    <View>
      <View className="card">
        <Text className="t-title ok-text">已签署</Text>
        <View>
          <Text className="t-body">
            {pledge.name} 于 {dateOf(s.signedAt)} {timeOf(s.signedAt)} 签署（第{pledge.version}版）
          </Text>
        </View>
        <Image className="pledge-signature" src={s.imageUrl} mode="aspectFit" />
        <Text className="t-caption">存证编号 第{s.seq}份 · 哈希值</Text>
        <Text className="t-caption pledge-hash">{s.hash}</Text>
        <View className="actions">
          <Button
            className="btn btn--primary"
            id="pledge-verify"
            loading={verification.status === 'loading'}
            onClick={props.onVerify}
          >
            验证
          </Button>
        </View>
      </View>
      {verification.status === 'ready' && <Result v={verification.data} />}
      {verification.status === 'error' && <Text className="t-body error-text">{verification.message}</Text>}
    </View>
  )
}
