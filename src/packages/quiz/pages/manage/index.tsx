import '../../styles/quiz.scss'

import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'

import { ROLES } from '../../../../../cloudfunctions/domain/roles'
import { PermissionGate } from '../../../../components/permission-gate'
import { Screen, StateView } from '../../../../components/screen'
import { go } from '../../../../services/navigation'
import { useBankStore } from '../../../../stores/quiz-bank.store'
import { blankDraft, draftOf, type ExamDraft, useExamsStore } from '../../../../stores/quiz-exams.store'
import { ExamEditor } from '../../components/exam-editor'
import { ExamRow } from '../../components/exam-row'

/**
 * 考试管理: the exams of the caller's organisations, a new exam, publishing, and the way to results; for the
 * 纪工委 (考试成绩 on 首页) the list and the results only.
 */
export default function ManagePage() {
  const list = useExamsStore((s) => s.list)
  const draft = useExamsStore((s) => s.draft)
  const draftId = useExamsStore((s) => s.draftId)
  const tags = useExamsStore((s) => s.tags)
  const busy = useExamsStore((s) => s.busy)
  const message = useExamsStore((s) => s.message)
  const bank = useBankStore((s) => s.page)
  const exams = useExamsStore.getState()
  useDidShow(() => void exams.load())

  const start = (next: ExamDraft, id: string | null = null) => {
    exams.edit(next, id)
    void exams.loadTags()
    void useBankStore.getState().load()
  }
  // Publishing cannot be undone (QUIZ.EXAM_PUBLISHED): ask first, as for removing.
  const publish = async (examId: string) => {
    const { confirm } = await Taro.showModal({
      title: '发布考试',
      content: '发布后不能再修改或删除，应考党员将看到这场考试。确定发布吗？',
    })
    if (confirm) await exams.publish(examId)
  }
  const close = async (examId: string) => {
    const { confirm } = await Taro.showModal({
      title: '提前结束考试',
      content: '结束后不能再答题，正在作答的试卷按已保存的答案评分。确定现在结束吗？',
    })
    if (confirm) await exams.close(examId)
  }
  const remove = async (examId: string) => {
    const { confirm } = await Taro.showModal({ title: '删除草稿', content: '确定删除这个考试草稿吗？' })
    if (confirm) await exams.remove(examId)
  }

  return (
    <Screen>
      <PermissionGate permission="stats.read">
        {(me) => {
          const places = me.roles.filter(
            (r) => r.role !== 'inspector' && r.role !== 'lecturer' && ROLES[r.role],
          )
          return (
            <View>
              {message && (
                <View className="card">
                  <Text className="t-body">{message}</Text>
                </View>
              )}
              {draft ? (
                <ExamEditor
                  draft={draft}
                  places={places}
                  tags={tags.status === 'ready' ? tags.data : null}
                  bank={bank.status === 'ready' ? bank.data.items : []}
                  busy={busy}
                  editing={draftId !== null}
                  onPatch={exams.patch}
                  onCancel={() => exams.edit(null)}
                  onSave={() => void exams.saveDraft()}
                  onPublish={() => void exams.saveAndPublish()}
                />
              ) : (
                places[0] && (
                  <Button className="btn btn--primary" onClick={() => start(blankDraft(places[0].orgId))}>
                    新建考试
                  </Button>
                )
              )}
              <StateView
                state={list}
                onRetry={exams.load}
                isEmpty={(items) => items.length === 0}
                emptyText={places.length > 0 ? '还没有考试，点“新建考试”开始' : '还没有考试'}
              >
                {(items) => (
                  <View>
                    {items.map((exam) => (
                      <ExamRow
                        key={exam.id}
                        exam={exam}
                        onPublish={() => void publish(exam.id)}
                        onRemove={() => void remove(exam.id)}
                        onEdit={() => start(draftOf(exam), exam.id)}
                        onClose={() => void close(exam.id)}
                        onResults={() => go('quizResults', { examId: exam.id })}
                      />
                    ))}
                  </View>
                )}
              </StateView>
            </View>
          )
        }}
      </PermissionGate>
    </Screen>
  )
}
