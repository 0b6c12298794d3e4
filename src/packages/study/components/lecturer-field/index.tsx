import { Picker, Text, View } from '@tarojs/components'
import { useEffect } from 'react'

import { go } from '../../../../services/navigation'
import { useLecturersStore } from '../../../../stores/study-lecturers.store'

export interface LecturerFieldProps {
  orgId: string
  /** The session's node and those above it: a session may only name a lecturer of their pools. */
  poolOrgIds: readonly string[]
  value: string | null
  /** The stored lecturer's name, shown even if the pool no longer lists them. */
  currentName: string | null
  onChange: (lecturerId: string | null) => void
}

/** 讲师: one of the organisation's 讲师队伍, or 无. */
export function LecturerField({ orgId, poolOrgIds, value, currentName, onChange }: LecturerFieldProps) {
  const lecturers = useLecturersStore((s) => s.lecturers)
  const pool = useLecturersStore((s) => s.orgId)
  const load = useLecturersStore((s) => s.load)
  useEffect(() => {
    if (pool !== orgId) void load(orgId)
  }, [pool, orgId, load])

  // The list also holds the pools of nodes below, which this session cannot name.
  const list =
    lecturers.status === 'ready' && pool === orgId
      ? lecturers.data.filter((l) => poolOrgIds.includes(l.orgId))
      : []
  const names = ['无', ...list.map((l) => `${l.name}（${l.isStaff ? '本单位' : '外聘'}）`)]
  const index = value === null ? 0 : list.findIndex((l) => l.id === value) + 1
  const shown = value === null ? '无' : index > 0 ? names[index] : (currentName ?? '（讲师已不在名单中）')
  const hint =
    lecturers.status === 'loading'
      ? '正在读取讲师队伍…'
      : lecturers.status === 'error'
        ? lecturers.message
        : list.length === 0
          ? '还没有可选的讲师。可在「讲师队伍」中添加，或在花名册中为党员授予“讲师”角色。'
          : '名单来自本组织及上级的「讲师队伍」和持有“讲师”角色的党员；新讲师在「讲师队伍」中添加。'

  return (
    <View className="study-field">
      <Text className="t-caption">讲师</Text>
      <Picker
        mode="selector"
        range={names}
        value={Math.max(index, 0)}
        onChange={(e) => {
          const i = Number(e.detail.value)
          onChange(i === 0 ? null : (list[i - 1]?.id ?? null))
        }}
      >
        <View className="input">
          <Text className="t-body">{shown}</Text>
        </View>
      </Picker>
      {hint && <Text className="t-caption">{hint}</Text>}
      {lecturers.status === 'ready' && (
        <View className="study-link" onClick={() => go('lecturers')}>
          <Text className="t-body">去讲师队伍添加 ›</Text>
        </View>
      )}
    </View>
  )
}
