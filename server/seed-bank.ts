import type { AttemptDoc, PaperEntry, QuestionDoc } from '../cloudfunctions/common/quiz.docs'
import { type Credit, JUDGE_OPTIONS, paperCopy, type QuestionType } from '../cloudfunctions/domain/quiz.rules'
import { questionKey } from '../cloudfunctions/domain/quiz-import.rules'

/**
 * The twenty questions the demo street's year of 党建考核 drew (ten 单选, ten 判断), so a seeded exam's 逐题正确率 and
 * 知识点正确率 read as a real one's. They are stored retired (停用: kept for the papers that drew them, never drawn
 * again), so the demo's own exams and 每日一练 start from the bank its admin imports, as before. `easy` is how much
 * likelier than the member's own chance a question is answered right (below 1: a weak point).
 */
interface DemoQuestion {
  type: Extract<QuestionType, 'single' | 'judge'>
  stem: string
  /** 单选: the options, the first one correct (stored in another order); 判断: none. */
  options: string[]
  /** 判断: whether the statement is right. */
  right?: boolean
  tags: string[]
  easy: number
}

const QUESTIONS: DemoQuestion[] = [
  {
    type: 'single',
    stem: '党在社会主义初级阶段基本路线的核心内容是（ ）。',
    options: ['一个中心、两个基本点', '四项基本原则', '改革开放', '共同富裕'],
    tags: ['党章'],
    easy: 1.1,
  },
  {
    type: 'single',
    stem: '中国共产党的宗旨是（ ）。',
    options: ['全心全意为人民服务', '实现共产主义', '发展是第一要务', '坚持改革开放'],
    tags: ['党章'],
    easy: 1.15,
  },
  {
    type: 'single',
    stem: '中国共产党的最高理想和最终目标是（ ）。',
    options: ['实现共产主义', '全面建成小康社会', '实现中华民族伟大复兴', '建设社会主义现代化强国'],
    tags: ['党章'],
    easy: 1.05,
  },
  {
    type: 'single',
    stem: '党员没有正当理由，连续（ ）个月不参加党的组织生活，或不交纳党费，或不做党所分配的工作，就被认为是自行脱党。',
    options: ['六', '三', '九', '十二'],
    tags: ['党章', '组织生活'],
    easy: 0.85,
  },
  {
    type: 'single',
    stem: '党支部委员会每届任期（ ）年。',
    options: ['三', '二', '四', '五'],
    tags: ['党章', '三会一课'],
    easy: 0.75,
  },
  {
    type: 'single',
    stem: '支部党员大会一般每（ ）召开一次。',
    options: ['季度', '月', '半年', '年'],
    tags: ['三会一课'],
    easy: 0.9,
  },
  {
    type: 'single',
    stem: '党小组会一般每（ ）召开一次。',
    options: ['月', '季度', '半年', '年'],
    tags: ['三会一课'],
    easy: 0.9,
  },
  {
    type: 'single',
    stem: '《中国共产党纪律处分条例》规定的党纪处分有（ ）种。',
    options: ['五', '三', '四', '六'],
    tags: ['纪律'],
    easy: 0.8,
  },
  {
    type: 'single',
    stem: '留党察看处分的期限最长不超过（ ）年。',
    options: ['两', '一', '三', '五'],
    tags: ['纪律'],
    easy: 0.7,
  },
  {
    type: 'single',
    stem: '党员领导干部的配偶、子女经商办企业，本人应当（ ）。',
    options: ['如实向组织报告', '不必说明', '只向家人说明', '离职后再报告'],
    tags: ['廉洁'],
    easy: 1,
  },
  {
    type: 'judge',
    stem: '党员有在党的会议上和党报党刊上参加关于党的政策问题讨论的权利。',
    options: [],
    right: true,
    tags: ['党章'],
    easy: 1.1,
  },
  {
    type: 'judge',
    stem: '年满十八岁的中国工人、农民、军人、知识分子和其他社会阶层的先进分子，可以申请加入中国共产党。',
    options: [],
    right: true,
    tags: ['党章'],
    easy: 1.1,
  },
  {
    type: 'judge',
    stem: '民主集中制要求个人服从组织，少数服从多数，下级组织服从上级组织。',
    options: [],
    right: true,
    tags: ['党章'],
    easy: 1.1,
  },
  {
    type: 'judge',
    stem: '党支部委员会会议一般每季度召开一次。',
    options: [],
    right: false,
    tags: ['三会一课'],
    easy: 0.75,
  },
  {
    type: 'judge',
    stem: '党课一般每季度开展一次。',
    options: [],
    right: true,
    tags: ['三会一课'],
    easy: 0.95,
  },
  {
    type: 'judge',
    stem: '党员受留党察看处分期间，没有表决权、选举权和被选举权。',
    options: [],
    right: true,
    tags: ['纪律'],
    easy: 0.8,
  },
  {
    type: 'judge',
    stem: '党的纪律包括政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律。',
    options: [],
    right: true,
    tags: ['纪律'],
    easy: 1,
  },
  {
    type: 'judge',
    stem: '党员领导干部可以在本人主管的业务范围内为亲属经营活动提供便利。',
    options: [],
    right: false,
    tags: ['廉洁'],
    easy: 1.1,
  },
  {
    type: 'judge',
    stem: '逢年过节收受管理服务对象的购物卡，只要金额不大就不违反纪律。',
    options: [],
    right: false,
    tags: ['廉洁'],
    easy: 1,
  },
  {
    type: 'judge',
    stem: '党员应当按照规定交纳党费。',
    options: [],
    right: true,
    tags: ['组织生活'],
    easy: 1.15,
  },
]

