import { ATTEMPTS_MAX, quizInputs } from '../../cloudfunctions/contract/quiz.contract'
import { studyInputs } from '../../cloudfunctions/contract/study.contract'
import { ID_MAX, joinIds } from '../../cloudfunctions/domain/ids'

/** The longest id a part can be: what the schemas accept for a single id. */
const longest = (c: string) => c.repeat(ID_MAX)

describe('every id the system makes passes the schema that reads it back', () => {
  it('a leave joins two ids of the longest kind and can still be decided', () => {
    const leaveId = joinIds(longest('s'), longest('m'))
    expect(studyInputs['leave/decide'].safeParse({ leaveId, approve: true }).success).toBe(true)
    expect(studyInputs['leave/decide'].safeParse({ leaveId: `${leaveId}x`, approve: true }).success).toBe(
      false,
    )
  })

  it('the last attempt allowed joins two such ids and its number, and can be read, saved and submitted', () => {
    const attemptId = joinIds(longest('e'), longest('m'), ATTEMPTS_MAX)
    expect(quizInputs['attempt/get'].safeParse({ attemptId }).success).toBe(true)
    expect(quizInputs['attempt/save'].safeParse({ attemptId, answers: {} }).success).toBe(true)
    expect(quizInputs['attempt/submit'].safeParse({ attemptId }).success).toBe(true)
    expect(quizInputs['attempt/get'].safeParse({ attemptId: `${attemptId}0` }).success).toBe(false)
  })

  it('question ids of the longest kind are keys an answer sheet accepts', () => {
    const answers = { [longest('q')]: ['A'] }
    expect(quizInputs['attempt/save'].safeParse({ attemptId: 'a', answers }).success).toBe(true)
  })
})
