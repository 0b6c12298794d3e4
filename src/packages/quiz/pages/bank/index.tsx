import '../../styles/quiz.scss'

import type { QuestionView } from '@contract/quiz.contract'
import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'

import { PermissionGate } from '../../../../components/permission-gate'
import { Screen, StateView } from '../../../../components/screen'
import { useBankStore } from '../../../../stores/quiz-bank.store'
import { BankImport } from '../../components/bank-import'
import { letterOf, QUESTION_TYPE_LABELS } from '../../lib/labels'

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
  const bank = useBankStore.getState()
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
            <StateView
              state={page}
              onRetry={() => void bank.load()}
              isEmpty={(p) => p.items.length === 0}
              emptyText="题库还是空的，请先导入题目"
            >
              {(p) => (
                <View className="card">
                  <Text className="t-title">题库共 {p.total} 题</Text>
                  {p.items.map((q) => (
                    <View key={q.id} className="quiz-line">
                      <Text className="t-body">
                        [{QUESTION_TYPE_LABELS[q.type]}] {q.stem}
                        {` 答案：${answerText(q)}`}
                        {q.tags.length > 0 ? ` 〔${q.tags.join('、')}〕` : ''}
                      </Text>
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
