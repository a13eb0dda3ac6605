// Associations between records, always both ways: adding type T from A to B adds T's inverse
// from B to A, so either side reads it (with the inverse label). Every association also has
// its pair's unlabeled type, as HubSpot's reads show (a labelled or primary association comes
// back beside the unlabeled one). Labels are USER_DEFINED types with an inverse of their own.
import { type Clock, toIso } from '../clock';
import { alreadyExistsError, notFoundError, validationError } from '../errors';
import type { AssociationCategory, AssociationTypeDef } from './state.schema';
import { type EdgeEntry, type RecordRef, type StoreData, refKey } from './store-data';

export interface AssociationSpecInput {
  associationCategory: AssociationCategory;
  associationTypeId: number;
}

export interface LabelInput {
  name: string;
  label: string;
  inverseLabel?: string;
}

export class AssociationStore {
  constructor(
    private readonly data: StoreData,
    private readonly clock: Clock,
    private readonly changed: () => void,
  ) {}

  typeOf(typeId: number): AssociationTypeDef | undefined {
    return this.data.associationTypes.get(typeId);
  }

  typesBetween(fromTypeId: string, toTypeId: string): AssociationTypeDef[] {
    return [...this.data.associationTypes.values()]
      .filter((t) => t.fromObjectTypeId === fromTypeId && t.toObjectTypeId === toTypeId)
      .sort((a, b) => a.typeId - b.typeId);
  }

  /** The pair's unlabeled type: what "default" associations and every labelled one carry. */
  defaultTypeId(fromTypeId: string, toTypeId: string): number | undefined {
    return this.typesBetween(fromTypeId, toTypeId).find((t) => t.label === null)?.typeId;
  }

  /** Checks that each spec names a type of this pair, in its category; returns the ids. */
  resolveSpecs(
    fromTypeId: string,
    toTypeId: string,
    specs: readonly AssociationSpecInput[],
  ): number[] {
    return specs.map((spec) => {
      const type = this.typeOf(spec.associationTypeId);
      if (!type || type.fromObjectTypeId !== fromTypeId || type.toObjectTypeId !== toTypeId) {
        throw validationError(
          `${spec.associationTypeId} is not a valid association type id from ${fromTypeId} to ${toTypeId}`,
        );
      }
      if (type.category !== spec.associationCategory) {
        throw validationError(
          `association type id ${spec.associationTypeId} is ${type.category}, not ${spec.associationCategory}`,
        );
      }
      return type.typeId;
    });
  }

  private entry(from: RecordRef, to: RecordRef, create: boolean): EdgeEntry | undefined {
    let targets = this.data.edges.get(refKey(from));
    if (!targets && create) {
      targets = new Map();
      this.data.edges.set(refKey(from), targets);
    }
    let entry = targets?.get(refKey(to));
    if (!entry && targets && create) {
      entry = { toObjectTypeId: to.objectTypeId, toId: to.id, typeIds: new Set() };
      targets.set(refKey(to), entry);
    }
    return entry;
  }

  add(from: RecordRef, to: RecordRef, typeIds: readonly number[]): void {
    const defaultId = this.defaultTypeId(from.objectTypeId, to.objectTypeId);
    const all = defaultId === undefined ? [...typeIds] : [defaultId, ...typeIds];
    const forward = this.entry(from, to, true);
    const backward = this.entry(to, from, true);
    for (const typeId of all) {
      forward?.typeIds.add(typeId);
      const inverse = this.typeOf(typeId)?.inverseTypeId;
      if (inverse !== undefined) backward?.typeIds.add(inverse);
    }
    this.changed();
  }

  /** Removes every type between two records, both ways; false when there was none. */
  remove(from: RecordRef, to: RecordRef): boolean {
    const existed = (this.entry(from, to, false)?.typeIds.size ?? 0) > 0;
    this.data.edges.get(refKey(from))?.delete(refKey(to));
    this.data.edges.get(refKey(to))?.delete(refKey(from));
    if (existed) this.changed();
    return existed;
  }

  /** Removes some types (labels) between two records, both ways. */
  removeTypes(from: RecordRef, to: RecordRef, typeIds: readonly number[]): void {
    const forward = this.entry(from, to, false);
    const backward = this.entry(to, from, false);
    for (const typeId of typeIds) {
      forward?.typeIds.delete(typeId);
      const inverse = this.typeOf(typeId)?.inverseTypeId;
      if (inverse !== undefined) backward?.typeIds.delete(inverse);
    }
    if (forward?.typeIds.size === 0) this.remove(from, to);
    this.changed();
  }

