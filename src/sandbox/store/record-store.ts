// Records: create, update, archive, look up by id or by a unique value. Writes go through
// `prepare` (values checked, nothing written) then `commit`, so a batch can check every input
// before it writes any, as HubSpot's batch endpoints do.
import { type Clock, toIso } from '../clock';
import { HubSpotError, alreadyExistsError, objectNotFound, validationError } from '../errors';
import { behaviourOf, isIdentifyingProperty } from '../model/object-behaviour';
import { findStage, stageDerivedProperties } from '../model/pipeline-rules';
import { invalidValuesError, missingRequired, normalizeValues } from '../model/property-values';
import type { ObjectRecord, ObjectTypeDef } from './state.schema';
import type { StoreData } from './store-data';

export interface PreparedWrite {
  type: ObjectTypeDef;
  /** The record updated; absent for a new one. */
  existing?: ObjectRecord;
  set: Record<string, string>;
  cleared: string[];
}

/** Who made a change, in the words of HubSpot's webhook `changeSource` (and `sourceId`). */
export interface ChangeOrigin {
  source: 'API' | 'CRM_UI';
  /** `userId:<id>` for a change made by a user in the CRM. */
  sourceId?: string;
}

export const API_ORIGIN: ChangeOrigin = { source: 'API' };

/** What one committed write changed: the values that differ from before, cleared ones as ''. */
export interface RecordChange {
  objectTypeId: string;
  id: string;
  changed: Record<string, string>;
  at: number;
  origin: ChangeOrigin;
}

/** Unique values claimed by earlier inputs of the same batch. */
export class UniqueClaims {
  private readonly claimed = new Map<string, string>();
  private key = (prop: string, value: string) => `${prop}\u0000${value.toLowerCase()}`;
  claim(prop: string, value: string, by: string): string | undefined {
    const previous = this.claimed.get(this.key(prop, value));
    if (previous === undefined) this.claimed.set(this.key(prop, value), by);
    return previous;
  }
}

export class RecordStore {
  constructor(
    private readonly data: StoreData,
    private readonly clock: Clock,
    private readonly changed: () => void,
    private readonly recordChanged: (change: RecordChange) => void = () => undefined,
  ) {}

  private byId(type: ObjectTypeDef): Map<string, ObjectRecord> {
    let map = this.data.records.get(type.objectTypeId);
    if (!map) {
      map = new Map();
      this.data.records.set(type.objectTypeId, map);
    }
    return map;
  }

  /** Records in creation (id) order; archived ones only when asked. */
  list(type: ObjectTypeDef, archived = false): ObjectRecord[] {
    return [...this.byId(type).values()].filter((r) => r.archived === archived);
  }

  get(type: ObjectTypeDef, id: string, archived = false): ObjectRecord | undefined {
    const record = this.byId(type).get(id);
    return record && record.archived === archived ? record : undefined;
  }

  getOrThrow(type: ObjectTypeDef, id: string): ObjectRecord {
    const record = this.get(type, id);
    if (!record) throw objectNotFound(id);
    return record;
  }

  /** The live record whose `property` equals `value` (emails compare case-insensitively). */
  findBy(type: ObjectTypeDef, property: string, value: string): ObjectRecord | undefined {
    if (property === 'hs_object_id') return this.get(type, value);
    const wanted = value.toLowerCase();
    return this.list(type).find((r) => r.properties[property]?.toLowerCase() === wanted);
  }

  /** Looks a record up by `id`, read as the value of `idProperty` when one is given. */
  lookup(
    type: ObjectTypeDef,
    id: string,
    idProperty?: string,
    operation = 'read',
  ): ObjectRecord | undefined {
    if (!idProperty || idProperty === 'hs_object_id') return this.get(type, id);
    this.assertIdProperty(type, idProperty, operation);
    return this.findBy(type, idProperty, id);
  }

  /**
   * Only unique-value properties identify a record. HubSpot's words for the other case, from a
   * real response: "Unable to perform update/upsert by non-unique 0-2 property hs_object_id in
   * portal ID 21939747" (https://github.com/segmentio/action-destinations/pull/3957).
   */
  assertIdProperty(type: ObjectTypeDef, idProperty: string, operation: string): void {
    if (!isIdentifyingProperty(type, idProperty)) {
      throw validationError(
        `Unable to perform ${operation} by non-unique ${type.objectTypeId} property ${idProperty} in portal ID ${this.data.portalId}`,
      );
    }
  }