/** The points of each type on the seeded exams' papers: ten of each make 100. */
export const DEMO_POINTS = { single: 6, judge: 4 } as const

export interface DemoBank {
  questions: QuestionDoc[]
  /** The paper every seeded attempt drew: every question of the bank, single first. */
  paper: PaperEntry[]
  /** How much likelier than the member's chance each paper question is answered right. */
  easy: number[]
}

/**
 * The bank as stored, its option ids drawn from `rand` (as the bank's own are random), created by `createdBy` at
 * `createdAt` and retired at `retiredAt`.
 */
export function demoBank(
  rand: () => number,
  createdBy: string,
  createdAt: number,
  retiredAt: number,
): DemoBank {
  const questions = QUESTIONS.map((q, i): QuestionDoc => {
    const id = `demo-q-${String(i + 1).padStart(2, '0')}`
    const ids = q.options.map(
      (_, k) =>
        `${Math.floor(rand() * 0xffffff)
          .toString(16)
          .padStart(6, '0')}${k}`,
    )
    // Stored shuffled, as a bank's options are: the answer is anywhere.
    const keys = q.options.map(() => rand())
    const order = q.options.map((_, k) => k).sort((a, b) => keys[a] - keys[b])
    const options =
      q.type === 'judge' ? [...JUDGE_OPTIONS] : order.map((k) => ({ id: ids[k], text: q.options[k] }))
    const answer = q.type === 'judge' ? [q.right ? 'T' : 'F'] : [ids[0]]
    return {
      _id: id,
      type: q.type,
      stem: q.stem,
      options,
      answer,
      tags: q.tags,
      explanation: null,
      key: questionKey(q.type, q.stem),
      retired: true,
      retiredAt,
      importBatch: null,
      createdBy,
      createdAt,
      updatedAt: retiredAt,
    }
  })
  const paper = questions.map((q) => ({
    ...paperCopy(q),
    points: DEMO_POINTS[q.type as keyof typeof DEMO_POINTS],
  }))
  return { questions, paper, easy: QUESTIONS.map((q) => q.easy) }
}

/**
 * One member's answers to the bank's paper at `chance` (0–1) of knowing a question, each scaled by its `easy`:
 * the answers a member gave (a wrong option when not known), each question's credit, and the score they make.
 */
export function answerPaper(
  bank: DemoBank,
  chance: number,
  rand: () => number,
): Pick<AttemptDoc, 'answers' | 'results'> & { score: number } {
  const answers: Record<string, string[]> = {}
  const results: AttemptDoc['results'] = []
  let score = 0
  bank.paper.forEach((q, i) => {
    const knows = rand() < Math.min(0.98, chance * bank.easy[i])
    const wrong = q.options.filter((o) => !q.answer.includes(o.id))
    const given = knows ? q.answer : [wrong[Math.floor(rand() * wrong.length)].id]
    const credit: Credit = knows ? 2 : 0
    answers[q.questionId] = given
    results.push({ questionId: q.questionId, type: q.type, tags: q.tags, credit })
    if (knows) score += q.points
  })
  return { answers, results, score }
}
