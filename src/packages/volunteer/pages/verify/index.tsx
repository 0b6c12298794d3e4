import '../../styles/volunteer.scss'

import { Button, Input, Text, View } from '@tarojs/components'
import { useLoad, useRouter } from '@tarojs/taro'
import { useState } from 'react'

import {
  CERT_CODE_PATTERN,
  CERT_SERIAL_PATTERN,
  normaliseCertInput,
} from '../../../../../cloudfunctions/domain/volunteer.rules'
import { Screen, StateView } from '../../../../components/screen'
import { ensureSignedIn } from '../../../../services/session'
import { useVolunteerStore } from '../../../../stores/volunteer.store'
import { Certificate } from '../../components/certificate'

/** 证明查验: anyone enters a certificate's serial and code (or opens `?s=&c=`) and sees what was issued. */
export default function VerifyPage() {
  const { params } = useRouter()
  const cert = useVolunteerStore((s) => s.cert)
  const verify = useVolunteerStore((s) => s.verifyCert)
  const [serial, setSerial] = useState(params.s ?? '')
  const [code, setCode] = useState(params.c ?? '')
  const [asked, setAsked] = useState(false)
  // Checked here as the server checks it, so a typing slip is named instead of sent.
  const serialOk = CERT_SERIAL_PATTERN.test(normaliseCertInput(serial))
  const codeOk = CERT_CODE_PATTERN.test(normaliseCertInput(code))
  const check = () => {
    if (!ensureSignedIn()) return
    setAsked(true)
    void verify(normaliseCertInput(serial), normaliseCertInput(code))
  }
  useLoad(() => {
    if (params.s && params.c) check()
  })
  return (
    <Screen>
      <View className="card">
        <Text className="t-title">查验志愿服务记录证明</Text>
        <View className="vol-field">
          <Text className="t-caption">证明编号（如 ZYFW-2026-AB23CD45）</Text>
          <Input className="input verify-serial" value={serial} onInput={(e) => setSerial(e.detail.value)} />
        </View>
        <View className="vol-field">
          <Text className="t-caption">验证码（8位）</Text>
          <Input className="input verify-code" value={code} onInput={(e) => setCode(e.detail.value)} />
        </View>
        {serial.trim() !== '' && !serialOk && (
          <Text className="t-caption error-text">证明编号应如 ZYFW-2026-AB23CD45，请核对</Text>
        )}
        {code.trim() !== '' && !codeOk && (
          <Text className="t-caption error-text">验证码应为8位字母或数字</Text>
        )}
        <Button className="btn btn--primary verify-submit" disabled={!serialOk || !codeOk} onClick={check}>
          查验
        </Button>
      </View>
      {asked && (
        <StateView state={cert} loadingText="正在查验…">
          {(c) => (
            <View>
              <View className="card">
                <Text className="t-title ok-text">查验通过：这是本系统出具的证明，内容如下</Text>
              </View>
              <Certificate cert={c} />
            </View>
          )}
        </StateView>
      )}
    </Screen>
  )
}
