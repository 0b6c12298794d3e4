import '../../styles/quiz.scss'

import { Button, Text, View } from '@tarojs/components'
import { useEffect } from 'react'

import { Screen, StateView } from '../../../../components/screen'
import { usePracticeStore } from '../../../../stores/quiz-practice.store'
import { QuestionCard } from '../../components/question-card'

/** 每日一练: answer, 核对 shows right or wrong with the explanation. Never part of any exam's figures. */
export default function PracticePage() {
  const today = usePracticeStore((s) => s.today)
  const chosen = usePracticeStore((s) => s.chosen)
  const checks = usePracticeStore((s) => s.checks)
  const checkError = usePracticeStore((s) => s.checkError)
  const { load, choose, check } = usePracticeStore.getState()
  useEffect(() => void load(), [load])
  return (
    <Screen>
      <StateView
        state={today}
        onRetry={load}
        isEmpty={(v) => v.questions.length === 0}
        emptyText="题库中还没有题目，请稍后再来"
      >
        {(data) => (
          <View>
            <View className="card">
              <Text className="t-title">
                今日练习 {Object.keys(checks).length}/{data.questions.length}
              </Text>
              <View>
                <Text className="t-caption">练习不计入考试成绩，每天更新一组题目。</Text>
              </View>
              {checkError && <Text className="t-body error-text">{checkError}</Text>}
            </View>
            {data.questions.map((q, i) => {
              const done = checks[q.id]
              return (
                <View key={q.id}>
                  <QuestionCard
                    index={i}
                    type={q.type}
                    stem={q.stem}
                    options={q.options}
                    chosen={chosen[q.id] ?? []}
                    locked={done !== undefined}
                    correct={done?.answer}
                    explanation={done ? (done.explanation ?? '暂无解析') : undefined}
                    verdict={done ? (done.correct ? '✓ 答对了' : '✗ 答错了') : undefined}
                    onChange={(value) => choose(q.id, value)}
                  />
                  {!done && (
                    <Button
                      className="btn btn--ghost"
                      disabled={!(chosen[q.id]?.[0] ?? '').trim()}
                      onClick={() => void check(q.id)}
                    >
                      核对第{i + 1}题
                    </Button>
                  )}
                </View>
              )
            })}
          </View>
        )}
      </StateView>
    </Screen>
  )
}
