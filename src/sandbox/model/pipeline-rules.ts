// What deal pipelines decide: which stages a deal may be in, and the properties HubSpot
// derives from the stage's metadata (closed, won, probability). Won means closed with
// probability 1.0, never the literal `closedwon`: custom pipelines have numeric stage ids.
import type { PipelineDef, PipelineStageDef } from '../store/state.schema';

export const DEFAULT_PIPELINE_ID = 'default';

export function findStage(
  pipelines: readonly PipelineDef[],
  pipelineId: string,
  stageId: string,
): PipelineStageDef | undefined {
  return pipelines.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stageId);
}

export const isClosedWon = (stage: PipelineStageDef): boolean =>
  stage.metadata.isClosed === 'true' && Number(stage.metadata.probability) === 1;

/** The calculated deal properties for a deal in `stage`. */
export function stageDerivedProperties(
  stage: PipelineStageDef | undefined,
): Record<string, string> {
  if (!stage) return {};
  return {
    hs_is_closed: stage.metadata.isClosed,
    hs_is_closed_won: String(isClosedWon(stage)),
    hs_deal_stage_probability: String(Number(stage.metadata.probability)),
  };
}
