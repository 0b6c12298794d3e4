import type { CommunityOption } from '@contract/index'
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import { Chips } from '../../../../components/chips'
import { pickPhoto } from '../../../../services/photo-picker'
import {
  type DraftFields,
  missingOf,
  TYPE_OPTIONS,
  type WhenChoice,
  whenOptions,
} from '../../hooks/use-visit-draft'

export interface RequestFormProps {
  fields: DraftFields
  communities: CommunityOption[]
  busy: boolean
  error: string | null
  onChange: (patch: Partial<DraftFields>) => void
  onSubmit: () => void
}

/** The whole request on one screen, large and plain: what, where, who to call, when, a word, a photo. */
export function RequestForm({ fields, communities, busy, error, onChange, onSubmit }: RequestFormProps) {
  const [photoError, setPhotoError] = useState<string | null>(null)
  const { days, slotsFor } = whenOptions(Date.now())
  const missing = missingOf(fields)
  const choosePhoto = async () => {
    const picked = await pickPhoto()
    setPhotoError(picked.ok ? null : picked.message)
    if (picked.ok) onChange({ photo: picked.photo })
  }
  return (
    <View>
      <View className="card">
        <Text className="t-title visit-section">需要什么帮助？</Text>
        <Chips
          idPrefix="type"
          options={TYPE_OPTIONS}
          value={fields.serviceType}
          onChange={(serviceType) => onChange({ serviceType })}
        />
      </View>
      <View className="card">
        <Text className="t-title visit-section">您住在哪个社区？</Text>
        <Chips
          idPrefix="org"
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
          value={fields.orgId}
          onChange={(orgId) => onChange({ orgId })}
        />
      </View>
      <View className="card">
        <Text className="t-title visit-section">上门地址和电话</Text>
        <Input
          id="address"
          className="input"
          placeholder="小区、楼号、门牌号"
          maxlength={100}
          value={fields.address}
          onInput={(e) => onChange({ address: e.detail.value })}
        />
        <Input
          id="phone"
          className="input"
          type="number"
          placeholder="联系电话"
          maxlength={13}
          value={fields.phone}
          onInput={(e) => onChange({ phone: e.detail.value })}
        />
        <Text className="t-caption visit-line">电话和地址只给社区书记和上门的党员看。</Text>
      </View>
      <View className="card">
        <Text className="t-title visit-section">希望什么时候来？</Text>
        <Chips
          idPrefix="when"
          options={days}
          value={fields.when}
          onChange={(when: WhenChoice) => onChange({ when, slot: null })}
        />
        {fields.when !== 'soon' && (
          <Chips
            idPrefix="slot"
            options={slotsFor(fields.when)}
            value={fields.slot}
            onChange={(slot) => onChange({ slot })}
          />
        )}
      </View>
      <View className="card">
        <Text className="t-title visit-section">说说需要做什么</Text>
        <Textarea
          id="description"
          className="visit-textarea"
          placeholder="例如：厨房水龙头漏水"
          maxlength={300}
          value={fields.description}
          onInput={(e) => onChange({ description: e.detail.value })}
        />
        <Button className="btn btn--ghost" onClick={choosePhoto}>
          {fields.photo ? '换一张照片' : '拍照或选照片（可不拍）'}
        </Button>
        {fields.photo && <Image className="visit-photo" src={fields.photo.preview} mode="aspectFill" />}
        {photoError && <Text className="t-body visit-error">{photoError}</Text>}
      </View>
      {(error ?? missing) && <Text className="t-body visit-error">{error ?? missing}</Text>}
      <Button
        id="submit"
        className="btn btn--primary"
        loading={busy}
        disabled={busy || missing !== null}
        onClick={onSubmit}
      >
        提交请求
      </Button>
    </View>
  )
}
