/**
 * The colour pairs the app relies on for status text stay readable: a contrast ratio of at least 4.5:1
 * (WCAG 2 AA for body text), read from the shared palette the stylesheets import.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..', '..')
const palette = readFileSync(join(root, 'src/styles/colors.scss'), 'utf8')
const colours = Object.fromEntries(
  [...palette.matchAll(/^\$([\w-]+):\s*(#[0-9a-f]{6})\s*;/gim)].map((m) => [m[1], m[2]]),
)

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('status colours', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    // Yesterday's saving-error text: grey caption on the red bar.
    expect(contrast('#595959', '#c8161d')).toBeLessThan(2.5)
  })

  it.each([
    ['on-brand', 'brand', 'the exam bar’s countdown and saving state'],
    ['alert-text', 'alert-pill-bg', '答案未保存 in the exam bar'],
    ['alert-text', 'alert-bg', '未保存 on a question'],
  ])('%s on %s (%s) reads at 4.5:1 or more', (fg, bg) => {
    expect(colours[fg]).toBeDefined()
    expect(colours[bg]).toBeDefined()
    expect(contrast(colours[fg], colours[bg])).toBeGreaterThanOrEqual(4.5)
  })

  it('is what the exam bar and the 未保存 mark are painted with', () => {
    const quiz = readFileSync(join(root, 'src/packages/quiz/styles/quiz.scss'), 'utf8')
    const rule = (selector: string) => quiz.slice(quiz.indexOf(`${selector} {`)).split('}')[0]
    expect(rule('.quiz-bar')).toMatch(/background: \$brand;[\s\S]*color: \$on-brand;/)
    expect(rule('.screen .quiz-bar .quiz-save')).toContain('color: $on-brand;')
    expect(rule('.screen .quiz-bar .quiz-save--alert')).toMatch(
      /color: \$alert-text;[\s\S]*background: \$alert-pill-bg;/,
    )
    expect(rule('.screen .quiz-unsaved')).toMatch(/color: \$alert-text;[\s\S]*background: \$alert-bg;/)
  })
})
