import { Button, Image, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'

import { MAX_COMPLETION_PHOTOS } from '../../../../../cloudfunctions/domain/visit.rules'
import { Chips } from '../../../../components/chips'
import { type PickedPhoto, pickPhoto } from '../../../../services/photo-picker'

const DURATIONS = [
  { value: '30', label: '半小时' },
  { value: '60', label: '1小时' },
  { value: '90', label: '1个半小时' },
  { value: '120', label: '2小时' },
  { value: '180', label: '3小时' },
]

export interface CompleteFormProps {
  busy: boolean
  onSubmit: (durationMinutes: number, notes: string, photos: PickedPhoto[]) => void
  onCancel: () => void
}

/** 完成服务: how long it took, what was done and, if the member likes, up to three photos (.jpg or .png). */
export function CompleteForm({ busy, onSubmit, onCancel }: CompleteFormProps) {
  const [minutes, setMinutes] = useState<string | null>(null)
  const [notes, setNotes] = useState('')
  const [photos, setPhotos] = useState<PickedPhoto[]>([])
  const [photoError, setPhotoError] = useState<string | null>(null)
  const ready = minutes !== null && notes.trim() !== ''
  const addPhoto = async () => {
    const picked = await pickPhoto({ png: true })
    setPhotoError(picked.ok ? null : picked.message)
    if (picked.ok) setPhotos((list) => [...list, picked.photo].slice(0, MAX_COMPLETION_PHOTOS))
  }
  return (
    <View>
      <Text className="t-body visit-section">服务用了多长时间？</Text>
      <Chips idPrefix="duration" options={DURATIONS} value={minutes} onChange={setMinutes} />
      <Input
        id="notes"
        className="input"
        placeholder="做了什么（例如：更换了水龙头）"
        maxlength={300}
        value={notes}
        onInput={(e) => setNotes(e.detail.value)}
      />
      <Text className="t-body visit-section">
        服务照片（可不拍，最多{MAX_COMPLETION_PHOTOS}张，居民和书记能看到）
      </Text>
      {photos.map((p, i) => (
        <View key={p.preview} className="visit-photo-row">
          <Image className="visit-photo" src={p.preview} mode="aspectFill" />
          <Button
            id={`remove-photo-${i}`}
            className="btn btn--ghost"
            disabled={busy}
            onClick={() => setPhotos((list) => list.filter((x) => x !== p))}
          >
            删除这张
          </Button>
        </View>
      ))}
      {photos.length < MAX_COMPLETION_PHOTOS && (
        <Button id="add-photo" className="btn btn--ghost" disabled={busy} onClick={() => void addPhoto()}>
          {photos.length === 0 ? '拍照或选照片' : '再加一张'}
        </Button>
      )}
      {photoError && <Text className="t-body visit-error">{photoError}</Text>}
      <View className="actions">
        <Button className="btn btn--ghost" disabled={busy} onClick={onCancel}>
          返回
        </Button>
        <Button
          id="complete-submit"
          className="btn btn--primary"
          loading={busy}
          disabled={busy || !ready}
          onClick={() => minutes && onSubmit(Number(minutes), notes.trim(), photos)}
        >
          提交完成情况
        </Button>
      </View>
    </View>
  )
}
