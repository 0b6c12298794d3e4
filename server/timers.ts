import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { CronExpressionParser } from 'cron-parser'

import type { TimerTrigger } from '../cloudfunctions/common/manifest'
import { ZONE } from '../cloudfunctions/domain/time'
import type { FunctionRuntime } from './runtime'

/** setTimeout's longest delay; a later run is re-armed when this one ends. */
const MAX_DELAY_MS = 2 ** 31 - 1

/**
 * CloudBase's timer cron has seven fields: second minute hour day month weekday year. The year must be `*`
 * here (no trigger of ours is bound to a year); the first six are standard cron with seconds, read in China time
 * as CloudBase reads them.
 */
export function nextRun(config: string, after: Date): Date {
  const fields = config.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`timer cron "${config}" must have 7 fields`)
  if (fields[6] !== '*') throw new Error(`timer cron "${config}": only * is supported for the year`)
  const expression = CronExpressionParser.parse(fields.slice(0, 6).join(' '), {
    currentDate: after,
    tz: ZONE,
  })
  return expression.next().toDate()
}

export interface TimerRun {
  fn: string
  trigger: string
  at: Date
  result: unknown
}

/** Each bundled function's timer triggers, from the config.json the build wrote from its manifest. */
export function bundledTriggers(functionsDir: string, names: readonly string[]) {
  return names.map((name) => {
    const file = join(functionsDir, name, 'config.json')
    const config = existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as { triggers?: TimerTrigger[] })
      : {}
    return { name, triggers: config.triggers ?? [] }
  })
}

/**
 * The local host's scheduler: runs every manifest's timer triggers on their cron, as CloudBase does, until
 * stopped. A run that is still going when the next is due does not hold the next back: runs may overlap there
 * too, so handlers must be safe when they do.
 */
export function scheduleTimers(
  runtime: FunctionRuntime,
  manifests: readonly { name: string; triggers: readonly TimerTrigger[] }[],
  onRun: (run: TimerRun) => void = () => undefined,
): { stop(): void } {
  const pending = new Set<NodeJS.Timeout>()
  let stopped = false
  const arm = (fn: string, trigger: string, config: string, target: Date) => {
    const delay = Math.min(Math.max(0, target.getTime() - Date.now()), MAX_DELAY_MS)
    const timer = setTimeout(() => {
      pending.delete(timer)
      if (stopped) return
      if (Date.now() < target.getTime()) return arm(fn, trigger, config, target)
      arm(fn, trigger, config, nextRun(config, target))
      void runtime.fireTimer(fn, trigger, target).then(
        (result) => onRun({ fn, trigger, at: target, result }),
        (error: unknown) => onRun({ fn, trigger, at: target, result: { ok: false, error: String(error) } }),
      )
    }, delay)
    timer.unref()
    pending.add(timer)
  }
  for (const manifest of manifests) {
    for (const trigger of manifest.triggers) {
      arm(manifest.name, trigger.name, trigger.config, nextRun(trigger.config, new Date()))
    }
  }
  return {
    stop() {
      stopped = true
      for (const timer of pending) clearTimeout(timer)
      pending.clear()
    },
  }
}
