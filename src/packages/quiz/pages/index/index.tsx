import '../../styles/quiz.scss'

import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'

import { PermissionGate } from '../../../../components/permission-gate'
import { ReminderSubscribe } from '../../../../components/reminder-subscribe'
import { Screen, StateView } from '../../../../components/screen'
import { TileGrid } from '../../../../components/tile-grid'
import { go } from '../../../../services/navigation'
import { mayAnywhere } from '../../../../stores/account.store'
import { useQuizStore } from '../../../../stores/quiz.store'
import { MyExamCard } from '../../components/my-exam-card'

/** 党建考核: the member's exams, 每日一练, and for secretaries and the admin their management screens. */
export default function QuizHomePage() {
  const mine = useQuizStore((s) => s.mine)
  const loadMine = useQuizStore((s) => s.loadMine)
  useDidShow(() => void loadMine())
  return (
    <Screen>
      <PermissionGate>
        {(me) => (
          <View>
            <TileGrid
              tiles={[
                {
                  key: 'practice',
                  title: '每日一练',
                  caption: '10道题，随练随看解析',
                  onTap: () => go('quizPractice'),
                },
                ...(mayAnywhere(me, 'quiz.manage')
                  ? [
                      {
                        key: 'manage',
                        title: '考试管理',
                        caption: '组卷、发布、合格率',
                        onTap: () => go('quizManage'),
                      },
                    ]
                  : []),
                ...(mayAnywhere(me, 'bank.manage')
                  ? [
                      {
                        key: 'bank',
                        title: '题库管理',
                        caption: '导入、导出题库',
                        onTap: () => go('quizBank'),
                      },
                    ]
                  : []),
              ]}
            />
            <ReminderSubscribe />
            <View className="card">
              <Text className="t-title">我的考试</Text>
            </View>
            <StateView
              state={mine}
              onRetry={loadMine}
              isEmpty={(items) => items.length === 0}
              emptyText="目前没有需要参加的考试"
            >
              {(items) => (
                <View>
                  {items.map((exam) => (
                    <MyExamCard
                      key={exam.id}
                      exam={exam}
                      onStart={() =>
                        go(
                          'quizExam',
                          exam.openAttemptId ? { attemptId: exam.openAttemptId } : { examId: exam.id },
                        )
                      }
                      onResult={(attemptId) => go('quizExam', { attemptId })}
                    />
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
