// The portal in memory: maps indexed for the routes' reads, converted to and from the
// persisted `SandboxState` (arrays, stable order) at the edges.
import type {
  AssociationTypeDef,
  ObjectRecord,
  ObjectTypeDef,
  OwnerDef,
  PipelineDef,
  SandboxState,
} from './state.schema';

export interface RecordRef {
  objectTypeId: string;
  id: string;
}

export interface EdgeEntry {
  toObjectTypeId: string;
  toId: string;
  typeIds: Set<number>;
}

export interface StoreData {
  portalId: number;
  counters: SandboxState['counters'];
  /** By `objectTypeId`, in creation order. */
  types: Map<string, ObjectTypeDef>;
  /** `objectTypeId` → record id → record, in creation order. */
  records: Map<string, Map<string, ObjectRecord>>;
  associationTypes: Map<number, AssociationTypeDef>;
  /** `from` ref key → `to` ref key → the directed types between them. */
  edges: Map<string, Map<string, EdgeEntry>>;
  pipelines: PipelineDef[];
  owners: OwnerDef[];
}

export const refKey = (ref: RecordRef): string => `${ref.objectTypeId}/${ref.id}`;

export function dataFromState(state: SandboxState): StoreData {
  const records = new Map<string, Map<string, ObjectRecord>>();
  for (const type of state.objectTypes) records.set(type.objectTypeId, new Map());
  for (const [typeId, list] of Object.entries(state.records)) {
    const byId = records.get(typeId) ?? new Map<string, ObjectRecord>();
    for (const record of list) byId.set(record.id, structuredClone(record));
    records.set(typeId, byId);
  }
  const edges = new Map<string, Map<string, EdgeEntry>>();
  for (const edge of state.associations) {
    const from = refKey({ objectTypeId: edge.fromObjectTypeId, id: edge.fromId });
    const to = { objectTypeId: edge.toObjectTypeId, id: edge.toId };
    const targets = edges.get(from) ?? new Map<string, EdgeEntry>();
    targets.set(refKey(to), {
      toObjectTypeId: to.objectTypeId,
      toId: to.id,
      typeIds: new Set(edge.typeIds),
    });
    edges.set(from, targets);
  }
  return {
    portalId: state.portalId,
    counters: { ...state.counters },
    types: new Map(state.objectTypes.map((t) => [t.objectTypeId, structuredClone(t)])),
    records,
    associationTypes: new Map(state.associationTypes.map((t) => [t.typeId, { ...t }])),
    edges,
    pipelines: structuredClone(state.pipelines),
    owners: structuredClone(state.owners),
  };
}

export function stateFromData(data: StoreData): SandboxState {
  const associations: SandboxState['associations'] = [];
  for (const [fromKey, targets] of data.edges) {
    const slash = fromKey.lastIndexOf('/');
    for (const entry of targets.values()) {
      if (entry.typeIds.size === 0) continue;
      associations.push({
        fromObjectTypeId: fromKey.slice(0, slash),
        fromId: fromKey.slice(slash + 1),
        toObjectTypeId: entry.toObjectTypeId,
        toId: entry.toId,
        typeIds: [...entry.typeIds].sort((a, b) => a - b),
      });
    }
  }
  return {
    version: 1,
    portalId: data.portalId,
    counters: { ...data.counters },
    objectTypes: structuredClone([...data.types.values()]),
    records: Object.fromEntries(
      [...data.records].map(([typeId, byId]) => [typeId, structuredClone([...byId.values()])]),
    ),
    associationTypes: [...data.associationTypes.values()].map((t) => ({ ...t })),
    associations,
    pipelines: structuredClone(data.pipelines),
    owners: structuredClone(data.owners),
  };
}
