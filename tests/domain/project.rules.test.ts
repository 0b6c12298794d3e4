import { projectRollup } from '../../cloudfunctions/domain/project.rollup'
import {
  canMoveProject,
  distinctIds,
  isCalendarDate,
  periodLabel,
  periodProblem,
  PROJECT_MOVE_KEYS,
  PROJECT_MOVES,
  projectMovesFrom,
  type ProjectStatus,
} from '../../cloudfunctions/domain/project.rules'

const STATUSES: ProjectStatus[] = ['planned', 'active', 'done', 'cancelled']

describe('the 为民办实事 status machine', () => {
  it('goes 计划中 → 进行中 → 已完成, and to 已取消 before completion', () => {
    const legal = STATUSES.flatMap((from) =>
      PROJECT_MOVE_KEYS.filter((move) => canMoveProject(move, from)).map(
        (move) => `${from} -${move}-> ${PROJECT_MOVES[move].to}`,
      ),
    )
    expect(legal.sort()).toEqual(
      [
        'planned -start-> active',
        'planned -cancel-> cancelled',
        'active -complete-> done',
        'active -cancel-> cancelled',
      ].sort(),
    )
  })

  it('refuses every other move: nothing leaves 已完成 or 已取消, nothing is completed before it starts', () => {
    for (const move of PROJECT_MOVE_KEYS) {
      expect(canMoveProject(move, 'done')).toBe(false)
      expect(canMoveProject(move, 'cancelled')).toBe(false)
    }
    expect(canMoveProject('complete', 'planned')).toBe(false)
    expect(canMoveProject('start', 'active')).toBe(false)
    expect(projectMovesFrom('planned')).toEqual(['start', 'cancel'])
    expect(projectMovesFrom('active')).toEqual(['complete', 'cancel'])
    expect(projectMovesFrom('done')).toEqual([])
  })
})

describe('the planned period', () => {
  it('takes real calendar days, the end not before the start', () => {
    expect(periodProblem('2026-03-01', '2026-06-30')).toBeNull()
    expect(periodProblem('2026-03-01', '2026-03-01')).toBeNull()
    expect(periodProblem('2026-06-30', '2026-03-01')).toBe('结束日期不能早于开始日期')
    expect(periodProblem('2026-02-30', '2026-03-01')).toBe('开始日期不是有效的日期')
    expect(periodProblem('2026-03-01', '2026-13-01')).toBe('结束日期不是有效的日期')
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
  })

  it('reads as a Chinese span, with the second year only when it differs', () => {
    expect(periodLabel('2026-03-01', '2026-06-30')).toBe('2026年3月1日—6月30日')
    expect(periodLabel('2026-11-01', '2027-01-31')).toBe('2026年11月1日—2027年1月31日')
  })

  it('links an activity listed twice once', () => {
    expect(distinctIds(['a', 'b', 'a'])).toEqual(['a', 'b'])
  })
})

describe('what a project counts in the statistics', () => {
  const base = { orgPath: ['org-street', 'org-c1'], completedAt: Date.UTC(2026, 10, 25) }
  it('counts a completed project once, in the month of completion, and never its 受益人次', () => {
    expect(projectRollup({ ...base, status: 'done' })).toEqual([
      { orgPath: base.orgPath, time: base.completedAt, counts: { 'volunteer.projectsDone': 1 } },
    ])
    expect(projectRollup({ ...base, status: 'active', completedAt: null })).toEqual([])
    expect(projectRollup({ ...base, status: 'cancelled', completedAt: null })).toEqual([])
  })
})
