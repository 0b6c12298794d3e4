import '../../styles/quiz.scss'

import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'

import { PermissionGate } from '../../../../components/permission-gate'
import { PageNotice, Screen, StateView } from '../../../../components/screen'
import { mayAnywhere } from '../../../../stores/account.store'
import { useExamsStore } from '../../../../stores/quiz-exams.store'
import { FollowUpNames } from '../../components/follow-up-names'
import { StatsFigures } from '../../components/stats-figures'

/** 考试成绩统计: one exam's figures for the caller's organisation; tap an organisation below to see its own. */
export default function ResultsPage() {
  const { params } = useRouter()
  if (!params.examId) {
    return (
      <Screen>
        <PageNotice text="没有指定考试，请从考试管理进入" />
      </Screen>
    )
  }
  return <ExamResults examId={params.examId} />
}

function ExamResults({ examId }: { examId: string }) {
  const stats = useExamsStore((s) => s.stats)
  const loadStats = useExamsStore((s) => s.loadStats)
  const [drilled, setDrilled] = useState(false)
  const open = (orgId: string | undefined) => {
    setDrilled(orgId !== undefined)
    void loadStats(examId, orgId)
  }
  useEffect(() => void loadStats(examId), [examId, loadStats])
  return (
    <Screen>
      <PermissionGate permission="stats.read">
        {(me) => (
          <View>
            <StateView state={stats} onRetry={() => void loadStats(examId)} loadingText="正在统计…">
              {(data) => (
                <View>
                  {drilled && (
                    // A View, not a tappable Text: Taro 4.1.11 fails when React reuses a tappable Text
                    // as the loading text and drops its handler (NervJS/taro#19453), freezing the page.
                    <View className="quiz-back" onClick={() => open(undefined)}>
                      <Text className="t-body">‹ 返回上一级统计</Text>
                    </View>
                  )}
                  <StatsFigures stats={data} onOrg={(orgId) => open(orgId)} />
                  <FollowUpNames
                    stats={data}
                    // Every holder of stats.read on a node sets its exams too, except the 纪工委, who only reads.
                    mayRemind={mayAnywhere(me, 'quiz.manage')}
                    onReminded={() => void loadStats(examId, data.orgId)}
                  />
                </View>
              )}
            </StateView>
          </View>
        )}
      </PermissionGate>
    </Screen>
  )
}
