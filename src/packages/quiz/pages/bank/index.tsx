import '../../styles/quiz.scss'

import type { QuestionView } from '@contract/quiz.contract'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'

import { Chips } from '../../../../components/chips'
import { PermissionGate } from '../../../../components/permission-gate'
import { Screen, StateView } from '../../../../components/screen'
import { type BankShow, formOf, useBankStore } from '../../../../stores/quiz-bank.store'
import { BankImport } from '../../components/bank-import'
import { QuestionEditor } from '../../components/question-editor'
import { letterOf, QUESTION_TYPE_LABELS } from '../../lib/labels'

const SHOW_OPTIONS = [
  { value: 'active', label: '在用' },
  { value: 'retired', label: '已停用' },
  { value: 'all', label: '全部' },
] as const
const SHOW_TITLES: Record<BankShow, string> = { active: '题库共', retired: '已停用', all: '连同停用的共' }

function answerText(q: QuestionView): string {
  if (q.type === 'fill') return (q.answer ?? []).join(' | ')
  if (q.type === 'judge') return q.options.find((o) => q.answer?.includes(o.id))?.text ?? ''
  return q.options.map((o, i) => (q.answer?.includes(o.id) ? letterOf(i) : '')).join('')
}

/** 题库管理 (街道管理员): import from Excel or JSON with every bad row reported, export, browse. */
export default function BankPage() {
  const page = useBankStore((s) => s.page)
  const file = useBankStore((s) => s.file)
  const pickError = useBankStore((s) => s.pickError)
  const sending = useBankStore((s) => s.sending)
  const result = useBankStore((s) => s.result)
  const exporting = useBankStore((s) => s.exporting)
  const exportMessage = useBankStore((s) => s.exportMessage)
  const show = useBankStore((s) => s.show)
  const form = useBankStore((s) => s.form)
  const saving = useBankStore((s) => s.saving)
  const editMessage = useBankStore((s) => s.editMessage)
  const bank = useBankStore.getState()
  const retire = async (q: QuestionView) => {
    const { confirm } = await Taro.showModal({
      title: '停用题目',
      content: '停用后这道题不会再被抽到，已作答的试卷和成绩不受影响。确定停用吗？',
    })
    if (confirm) await bank.retire(q.id)
  }
  useEffect(() => {
    void bank.load()
    return bank.reset
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per visit
  }, [])
  return (
    <Screen>
      <PermissionGate permission="bank.manage">
        {() => (
          <View>
            <BankImport
              file={file}
              pickError={pickError}
              sending={sending}
              result={result}
              onChoose={() => void bank.choose()}
              onImportFile={() => void bank.importFile()}
              onImportJson={(text) => void bank.importJson(text)}
            />
            <View className="card">
              <Button
                className="btn btn--ghost"
                loading={exporting}
                disabled={exporting}
                onClick={() => void bank.exportBank()}
              >
                导出题库为 Excel
              </Button>
              {exportMessage && <Text className="t-caption">{exportMessage}</Text>}
            </View>
            {editMessage && (
              <View className="card">
                <Text className="t-body">{editMessage}</Text>
              </View>
            )}
            {form && (
              <QuestionEditor
                form={form}
                saving={saving}
                onPatch={bank.patchForm}
                onCancel={() => bank.editQuestion(null)}
                onSave={() => void bank.saveForm()}
              />
            )}
            <Chips value={show} options={SHOW_OPTIONS} onChange={(next) => void bank.setShow(next)} />
            <StateView
              state={page}
              onRetry={() => void bank.load()}
              isEmpty={(p) => p.items.length === 0}
              emptyText={show === 'retired' ? '没有停用的题目' : '题库还是空的，请先导入题目'}
            >
              {(p) => (
                <View className="card">
                  <Text className="t-title">
                    {SHOW_TITLES[show]} {p.total} 题
                  </Text>
                  {p.items.map((q) => (
                    <View key={q.id} className="quiz-line">
                      <Text className="t-body">
                        {q.retired ? '〔已停用〕' : ''}[{QUESTION_TYPE_LABELS[q.type]}] {q.stem}
                        {` 答案：${answerText(q)}`}
                        {q.tags.length > 0 ? ` 〔${q.tags.join('、')}〕` : ''}
                      </Text>
                      {p.mayEdit && (
                        <View className="quiz-action" onClick={() => bank.editQuestion(formOf(q))}>
                          <Text className="t-body">编辑</Text>
                        </View>
                      )}
                      {p.mayEdit && !q.retired && (
                        <View className="quiz-action" onClick={() => void retire(q)}>
                          <Text className="t-body error-text">停用</Text>
                        </View>
                      )}
                    </View>
                  ))}
                </View>
              )}
            </StateView>
          </View>
        )}
      </PermissionGate>
    </Screen>
  )
}
