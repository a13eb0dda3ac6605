// Deal pipelines, read-only: `GET /crm/v3/pipelines/deals[/{id}[/stages[/{stageId}]]]`.
// Stages carry `metadata.isClosed` and `metadata.probability` as strings, as HubSpot's do.
import { notFoundError, validationError } from '../errors';
import type { PipelineDef, PipelineStageDef } from '../store/state.schema';
import { type RouteDeps, type SandboxApp, type SandboxContext, pathParam } from './route-kit';

const stageJson = (pipeline: PipelineDef, stage: PipelineStageDef) => ({
  id: stage.id,
  label: stage.label,
  displayOrder: stage.displayOrder,
  metadata: { ...stage.metadata },
  createdAt: pipeline.createdAt,
  updatedAt: pipeline.updatedAt,
  archived: false,
  writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT' as const,
});

const pipelineJson = (pipeline: PipelineDef) => ({
  id: pipeline.id,
  label: pipeline.label,
  displayOrder: pipeline.displayOrder,
  stages: pipeline.stages.map((stage) => stageJson(pipeline, stage)),
  createdAt: pipeline.createdAt,
  updatedAt: pipeline.updatedAt,
  archived: false,
});

export function registerPipelineRoutes(app: SandboxApp, { store }: RouteDeps): void {
  const dealsOnly = (c: SandboxContext) => {
    const type = store.type(pathParam(c, 'objectType'));
    if (type.objectTypeId !== '0-3')
      throw validationError(`The sandbox keeps pipelines for deals only, not ${type.name}`);
  };
  const pipelineOf = (c: SandboxContext): PipelineDef => {
    dealsOnly(c);
    const id = pathParam(c, 'pipelineId');
    const pipeline = store.pipelines.find((p) => p.id === id);
    if (!pipeline)
      throw notFoundError(`Unable to find pipeline ${id}`, { context: { pipelineId: [id] } });
    return pipeline;
  };

  app.get('/crm/v3/pipelines/:objectType', (c) => {
    dealsOnly(c);
    return c.json({ results: store.pipelines.map(pipelineJson) });
  });

  app.get('/crm/v3/pipelines/:objectType/:pipelineId', (c) => c.json(pipelineJson(pipelineOf(c))));

  app.get('/crm/v3/pipelines/:objectType/:pipelineId/stages', (c) => {
    const pipeline = pipelineOf(c);
    return c.json({ results: pipeline.stages.map((stage) => stageJson(pipeline, stage)) });
  });

  app.get('/crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId', (c) => {
    const pipeline = pipelineOf(c);
    const id = pathParam(c, 'stageId');
    const stage = pipeline.stages.find((s) => s.id === id);
    if (!stage) throw notFoundError(`Unable to find stage ${id} in pipeline ${pipeline.id}`);
    return c.json(stageJson(pipeline, stage));
  });
}
