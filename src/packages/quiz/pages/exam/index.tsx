import '../../styles/quiz.scss'

import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'

import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { type SaveState, unsavedOf, useQuizStore } from '../../../../stores/quiz.store'
import { AttemptResult } from '../../components/attempt-result'
import { QuestionCard } from '../../components/question-card'
import { useCountdown } from '../../hooks/use-countdown'
import { formatCountdown, paperWorth } from '../../lib/labels'

const SAVE_TEXT: Record<SaveState, string> = {
  idle: '答案会自动保存',
  saving: '正在保存…',
  saved: '已保存',
  retrying: '',
  error: '',
}

/** `?examId=` starts or resumes that exam; `?attemptId=` reopens an attempt. Without either, nothing is asked of the server. */
export default function ExamPage() {
  const { params } = useRouter()
  if (!params.examId && !params.attemptId) {
    return (
      <Screen>
        <PageNotice text="没有指定考试，请从党建考核进入" />
      </Screen>
    )
  }
  return <ExamPaper />
}

/** Taking an exam: the paper, a countdown by the server's deadline, answers saved as they go, 交卷. */
function ExamPaper() {
  const { params } = useRouter()
  const attempt = useQuizStore((s) => s.attempt)
  const answers = useQuizStore((s) => s.answers)
  const saveState = useQuizStore((s) => s.saveState)
  const saveMessage = useQuizStore((s) => s.saveMessage)
  const offline = useQuizStore((s) => s.offline)
  const pending = useQuizStore((s) => s.pending)
  const unsaved = unsavedOf({ offline, pending })
  const offset = useQuizStore((s) => s.clockOffset)
  const submitting = useQuizStore((s) => s.submitting)
  const submitNote = useQuizStore((s) => s.submitNote)
  const { open, answer, flush, submit, leave } = useQuizStore.getState()
  const load = () => void open({ examId: params.examId, attemptId: params.attemptId })
  useEffect(() => {
    load()
    return leave
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opened once per visit
  }, [])

  const view = attempt.status === 'ready' ? attempt.data : null
  const running = view?.status === 'open'
  const hand = async () => {
    const done = await submit()
    // The score is at the top: show it at once, wherever the member scrolled to reach 交卷.
    if (done.ok) void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    else if (done.message) void Taro.showToast({ title: done.message, icon: 'none' })
  }
  const left = useCountdown(running ? view.deadline : null, offset, () => void hand())
  const confirm = async () => {
    if (!view) return
    const blank = view.questions.filter((q) => !(answers[q.id]?.[0] ?? '').trim()).length
    const { confirm: yes } = await Taro.showModal({
      title: '确认交卷',
      content:
        blank > 0 ? `还有${blank}题未作答，交卷后不能修改。确定交卷吗？` : '交卷后不能修改。确定交卷吗？',
    })
    if (yes) await hand()
  }
  const alert = saveState === 'retrying' || saveState === 'error'

  return (
    <Screen>
      <StateView state={attempt} onRetry={load} loadingText="正在打开试卷…">
        {(data) => (
          <View>
            {running ? (
              <View className="quiz-bar">
                <Text className="t-body">剩余 {formatCountdown(left)}</Text>
                <Text className={`t-caption quiz-save ${alert ? 'quiz-save--alert' : ''}`}>
                  {alert
                    ? `${unsaved.size > 0 ? `${unsaved.size}题未保存，` : ''}${saveMessage ?? ''}`
                    : SAVE_TEXT[saveState]}
                </Text>
              </View>
            ) : (
              <AttemptResult view={data} />
            )}
            {running && (
              <View className="card">
                <Text className="t-body">{data.examTitle}</Text>
                <View>
                  <Text className="t-caption">
                    共{data.questions.length}题，满分{paperWorth(data.questions)}分；合格{data.passLine}分
                  </Text>
                </View>
              </View>
            )}
            {data.questions.map((q, i) => {
              const review = data.review?.find((r) => r.questionId === q.id)
              return (
                <QuestionCard
                  key={q.id}
                  index={i}
                  type={q.type}
                  stem={q.stem}
                  options={q.options}
                  points={q.points}
                  chosen={answers[q.id] ?? []}
                  locked={!running}
                  unsaved={running && unsaved.has(q.id)}
                  correct={review?.correct}
                  explanation={review?.explanation}
                  verdict={review ? ['✗ 答错了', '△ 部分得分', '✓ 答对了'][review.credit] : undefined}
                  onChange={(value) => answer(q.id, value, { save: q.type !== 'fill' })}
                  onCommit={() => void flush()}
                />
              )
            })}
            {running && submitNote && <Text className="t-body">{submitNote}</Text>}
            {running && (
              <Button
                className="btn btn--primary"
                loading={submitting}
                disabled={submitting}
                onClick={confirm}
              >
                {submitting ? '正在交卷…' : '交卷'}
              </Button>
            )}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
