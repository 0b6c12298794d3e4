import type { CertificateView } from '@contract/volunteer.contract'
import { Text, View } from '@tarojs/components'

import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { hoursDecimal } from '../../../../../cloudfunctions/domain/volunteer.rules'

/** 志愿服务记录证明 as issued: the volunteer, each service, the total, the issuer, the serial and code, the notice. */
export function Certificate({ cert }: { cert: CertificateView }) {
  return (
    <View className="vol-cert">
      <Text className="vol-cert__title">志愿服务记录证明</Text>
      <Text className="t-body">
        兹证明 {cert.name}（{cert.gender}，{cert.orgName}）于{cert.year}年参加以下志愿服务，累计志愿服务时长{' '}
        <Text className="cert-total">{hoursDecimal(cert.totalMinutes)}</Text> 小时。
      </Text>
      {cert.rows.map((r, i) => (
        <View className="vol-cert__row" key={i}>
          <Text className="t-body">
            {r.date} {r.time} · {r.content}
          </Text>
          <View>
            <Text className="t-caption">
              地点：{r.place} · 组织单位：{r.orgName} · 时长 {hoursDecimal(r.minutes)} 小时
            </Text>
          </View>
        </View>
      ))}
      <View className="vol-field">
        <Text className="t-body">出具单位：{cert.issuer}</Text>
      </View>
      <View>
        <Text className="t-body">出具日期：{dateOf(cert.issuedAt)}</Text>
      </View>
      <View>
        <Text className="t-body cert-serial">证明编号：{cert.serial}</Text>
      </View>
      <View>
        <Text className="t-body cert-code">验证码：{cert.verifyCode}</Text>
      </View>
      <View className="vol-field">
        <Text className="t-caption">
          查验：打开“基层党建助手”→ 志愿服务 → 证明查验，输入证明编号和验证码。{cert.notice}
        </Text>
      </View>
    </View>
  )
}
