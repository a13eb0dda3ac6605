// The test server's records in memory, and the sObject-collection rules it applies to them:
// required master-detail fields, no reparenting, allOrNone rollback, Salesforce's result shapes.
import { type TestRecord, seedRecords } from './seed';

export interface ItemError {
  statusCode: string;
  message: string;
  fields: string[];
}

export interface ItemResult {
  id: string | null;
  success: boolean;
  errors: ItemError[];
  created?: boolean;
}

const KEY_PREFIX: Record<string, string> = {
  Task: '00T',
  Baton_Handoff__c: 'a01',
  Baton_Commitment__c: 'a02',
  Baton_Stakeholder__c: 'a03',
};

/** Master-detail fields: required on create, not writable on update (not reparentable). */
export const MASTER_DETAIL: Record<string, { field: string; parent: string }> = {
  Baton_Handoff__c: { field: 'Opportunity__c', parent: 'Opportunity' },
  Baton_Commitment__c: { field: 'Handoff__c', parent: 'Baton_Handoff__c' },
  Baton_Stakeholder__c: { field: 'Handoff__c', parent: 'Baton_Handoff__c' },
};

export const WRITABLE = new Set(['Task', 'Opportunity', ...Object.keys(MASTER_DETAIL)]);

const error = (statusCode: string, message: string, fields: string[] = []): ItemError => ({
  statusCode,
  message,
  fields,
});

export class TestRecords {
  private byType = new Map<string, Map<string, TestRecord>>();
  private sequence = 0;
  /**
   * Whether the org has a custom field (`Type.Name__c`), as its deployed metadata says; a write
   * naming one it lacks is refused whole, as Salesforce refuses it. Unset: every field exists.
   */
  hasCustomField: ((type: string, field: string) => boolean) | null = null;

  constructor() {
    for (const [type, records] of Object.entries(seedRecords())) {
      for (const record of records) this.table(type).set(record.Id, { ...record });
    }
  }

  table(type: string): Map<string, TestRecord> {
    let table = this.byType.get(type);
    if (!table) this.byType.set(type, (table = new Map()));
    return table;
  }

  list(type: string): TestRecord[] {
    return [...this.table(type).values()];
  }

  get(type: string, id: string): TestRecord | undefined {
    return this.table(type).get(id);
  }

  typeOf(id: string): string | null {
    for (const [type, table] of this.byType) if (table.has(id)) return type;
    return null;
  }

  private newId(type: string): string {
    this.sequence++;
    return `${KEY_PREFIX[type] ?? 'a09'}${String(this.sequence).padStart(12, '0')}AAA`;
  }

  private checkReferences(type: string, fields: Record<string, unknown>): ItemError | null {
    const master = MASTER_DETAIL[type];
    if (master && fields[master.field] != null) {
      if (!this.get(master.parent, String(fields[master.field])))
        return error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [master.field]);
    }
    if (type === 'Task' && fields.WhatId != null && !this.typeOf(String(fields.WhatId)))
      return error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['WhatId']);
    if (type === 'Task' && fields.OwnerId != null && !this.get('User', String(fields.OwnerId)))
      return error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['OwnerId']);
    return null;
  }

  /** Plans one write without applying it, so allOrNone can refuse the whole collection. */
  plan(
    type: string,
    fields: Record<string, unknown>,
    mode: { op: 'create' } | { op: 'update'; id: unknown } | { op: 'upsert'; field: string },
  ): { error: ItemError } | { apply: () => ItemResult } {
    if (!WRITABLE.has(type))
      return { error: error('INVALID_TYPE', `${type} is not writable on this test server`) };
    const unknown = Object.keys(fields).find(
      (field) => field.endsWith('__c') && this.hasCustomField?.(type, field) === false,
    );
    if (unknown)
      return {
        error: error('INVALID_FIELD', `No such column '${unknown}' on sobject of type ${type}`, [
          unknown,
        ]),
      };
    let existing: TestRecord | undefined;
    if (mode.op === 'update') {
      existing = this.get(type, String(mode.id));
      if (!existing) return { error: error('ENTITY_IS_DELETED', 'entity is deleted', []) };
    } else if (mode.op === 'upsert') {
      const value = fields[mode.field];
      if (typeof value !== 'string' || value === '')
        return {
          error: error('REQUIRED_FIELD_MISSING', `${mode.field} is required`, [mode.field]),
        };
      existing = this.list(type).find((record) => record[mode.field] === value);
    }
    const master = MASTER_DETAIL[type];
    if (master && existing && master.field in fields)
      return {
        error: error(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${master.field}.`,
          [master.field],
        ),
      };
    if (master && !existing && fields[master.field] == null)
      return {
        error: error('REQUIRED_FIELD_MISSING', `Required fields are missing: [${master.field}]`, [
          master.field,
        ]),
      };
    const refused = this.checkReferences(type, fields);
    if (refused) return { error: refused };
    return {
      apply: () => {
        if (existing) {
          Object.assign(existing, fields);
          return { id: existing.Id, success: true, errors: [], created: false };
        }
        const Id = this.newId(type);
        this.table(type).set(Id, { ...fields, Id });
        return { id: Id, success: true, errors: [], created: true };
      },
    };
  }

  /** Deletes a record and, as master-detail does, its children. */
  delete(id: string): boolean {
    const type = this.typeOf(id);
    if (type === null) return false;
    this.table(type).delete(id);
    for (const [childType, master] of Object.entries(MASTER_DETAIL)) {
      if (master.parent !== type) continue;
      for (const child of this.list(childType))
        if (child[master.field] === id) this.delete(child.Id);
    }
    return true;
  }
}
