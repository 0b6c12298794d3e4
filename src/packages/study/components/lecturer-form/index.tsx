import type { LecturerView } from '@contract/study.contract'
import { Button, Input, Switch, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

import { useLecturersStore } from '../../../../stores/study-lecturers.store'

export interface LecturerFormProps {
  orgId: string
  /** The lecturer being edited; null adds one. */
  lecturer: LecturerView | null
  onDone: () => void
}

/** 添加/编辑讲师: name, whether they are staff (本单位人员), and their speciality. */
export function LecturerForm({ orgId, lecturer, onDone }: LecturerFormProps) {
  const saving = useLecturersStore((s) => s.saving)
  const save = useLecturersStore((s) => s.save)
  const [name, setName] = useState(lecturer?.name ?? '')
  const [isStaff, setIsStaff] = useState(lecturer?.isStaff ?? true)
  const [speciality, setSpeciality] = useState(lecturer?.speciality ?? '')
  const [error, setError] = useState<string | null>(null)
  const filled = name.trim() !== '' && speciality.trim() !== ''

  const submit = async () => {
    setError(null)
    const outcome = await save({
      ...(lecturer ? { lecturerId: lecturer.id } : {}),
      orgId: lecturer?.orgId ?? orgId,
      name: name.trim(),
      isStaff,
      speciality: speciality.trim(),
    })
    if (!outcome.ok) return setError(outcome.message)
    void Taro.showToast({ title: '已保存', icon: 'success' })
    onDone()
  }

  return (
    <View className="card">
      <Text className="t-body study-section-title">{lecturer ? '编辑讲师' : '添加讲师'}</Text>
      <Input
        className="input"
        placeholder="讲师姓名"
        maxlength={30}
        value={name}
        onInput={(e) => setName(e.detail.value)}
      />
      <View className="study-row">
        <Text className="t-body">本单位人员</Text>
        <Switch checked={isStaff} color="#c8161d" onChange={(e) => setIsStaff(e.detail.value)} />
      </View>
      <Input
        className="input"
        placeholder="专长，如：党史、基层治理"
        maxlength={60}
        value={speciality}
        onInput={(e) => setSpeciality(e.detail.value)}
      />
      {error && <Text className="t-body error-text">{error}</Text>}
      <View className="actions">
        <Button className="btn btn--ghost" disabled={saving} onClick={onDone}>
          返回
        </Button>
        <Button className="btn btn--primary" loading={saving} disabled={saving || !filled} onClick={submit}>
          保存
        </Button>
      </View>
    </View>
  )
}
