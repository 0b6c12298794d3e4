import type * as z from 'zod'

import { excerpt } from '../contract/errors'
import { FIELD_LABELS } from '../contract/field-labels'

/**
 * What a refused input is told, in Chinese, naming fields as a member would and quoting at most
 * an excerpt of anything the caller sent (a field name of a megabyte comes back as 20 characters).
 * zod's own messages name types in English ("number", "record"), so none of them reach a caller.
 */

type Issue = z.core.$ZodIssue | z.core.$ZodRawIssue
type PathPart = PropertyKey

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  nan: '数字',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组字段',
  record: '一组字段',
  date: '日期',
  null: '空',
}

/** A path as a member reads it: 修改内容的开始时间, 角色第1项的组织; a name not ours is quoted, cut short. */
export function fieldLabel(path: readonly PathPart[]): string {
  let text = ''
  for (const part of path) {
    if (typeof part === 'number') {
      text += `第${part + 1}项`
      continue
    }
    const key = String(part)
    const label = Object.prototype.hasOwnProperty.call(FIELD_LABELS, key)
      ? FIELD_LABELS[key]
      : `“${excerpt(key)}”`
    text += text ? `的${label}` : label
  }
  return text || '提交的内容'
}

function unknownKeys(keys: readonly string[]): string {
  const named = keys
    .slice(0, 3)
    .map((k) => `“${excerpt(k)}”`)
    .join('、')
  return keys.length > 3 ? `${named}等${keys.length}个` : named
}

function sizeText(issue: Issue, label: string): string {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum)
    if (issue.origin === 'string') return min <= 1 ? `${label}不能为空` : `${label}不能少于${min}个字`
    if (issue.origin === 'array' || issue.origin === 'set') return `${label}至少要有${Math.max(min, 1)}项`
    if (issue.origin === 'number') return issue.inclusive ? `${label}不能小于${min}` : `${label}应大于${min}`
    return `${label}太小`
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum)
    if (issue.origin === 'string') return `${label}不能超过${max}个字`
    if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多${max}项`
    if (issue.origin === 'number') return issue.inclusive ? `${label}不能大于${max}` : `${label}应小于${max}`
    return `${label}过大`
  }
  return `${label}不正确`
}

/** Our sentence for any issue, the field named. Also zod's locale, so checks with no message of their own read the same. */
export function issueText(issue: Issue): string {
  const path = issue.path ?? []
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `缺少必填项：${fieldLabel(path)}`
      return `${fieldLabel(path)}应为${TYPE_NAMES[issue.expected] ?? '正确的类型'}`
    case 'unrecognized_keys':
      return `${path.length > 0 ? `${fieldLabel(path)}中` : ''}有不认识的字段${unknownKeys(issue.keys)}`
    case 'too_small':
    case 'too_big':
      return sizeText(issue, fieldLabel(path))
    case 'invalid_format':
    case 'invalid_union':
      return `${fieldLabel(path)}格式不正确`
    case 'not_multiple_of':
      return `${fieldLabel(path)}应为${Number(issue.divisor)}的倍数`
    case 'invalid_value':
      return `${fieldLabel(path)}不在可选范围内`
    default:
      return `${fieldLabel(path)}不正确`
  }
}

/** zod's locale: every check without a message of its own gets ours. */
export const localeError = (issue: z.core.$ZodRawIssue): string => issueText(issue)

/**
 * One issue of a refused input: its schema's own message ("分值应为数字"), or ours. A missing field
 * is always called missing by name, since zod gives a schema's message for a wrong type or value
 * ("性别应为…") to a missing field too, and unknown fields always get ours, which cuts their names.
 * Needs `safeParse(data, { reportInput: true })`, or a wrong type cannot be told from a missing field.
 */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const missing =
    issue.input === undefined &&
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union')
  if (missing) return `缺少必填项：${fieldLabel(issue.path)}`
  if (issue.code === 'unrecognized_keys') return issueText(issue)
  return issue.message
}

/** Deeper than any action's input: the deepest, a bank row's options, is four levels below `data`. */
export const MAX_INPUT_DEPTH = 16

/**
 * Checks a request's JSON size and nesting without recursion, stopping as soon as a bound is
 * passed: input nested thousands of levels deep (which overflows `JSON.stringify`'s stack) or a
 * cycle is refused in time bounded by `maxChars`. The size counts as JSON would, within escapes.
 */
export function measureInput(
  value: unknown,
  maxChars: number,
  maxDepth = MAX_INPUT_DEPTH,
): 'ok' | 'too_large' | 'too_deep' {
  const stack: Array<[unknown, number]> = [[value, 0]]
  let chars = 0
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number]
    if (typeof item === 'string') chars += item.length + 2
    else if (typeof item === 'number' || typeof item === 'bigint') chars += String(item).length
    else if (typeof item !== 'object' || item === null) chars += 5
    else if (depth >= maxDepth) return 'too_deep'
    else if (Array.isArray(item)) {
      // Brackets and commas first: an array is walked only once it is known to fit.
      chars += 1 + Math.max(item.length, 1)
      if (chars > maxChars) return 'too_large'
      for (const v of item) stack.push([v, depth + 1])
    } else {
      chars += 2
      const record = item as Record<string, unknown>
      for (const key of Object.keys(record)) {
        chars += key.length + 4
        if (chars > maxChars) return 'too_large'
        stack.push([record[key], depth + 1])
      }
    }
    if (chars > maxChars) return 'too_large'
  }
  return 'ok'
}
