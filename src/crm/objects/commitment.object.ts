// Each promise made in sales, as a trackable record with an owner and a due date: the
// commitment log of PROTOCOL section 8, reportable in the CRM (delivered vs at risk).
import { COMMITMENT_STATUSES, COMMITMENT_TYPES } from '../../core';
import { type ObjectDefinition, options } from './object-definition';

export const commitmentObject = {
  key: 'commitment',
  name: 'baton_commitment',
  labels: { singular: 'Commitment', plural: 'Commitments' },
  description: 'A promise made to the customer during the sale, owned and dated.',
  primaryDisplayProperty: 'description',
  secondaryDisplayProperties: ['status', 'due_date', 'owner'],
  searchableProperties: ['description', 'commitment_key'],
  requiredProperties: ['commitment_key', 'description'],
  keyProperty: 'commitment_key',
  groups: [{ name: 'baton_commitment', label: 'Commitment' }],
  properties: [
    {
      name: 'commitment_key',
      label: 'Commitment key',
      description: 'Handoff key and commitment id: the unique key Baton upserts by.',
      type: 'string',
      group: 'baton_commitment',
      unique: true,
      calculated: true,
    },
    {
      name: 'handoff_key',
      label: 'Handoff key',
      description: 'The handoff this commitment was recorded in.',
      type: 'string',
      group: 'baton_commitment',
      calculated: true,
    },
    {
      name: 'description',
      label: 'Commitment',
      description: 'What was promised.',
      type: 'text',
      group: 'baton_commitment',
    },
    {
      name: 'commitment_type',
      label: 'Type',
      description: 'Scope, service, timeline, commercial, or verbal.',
      type: 'enumeration',
      group: 'baton_commitment',
      options: options(COMMITMENT_TYPES),
    },
    {
      name: 'owner',
      label: 'Owner',
      description: 'Who delivers it.',
      type: 'string',
      group: 'baton_commitment',
    },
    {
      name: 'due_date',
      label: 'Due date',
      description: 'When it is due.',
      type: 'date',
      group: 'baton_commitment',
    },
    {
      name: 'in_contract',
      label: 'In the contract',
      description: 'Written in the contract (or only said).',
      type: 'bool',
      group: 'baton_commitment',
    },
    {
      name: 'status',
      label: 'Status',
      description: 'Open, in progress, delivered, at risk, or renegotiated.',
      type: 'enumeration',
      group: 'baton_commitment',
      options: options(COMMITMENT_STATUSES),
    },
  ],
} as const satisfies ObjectDefinition;
