/**
 * Aggregation pipelines, restricted to what CloudBase offers and executed by mingo's Aggregator.
 */
import { Aggregator, ProcessingMode } from 'mingo'

import { invalidOperator, invalidParam } from './errors'
import { isPlainObject } from './values'
import { decodeEjson } from './values'

/** The stages @cloudbase/database's Aggregation exposes; the wire format allows nothing else. */
export const SDK_AGGREGATE_STAGES: readonly string[] = [
  '$addFields',
  '$bucket',
  '$bucketAuto',
  '$count',
  '$geoNear',
  '$group',
  '$limit',
  '$match',
  '$project',
  '$lookup',
  '$replaceRoot',
  '$sample',
  '$skip',
  '$sort',
  '$sortByCount',
  '$unwind',
]

/** CloudBase returns at most 20 aggregation results unless the pipeline has its own `$limit`. */
export const DEFAULT_AGGREGATE_LIMIT = 20

export type Stage = Record<string, unknown>

function checkStage(stage: Stage): void {
  const keys = Object.keys(stage)
  if (keys.length !== 1) throw invalidParam('an aggregation stage must have exactly one key')
  const [key] = keys
  if (!SDK_AGGREGATE_STAGES.includes(key)) {
    throw invalidOperator(
      `aggregation stage ${key} is not supported: CloudBase offers ${SDK_AGGREGATE_STAGES.join(', ')}`,
    )
  }
  if (key === '$geoNear')
    throw invalidOperator('aggregation stage $geoNear is not available in the local database')
  const value = stage[key]
  if (key === '$limit' && !(Number.isInteger(value) && (value as number) > 0)) {
    throw invalidParam('$limit must be a positive integer')
  }
  if (key === '$lookup' && isPlainObject(value) && value.pipeline !== undefined) {
    if (!Array.isArray(value.pipeline)) throw invalidParam('$lookup.pipeline must be an array')
    for (const inner of value.pipeline) {
      if (!isPlainObject(inner)) throw invalidParam('$lookup.pipeline stages must be objects')
      checkStage(inner)
    }
  }
}

/** Decodes the SDK's `stages: [{stageKey, stageValue}]` into a checked MongoDB pipeline. */
export function decodePipeline(stages: unknown, now: number): Stage[] {
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array')
  return stages.map((entry): Stage => {
    if (!isPlainObject(entry) || typeof entry.stageKey !== 'string' || typeof entry.stageValue !== 'string') {
      throw invalidParam('each stage must be {stageKey, stageValue}')
    }
    const stage = { [entry.stageKey]: decodeEjson(entry.stageValue, now) }
    checkStage(stage)
    return stage
  })
}

/**
 * Runs a pipeline. Inputs are cloned (CLONE_INPUT) because the documents are the store's own objects and
 * stages such as $addFields may write into them; `lookup` must return copies for the same reason.
 */
export function runPipeline(
  docs: readonly Record<string, unknown>[],
  pipeline: Stage[],
  lookup: (collection: string) => Record<string, unknown>[],
): Record<string, unknown>[] {
  const bounded = pipeline.some((stage) => '$limit' in stage)
    ? pipeline
    : [...pipeline, { $limit: DEFAULT_AGGREGATE_LIMIT }]
  const aggregator = new Aggregator(bounded, {
    processingMode: ProcessingMode.CLONE_INPUT,
    scriptEnabled: false,
    collectionResolver: lookup,
  })
  return aggregator.run(docs as Record<string, unknown>[])
}
