import type { z } from 'zod'

import type { ActionOf, FunctionName } from '../contract/index'
import type { CollectionName } from './collections'

/** The `cloud.openapi.*` calls a function may make; its config.json grants exactly these in production. */
export type OpenApiPermission = 'wxacode.getUnlimited' | 'subscribeMessage.send'

/**
 * Secrets a function reads from its environment: set per function in the CloudBase console
 * (docs/DEPLOY.md), locally by server/secrets.ts. Never in the repository.
 */
export type SecretName = 'CHECKIN_HMAC_SECRET'

/** A CloudBase timer trigger; `config` is its seven-field cron (second minute hour day month weekday year). */
export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

/**
 * Everything the platform must know about one cloud function, in one place: the build writes its
 * config.json and package.json from it, the bad-input sweep calls each of its routes, the deploy
 * guide lists it (tests keep each in step).
 */
export interface FunctionManifest<F extends FunctionName = FunctionName> {
  name: F
  /**
   * The contract's input schema per action. The function's route table is `RoutesOf<F>`, typed from
   * the same contract, so tsc fails if it handles an action not listed here or misses one.
   */
  routes: { readonly [A in ActionOf<F>]: z.ZodType }
  openapi: readonly OpenApiPermission[]
  secrets: readonly SecretName[]
  /** CloudBase allows one trigger per function. */
  triggers: readonly [] | readonly [TimerTrigger]
  /** Seconds one call may run on CloudBase (1–60; the platform's default is 3). */
  timeout: number
  /** Collections it reads, and those it changes; the function tests fail on any access not listed. */
  reads: readonly CollectionName[]
  writes: readonly CollectionName[]
}
