import type { RoleView } from '@contract/account.contract'
import type { BankTags, QuestionView } from '@contract/quiz.contract'
import { Button, Input, Text, View } from '@tarojs/components'

import { Chips } from '../../../../components/chips'
import type { ExamDraft } from '../../../../stores/quiz-exams.store'
import { PaperFields } from '../paper-fields'

export interface ExamEditorProps {
  draft: ExamDraft
  /** Where the caller may set exams: the nodes of their quiz roles. */
  places: RoleView[]
  tags: BankTags | null
  bank: QuestionView[]
  busy: boolean
  /** Editing a stored draft rather than a new exam. */
  editing: boolean
  onPatch(fields: Partial<ExamDraft>): void
  onCancel(): void
  onSave(): void
  onPublish(): void
}

const NUMBERS: { key: keyof ExamDraft; label: string }[] = [
  { key: 'timeLimitMinutes', label: '答题时长（分钟）' },
  { key: 'days', label: '开放天数（从现在起）' },
  { key: 'passLine', label: '合格线（分）' },
  { key: 'excellentLine', label: '优秀线（分）' },
  { key: 'attemptsAllowed', label: '可作答次数' },
]

/** 新建考试: who is expected, the paper, and the rules; published at once when the bank suffices. */
export function ExamEditor({
  draft,
  places,
  tags,
  bank,
  busy,
  editing,
  onPatch,
  onCancel,
  onSave,
  onPublish,
}: ExamEditorProps) {
  return (
    <View className="card">
      <Text className="t-title">{editing ? '编辑考试草稿' : '新建考试'}</Text>
      <Input
        className="input"
        placeholder="考试名称"
        value={draft.title}
        onInput={(e) => onPatch({ title: e.detail.value })}
      />
      <Text className="t-caption">应考范围（该组织及下级全体党员）</Text>
      <Chips
        value={draft.orgId}
        options={places.map((p) => ({ value: p.orgId, label: p.orgName }))}
        onChange={(orgId) => onPatch({ orgId })}
      />
      <Text className="t-caption">组卷方式</Text>
      <Chips
        value={draft.mode}
        options={[
          { value: 'random', label: '随机抽题' },
          { value: 'fixed', label: '固定试卷' },
        ]}
        onChange={(mode) => onPatch({ mode })}
      />
      <PaperFields draft={draft} tags={tags} bank={bank} onPatch={onPatch} />
      {NUMBERS.map((n) => (
        <View key={n.key} className="quiz-line">
          <Text className="t-body">{n.label}</Text>
          <Input
            className="input"
            type="digit"
            placeholder={n.label}
            value={String(draft[n.key])}
            onInput={(e) => onPatch({ [n.key]: Number(e.detail.value) || 0 })}
          />
        </View>
      ))}
      <Text className="t-caption">多次作答时</Text>
      <Chips
        value={draft.counting}
        options={[
          { value: 'best', label: '取最高分' },
          { value: 'last', label: '取最后一次' },
        ]}
        onChange={(counting) => onPatch({ counting })}
      />
      <Text className="t-caption">多选题</Text>
      <Chips
        value={draft.multipleRule}
        options={[
          { value: 'all', label: '全对才得分' },
          { value: 'partial', label: '少选得一半分' },
        ]}
        onChange={(multipleRule) => onPatch({ multipleRule })}
      />
      <Text className="t-caption">答案公布</Text>
      <Chips
        value={draft.reveal}
        options={[
          { value: 'after_close', label: '考试结束后' },
          { value: 'after_submit', label: '交卷后' },
          { value: 'never', label: '不公布' },
        ]}
        onChange={(reveal) => onPatch({ reveal })}
      />
      <View className="actions">
        <Button className="btn btn--ghost" onClick={onCancel}>
          取消
        </Button>
        <Button className="btn btn--ghost" disabled={busy || !draft.title.trim()} onClick={onSave}>
          保存草稿
        </Button>
        <Button
          className="btn btn--primary"
          loading={busy}
          disabled={busy || !draft.title.trim()}
          onClick={onPublish}
        >
          发布考试
        </Button>
      </View>
    </View>
  )
}
