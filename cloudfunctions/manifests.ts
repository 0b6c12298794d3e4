import { manifest as account } from './account/manifest'
import type { FunctionManifest } from './common/manifest'
import type { FunctionName } from './contract/index'
import { manifest as org } from './org/manifest'
import { manifest as pledge } from './pledge/manifest'
import { manifest as quiz } from './quiz/manifest'
import { manifest as stats } from './stats/manifest'
import { manifest as study } from './study/manifest'
import { manifest as visit } from './visit/manifest'
import { manifest as volunteer } from './volunteer/manifest'

/**
 * Every deployable function, listed once. The contract's `Api` names the same functions for the
 * client's types; `satisfies` makes tsc fail when the two differ. The build (scripts/build-functions.mjs),
 * the bad-input sweep and the deploy-guide test all read this map.
 */
export const MANIFESTS = { account, org, pledge, quiz, stats, study, visit, volunteer } satisfies {
  [F in FunctionName]: FunctionManifest<F>
}

export const FUNCTION_NAMES = Object.keys(MANIFESTS) as FunctionName[]