  prepare(
    type: ObjectTypeDef,
    input: Readonly<Record<string, string>>,
    existing?: ObjectRecord,
  ): PreparedWrite {
    const ctx = {
      portalId: this.data.portalId,
      pipelines: this.data.pipelines,
      owners: this.data.owners,
    };
    const { set, cleared } = normalizeValues(type, input, ctx, existing?.properties);
    if (!existing) {
      const missing = missingRequired(type, set);
      if (missing.length > 0) throw invalidValuesError(missing, this.data.portalId);
    }
    return { type, existing, set, cleared };
  }

  /** Refuses a value another live record (or an earlier input of the batch) already has. */
  checkUnique(write: PreparedWrite, claims?: UniqueClaims, claimant = 'batch input'): void {
    const { type } = write;
    for (const [prop, value] of Object.entries(write.set)) {
      if (!isIdentifyingProperty(type, prop)) continue;
      const holder = this.findBy(type, prop, value);
      if (holder && holder.id !== write.existing?.id)
        throw duplicateValue(type, prop, value, holder.id);
      const earlier = claims?.claim(prop, value, claimant);
      if (earlier !== undefined) {
        throw validationError(
          `Duplicate value ${JSON.stringify(value)} for unique property ${prop} in ${earlier} and ${claimant}`,
        );
      }
    }
  }

  commit(write: PreparedWrite, origin: ChangeOrigin = API_ORIGIN): ObjectRecord {
    const at = this.clock.now();
    const now = toIso(at);
    const behaviour = behaviourOf(write.type);
    const record: ObjectRecord = write.existing ?? {
      id: String(++this.data.counters.objectId),
      properties: {},
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    const properties = { ...record.properties, ...write.set };
    for (const name of write.cleared) delete properties[name];
    if (!write.existing) {
      properties[behaviour.createdProperty] ??= now;
      properties['hs_object_id'] = record.id;
      if (write.type.objectTypeId === '0-3' && properties['dealstage'])
        properties['pipeline'] ??= 'default';
    }
    for (const name of behaviour.modifiedProperties) properties[name] = now;
    if (write.type.objectTypeId === '0-3') {
      const stage = findStage(
        this.data.pipelines,
        properties['pipeline'] ?? '',
        properties['dealstage'] ?? '',
      );
      Object.assign(properties, stageDerivedProperties(stage));
    }
    const before = record.properties;
    record.properties = properties;
    record.updatedAt = now;
    this.byId(write.type).set(record.id, record);
    this.changed();
    this.recordChanged({
      objectTypeId: write.type.objectTypeId,
      id: record.id,
      changed: changedValues(before, properties),
      at,
      origin,
    });
    return record;
  }

  create(
    type: ObjectTypeDef,
    input: Readonly<Record<string, string>>,
    origin?: ChangeOrigin,
  ): ObjectRecord {
    const write = this.prepare(type, input);
    this.checkUnique(write);
    return this.commit(write, origin);
  }

  update(
    type: ObjectTypeDef,
    record: ObjectRecord,
    input: Readonly<Record<string, string>>,
    origin?: ChangeOrigin,
  ): ObjectRecord {
    const write = this.prepare(type, input, record);
    this.checkUnique(write);
    return this.commit(write, origin);
  }

  /** Archives a record; false when there was no live record with that id. */
  archive(type: ObjectTypeDef, id: string): boolean {
    const record = this.get(type, id);
    if (!record) return false;
    const now = toIso(this.clock.now());
    record.archived = true;
    record.archivedAt = now;
    record.updatedAt = now;
    this.changed();
    return true;
  }
}

/** The values of `after` that differ from `before`; a value `after` lacks reads as ''. */
function changedValues(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): Record<string, string> {
  const changed: Record<string, string> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const value = after[name] ?? '';
    if ((before[name] ?? '') !== value) changed[name] = value;
  }
  return changed;
}

/**
 * A second record with a unique value. HubSpot's newer 409 body (seen in 2024,
 * https://community.hubspot.com/t5/APIs-Integrations/Updated-409-Conflict-responses/m-p/951534):
 * message "Contact already exists. Existing ID: 2926551", category OBJECT_ALREADY_EXISTS, and
 * `errors: [{ message: "A contact with email ... already exists. Existing ID: ...", in: "email" }]`.
 * Older responses said category CONFLICT; clients should key on the 409.
 */
export function duplicateValue(
  type: ObjectTypeDef,
  prop: string,
  value: string,
  existingId: string,
): HubSpotError {
  const noun = type.labels.singular;
  return alreadyExistsError(`${noun} already exists. Existing ID: ${existingId}`, {
    errors: [
      {
        message: `A ${noun.toLowerCase()} with ${prop} ${value} already exists. Existing ID: ${existingId}`,
        in: prop,
      },
    ],
  });
}
