// Two deal pipelines, as real portals have them: HubSpot's default one (id `default`, named
// stage ids) and a custom one whose stage ids are numbers. Closed-won is the stage that is
// closed with probability 1.0; nothing should look for the literal `closedwon`.
import type { PipelineDef } from '../store/state.schema';

type StageRow = readonly [id: string, label: string, probability: string, closed?: boolean];

const pipeline = (
  id: string,
  label: string,
  displayOrder: number,
  rows: readonly StageRow[],
  at: string,
): PipelineDef => ({
  id,
  label,
  displayOrder,
  stages: rows.map(([stageId, stageLabel, probability, closed = false], order) => ({
    id: stageId,
    label: stageLabel,
    displayOrder: order,
    metadata: { isClosed: closed ? 'true' : 'false', probability },
  })),
  createdAt: at,
  updatedAt: at,
});

export const ENTERPRISE_PIPELINE_ID = '87654321';

export function defaultPipeline(at: string): PipelineDef {
  return pipeline(
    'default',
    'Sales Pipeline',
    0,
    [
      ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
      ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
      ['presentationscheduled', 'Presentation Scheduled', '0.6'],
      ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
      ['contractsent', 'Contract Sent', '0.9'],
      ['closedwon', 'Closed Won', '1.0', true],
      ['closedlost', 'Closed Lost', '0.0', true],
    ],
    at,
  );
}

export function enterprisePipeline(at: string): PipelineDef {
  return pipeline(
    ENTERPRISE_PIPELINE_ID,
    'Enterprise',
    1,
    [
      ['1187654321', 'Discovery', '0.1'],
      ['1187654322', 'Solution fit', '0.3'],
      ['1187654323', 'Technical validation', '0.5'],
      ['1187654324', 'Business case', '0.7'],
      ['1187654325', 'Procurement and legal', '0.9'],
      ['1187654326', 'Closed won', '1.0', true],
      ['1187654327', 'Closed lost', '0.0', true],
    ],
    at,
  );
}
