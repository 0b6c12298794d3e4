/**
 * Type-level tests of the function list, checked by `npm run typecheck`: cloudfunctions/manifests.ts
 * must name exactly the functions of the contract's `Api`, each under its own name. Each
 * `@ts-expect-error` fails the check if the line after it compiles.
 */
import { manifest as account } from '../../cloudfunctions/account/manifest'
import type { FunctionManifest } from '../../cloudfunctions/common/manifest'
import type { FunctionName } from '../../cloudfunctions/contract/index'
import { manifest as org } from '../../cloudfunctions/org/manifest'
import { manifest as pledge } from '../../cloudfunctions/pledge/manifest'
import { manifest as quiz } from '../../cloudfunctions/quiz/manifest'
import { manifest as stats } from '../../cloudfunctions/stats/manifest'
import { manifest as study } from '../../cloudfunctions/study/manifest'
import { manifest as visit } from '../../cloudfunctions/visit/manifest'
import { manifest as volunteer } from '../../cloudfunctions/volunteer/manifest'

type Registry = { [F in FunctionName]: FunctionManifest<F> }

export const complete = { account, org, pledge, quiz, stats, study, visit, volunteer } satisfies Registry

// @ts-expect-error a function of the contract without a manifest
export const missing = { account, org, pledge, quiz, study, visit, volunteer } satisfies Registry

// @ts-expect-error a manifest for a function the contract does not know
export const extra = { ...complete, unknown: account } satisfies Registry

// @ts-expect-error a manifest filed under another function's name
export const misfiled = { ...complete, study: stats } satisfies Registry
