import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'

import { PLEDGE_CONFIRMATION } from '../../../../../cloudfunctions/domain/pledge.rules'
import {
  SIGNATURE_PROBLEM_TEXT,
  signatureProblem,
} from '../../../../../cloudfunctions/domain/signature-pad.rules'
import { usePledgeStore } from '../../../../stores/pledge.store'
import { PadButtons, SignaturePad, type SignaturePadHandle } from '../signature-pad'

/** The honesty statement: what the signing is, and what it is not. */
export const FINE_PRINT =
  '说明：本系统保存签名图片、笔迹、承诺书全文和服务器时间，并以哈希链防篡改，可随时验证记录未被修改。它是防篡改的存证，不是《电子签名法》第十三条所称的可靠电子签名（签名制作数据不专属于签名人控制，例如未使用数字证书）。'

/** 本人已阅读并承诺遵守, the pad, 撤销 / 清除, and 签署 (enabled once the text was read to its end and ticked). */
export function SignForm({ assignmentId, readToEnd }: { assignmentId: string; readToEnd: boolean }) {
  const pad = useRef<SignaturePadHandle>(null)
  const [confirmed, setConfirmed] = useState(false)
  const [strokes, setStrokes] = useState(0)
  const [message, setMessage] = useState<string | null>(null)
  const busy = usePledgeStore((s) => s.busy)
  const sign = usePledgeStore((s) => s.sign)

  const submit = async () => {
    const handle = pad.current
    if (!handle) return
    const drawn = handle.strokes()
    const problem = signatureProblem(drawn)
    if (problem) return setMessage(SIGNATURE_PROBLEM_TEXT[problem])
    setMessage(null)
    const png = await handle.exportPng().catch(() => null)
    if (!png) return setMessage('签名图片生成失败，请重试')
    const outcome = await sign(assignmentId, png, drawn)
    if (outcome.ok) void Taro.showToast({ title: '签署成功', icon: 'success' })
    else setMessage(outcome.message)
  }

  return (
    <View className="card">
      {!readToEnd && <Text className="t-body error-text">请先阅读承诺书全文，滑到末尾后才能签署</Text>}
      <View
        className="pledge-confirm"
        onClick={() => readToEnd && setConfirmed(!confirmed)}
        aria-role="checkbox"
        aria-checked={confirmed}
        id="pledge-confirm"
      >
        <Text className="pledge-confirm__box">{confirmed ? '✓' : ''}</Text>
        <Text className="t-body">{PLEDGE_CONFIRMATION}</Text>
      </View>
      <Text className="t-caption">请在下框内用手指（电脑上用鼠标）签写本人姓名：</Text>
      <SignaturePad id="pledge-pad" ref={pad} onChange={setStrokes} />
      <PadButtons strokes={strokes} onUndo={() => pad.current?.undo()} onClear={() => pad.current?.clear()} />
      {message && <Text className="t-body error-text">{message}</Text>}
      <View className="actions">
        <Button
          className="btn btn--primary"
          id="pledge-sign"
          disabled={!readToEnd || !confirmed || busy}
          loading={busy}
          onClick={() => void submit()}
        >
          签署承诺书
        </Button>
      </View>
      <Text className="t-caption">{FINE_PRINT}</Text>
    </View>
  )
}