  /** The records of `toTypeId` associated with `from`, in id order, with their type ids. */
  targets(from: RecordRef, toTypeId: string): { toId: string; typeIds: number[] }[] {
    const targets = this.data.edges.get(refKey(from));
    if (!targets) return [];
    return [...targets.values()]
      .filter((e) => e.toObjectTypeId === toTypeId && e.typeIds.size > 0)
      .map((e) => ({ toId: e.toId, typeIds: [...e.typeIds].sort((a, b) => a - b) }))
      .sort((a, b) => Number(a.toId) - Number(b.toId) || a.toId.localeCompare(b.toId));
  }

  /** Forgets a record's associations (it was archived). */
  removeAllFor(ref: RecordRef): void {
    const targets = this.data.edges.get(refKey(ref));
    if (!targets) return;
    for (const entry of targets.values()) {
      this.data.edges
        .get(refKey({ objectTypeId: entry.toObjectTypeId, id: entry.toId }))
        ?.delete(refKey(ref));
    }
    this.data.edges.delete(refKey(ref));
    this.changed();
  }

  private allocate(
    fields: Omit<AssociationTypeDef, 'typeId' | 'createdAt' | 'updatedAt'>,
  ): AssociationTypeDef {
    const now = toIso(this.clock.now());
    const type = {
      typeId: this.data.counters.associationTypeId++,
      ...fields,
      createdAt: now,
      updatedAt: now,
    };
    this.data.associationTypes.set(type.typeId, type);
    return type;
  }

  /** A pair of inverse USER_DEFINED types; one type when both ends are the same object. */
  private allocatePair(
    fromTypeId: string,
    toTypeId: string,
    name: string,
    label: string | null,
    inverseLabel: string | null,
  ): AssociationTypeDef[] {
    const forward = this.allocate({
      category: 'USER_DEFINED',
      fromObjectTypeId: fromTypeId,
      toObjectTypeId: toTypeId,
      name,
      label,
      inverseTypeId: 0,
    });
    const backward = this.allocate({
      category: 'USER_DEFINED',
      fromObjectTypeId: toTypeId,
      toObjectTypeId: fromTypeId,
      name,
      label: inverseLabel,
      inverseTypeId: forward.typeId,
    });
    forward.inverseTypeId = backward.typeId;
    this.changed();
    return [forward, backward];
  }

  /** The unlabeled types of a custom-object pair (schema `associatedObjects`), made once. */
  definePair(fromTypeId: string, toTypeId: string, name: string): AssociationTypeDef {
    const existing = this.typesBetween(fromTypeId, toTypeId).find((t) => t.label === null);
    if (existing) return existing;
    const [forward] = this.allocatePair(fromTypeId, toTypeId, name, null, null);
    return forward as AssociationTypeDef;
  }

  createLabel(fromTypeId: string, toTypeId: string, input: LabelInput): AssociationTypeDef[] {
    if (this.defaultTypeId(fromTypeId, toTypeId) === undefined) {
      throw validationError(`No association is defined between ${fromTypeId} and ${toTypeId}`);
    }
    if (
      this.typesBetween(fromTypeId, toTypeId).some((t) => t.name === input.name && t.label !== null)
    ) {
      throw alreadyExistsError(
        `An association label named ${input.name} already exists between ${fromTypeId} and ${toTypeId}`,
      );
    }
    return this.allocatePair(
      fromTypeId,
      toTypeId,
      input.name,
      input.label,
      input.inverseLabel ?? input.label,
    );
  }

  private userLabel(fromTypeId: string, toTypeId: string, typeId: number): AssociationTypeDef {
    const type = this.typeOf(typeId);
    if (
      !type ||
      type.category !== 'USER_DEFINED' ||
      type.label === null ||
      type.fromObjectTypeId !== fromTypeId ||
      type.toObjectTypeId !== toTypeId
    ) {
      throw notFoundError(
        `No association label with type id ${typeId} from ${fromTypeId} to ${toTypeId}`,
      );
    }
    return type;
  }

  updateLabel(
    fromTypeId: string,
    toTypeId: string,
    typeId: number,
    label: string,
    inverseLabel?: string,
  ): void {
    const type = this.userLabel(fromTypeId, toTypeId, typeId);
    const now = toIso(this.clock.now());
    Object.assign(type, { label, updatedAt: now });
    const inverse = this.typeOf(type.inverseTypeId);
    if (inverse && inverseLabel !== undefined)
      Object.assign(inverse, { label: inverseLabel, updatedAt: now });
    this.changed();
  }

  deleteLabel(fromTypeId: string, toTypeId: string, typeId: number): void {
    const type = this.userLabel(fromTypeId, toTypeId, typeId);
    const gone = new Set([type.typeId, type.inverseTypeId]);
    for (const targets of this.data.edges.values()) {
      for (const entry of targets.values()) for (const id of gone) entry.typeIds.delete(id);
    }
    for (const id of gone) this.data.associationTypes.delete(id);
    this.changed();
  }
}
