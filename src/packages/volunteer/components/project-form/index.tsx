import type { ProjectDetail } from '@contract/project.contract'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'

import { periodProblem } from '../../../../../cloudfunctions/domain/project.rules'
import { dateOf } from '../../../../../cloudfunctions/domain/time'
import { ActivityPicker, type PickedActivity } from '../activity-picker'

export interface ProjectDraft {
  title: string
  description: string
  partner: string | null
  startDate: string
  endDate: string
  activityIds: string[]
  /** Only when editing: null leaves it unset. */
  beneficiaries: number | null
}

const DAY = 24 * 60 * 60 * 1000

/** 新建 / 修改为民办实事: what, for whom, with which 共建单位, when, through which activities (and, later, 受益人次). */
export function ProjectForm({
  orgId,
  project,
  busy,
  onSubmit,
}: {
  orgId: string
  /** The project edited; absent for a new one. */
  project?: ProjectDetail
  busy: boolean
  onSubmit: (draft: ProjectDraft) => void
}) {
  const [title, setTitle] = useState(project?.title ?? '')
  const [description, setDescription] = useState(project?.description ?? '')
  const [partner, setPartner] = useState(project?.partner ?? '')
  const [startDate, setStartDate] = useState(project?.startDate ?? dateOf(Date.now()))
  const [endDate, setEndDate] = useState(project?.endDate ?? dateOf(Date.now() + 90 * DAY))
  const [beneficiaries, setBeneficiaries] = useState(
    project?.beneficiaries === null || project === undefined ? '' : String(project.beneficiaries),
  )
  const [picked, setPicked] = useState<PickedActivity[]>(
    project?.activities.map((a) => ({ id: a.id, title: a.title, startAt: a.startAt })) ?? [],
  )
  const problem = periodProblem(startDate, endDate)
  const count = beneficiaries.trim() === '' ? null : Number(beneficiaries)
  const countOk = count === null || (Number.isInteger(count) && count >= 0)
  const valid = title.trim() !== '' && description.trim() !== '' && problem === null && countOk
  const submit = () =>
    onSubmit({
      title: title.trim(),
      description: description.trim(),
      partner: partner.trim() || null,
      startDate,
      endDate,
      activityIds: picked.map((p) => p.id),
      beneficiaries: count,
    })
  const date = (label: string, value: string, set: (v: string) => void) => (
    <View className="vol-field">
      <Text className="t-caption">{label}</Text>
      <Picker mode="date" value={value} onChange={(e) => set(String(e.detail.value))}>
        <View className="input">
          <Text className="t-body">{value}</Text>
        </View>
      </Picker>
    </View>
  )
  return (
    <View className="card">
      <Text className="t-title">{project ? '修改项目' : '新建为民办实事'}</Text>
      <View className="vol-field">
        <Text className="t-caption">项目名称</Text>
        <Input className="input form-title" value={title} onInput={(e) => setTitle(e.detail.value)} />
      </View>
      <View className="vol-field">
        <Text className="t-caption">项目内容（为居民办什么事）</Text>
        <Textarea
          className="input vol-textarea form-description"
          value={description}
          maxlength={500}
          onInput={(e) => setDescription(e.detail.value)}
        />
      </View>
      <View className="vol-field">
        <Text className="t-caption">共建单位（没有可不填）</Text>
        <Input className="input form-partner" value={partner} onInput={(e) => setPartner(e.detail.value)} />
      </View>
      {date('计划开始日期', startDate, setStartDate)}
      {date('计划完成日期', endDate, setEndDate)}
      {problem && <Text className="t-body vol-error">{problem}</Text>}
      {project && project.status !== 'planned' && (
        <View className="vol-field">
          <Text className="t-caption">受益人次</Text>
          <Input
            className="input form-beneficiaries"
            type="number"
            value={beneficiaries}
            onInput={(e) => setBeneficiaries(e.detail.value)}
          />
        </View>
      )}
      <ActivityPicker orgId={orgId} picked={picked} onChange={setPicked} />
      <Button className="btn btn--primary form-submit" disabled={busy || !valid} onClick={submit}>
        {project ? '保存修改' : '创建项目'}
      </Button>
    </View>
  )
}
