// The sandbox portal: records, associations, schemas and properties over one in-memory data
// set, plus the read-only pipelines and owners. Every change is announced to listeners
// (persistence writes the file from it), and what a record write changed to its own listeners
// (webhooks are built from it).
import type { Clock } from '../clock';
import { AssociationStore } from './association-store';
import { type RecordChange, RecordStore } from './record-store';
import { SchemaStore } from './schema-store';
import type { ObjectTypeDef, OwnerDef, PipelineDef, SandboxState } from './state.schema';
import { type StoreData, dataFromState, stateFromData } from './store-data';
import { type ResolveOptions, findType, resolveType } from './type-registry';

export class SandboxStore {
  private readonly data: StoreData;
  private readonly listeners = new Set<() => void>();
  private readonly recordListeners = new Set<(change: RecordChange) => void>();
  readonly records: RecordStore;
  readonly associations: AssociationStore;
  readonly schemas: SchemaStore;

  constructor(state: SandboxState, clock: Clock) {
    this.data = dataFromState(state);
    const changed = () => this.listeners.forEach((listener) => listener());
    this.records = new RecordStore(this.data, clock, changed, (change) =>
      this.recordListeners.forEach((listener) => listener(change)),
    );
    this.associations = new AssociationStore(this.data, clock, changed);
    this.schemas = new SchemaStore(this.data, clock, this.associations, changed);
  }

  get portalId(): number {
    return this.data.portalId;
  }

  get pipelines(): readonly PipelineDef[] {
    return this.data.pipelines;
  }

  get owners(): readonly OwnerDef[] {
    return this.data.owners;
  }

  types(): ObjectTypeDef[] {
    return [...this.data.types.values()].filter((t) => !t.archived);
  }

  findType(ref: string, options?: ResolveOptions): ObjectTypeDef | undefined {
    return findType(this.data, ref, options);
  }

  /** The type a path names, or HubSpot's 400 "Unable to infer object type from: x". */
  type(ref: string, options?: ResolveOptions): ObjectTypeDef {
    return resolveType(this.data, ref, options);
  }

  /** Replaces everything (reset, load); the sub-stores keep their reference to `data`. */
  replace(state: SandboxState): void {
    Object.assign(this.data, dataFromState(state));
    this.listeners.forEach((listener) => listener());
  }

  snapshot(): SandboxState {
    return stateFromData(this.data);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Record writes only, with what they changed; `replace` (reset, load) announces none. */
  onRecordChange(listener: (change: RecordChange) => void): () => void {
    this.recordListeners.add(listener);
    return () => this.recordListeners.delete(listener);
  }
}
