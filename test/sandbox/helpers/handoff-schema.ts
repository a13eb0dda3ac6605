// A custom object like Baton's handoff, with a unique `handoff_key`, for tests that need one.
import type { Client } from '@hubspot/api-client';
import {
  type ObjectSchemaEgg,
  ObjectTypePropertyCreateTypeEnum as Type,
} from '@hubspot/api-client/lib/codegen/crm/schemas';

export const handoffEgg = (name = 'test_handoff'): ObjectSchemaEgg => ({
  name,
  labels: { singular: 'Handoff', plural: 'Handoffs' },
  description: 'A sales-to-CS handoff',
  primaryDisplayProperty: 'handoff_name',
  secondaryDisplayProperties: ['status'],
  searchableProperties: ['handoff_name', 'handoff_key'],
  requiredProperties: ['handoff_key'],
  properties: [
    {
      name: 'handoff_key',
      label: 'Handoff key',
      type: Type.String,
      fieldType: 'text',
      hasUniqueValue: true,
    },
    { name: 'handoff_name', label: 'Handoff name', type: Type.String, fieldType: 'text' },
    {
      name: 'status',
      label: 'Status',
      type: Type.Enumeration,
      fieldType: 'select',
      options: [
        { label: 'Draft', value: 'draft', displayOrder: 0, hidden: false },
        { label: 'Submitted', value: 'submitted', displayOrder: 1, hidden: false },
        { label: 'Accepted', value: 'accepted', displayOrder: 2, hidden: false },
      ],
    },
    { name: 'completeness', label: 'Completeness', type: Type.Number, fieldType: 'number' },
    { name: 'accepted', label: 'Accepted', type: Type.Bool, fieldType: 'booleancheckbox' },
    { name: 'due_date', label: 'Due date', type: Type.Date, fieldType: 'date' },
  ],
  associatedObjects: ['DEAL', 'COMPANY', '0-1'],
});

/** Creates the handoff object and returns its `objectTypeId`. */
export async function defineHandoff(client: Client, name?: string): Promise<string> {
  const schema = await client.crm.schemas.coreApi.create(handoffEgg(name));
  if (!schema.objectTypeId) throw new Error('the new schema has no objectTypeId');
  return schema.objectTypeId;
}
