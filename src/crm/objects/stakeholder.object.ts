// The stakeholder map: each person on the customer side, their role in the deal and how the
// relationship stands, linked to the CRM contact when there is one.
import { RELATIONSHIP_STRENGTHS, SENTIMENTS, STAKEHOLDER_ROLES, STAKEHOLDER_ROLE_LABELS } from '../../core';
import { type ObjectDefinition, options } from './object-definition';

export const stakeholderObject = {
  key: 'stakeholder',
  name: 'baton_stakeholder',
  labels: { singular: 'Stakeholder', plural: 'Stakeholders' },
  description: 'A person on the customer side of a handoff, with their role and sentiment.',
  primaryDisplayProperty: 'full_name',
  secondaryDisplayProperties: ['role', 'job_title', 'sentiment'],
  searchableProperties: ['full_name', 'email', 'stakeholder_key'],
  requiredProperties: ['stakeholder_key', 'role'],
  keyProperty: 'stakeholder_key',
  groups: [{ name: 'baton_stakeholder', label: 'Stakeholder' }],
  properties: [
    {
      name: 'stakeholder_key',
      label: 'Stakeholder key',
      description: 'Handoff key, role and person: the unique key Baton upserts by.',
      type: 'string',
      group: 'baton_stakeholder',
      unique: true,
      calculated: true,
    },
    {
      name: 'handoff_key',
      label: 'Handoff key',
      description: 'The handoff this stakeholder was mapped in.',
      type: 'string',
      group: 'baton_stakeholder',
      calculated: true,
    },
    {
      name: 'role',
      label: 'Role',
      description: 'Their role in the deal.',
      type: 'enumeration',
      group: 'baton_stakeholder',
      options: options(STAKEHOLDER_ROLES, STAKEHOLDER_ROLE_LABELS),
    },
    { name: 'full_name', label: 'Name', description: 'Their name.', type: 'string', group: 'baton_stakeholder' },
    { name: 'job_title', label: 'Title', description: 'Their job title.', type: 'string', group: 'baton_stakeholder' },
    { name: 'email', label: 'Email', description: 'Their email address.', type: 'string', group: 'baton_stakeholder' },
    {
      name: 'objectives',
      label: 'Their objectives',
      description: 'What they personally want from this.',
      type: 'text',
      group: 'baton_stakeholder',
    },
    {
      name: 'communication_preference',
      label: 'Communication preference',
      description: 'How and how often they like to hear from us.',
      type: 'string',
      group: 'baton_stakeholder',
    },
    {
      name: 'relationship_strength',
      label: 'Relationship',
      description: 'Strong, medium, or new.',
      type: 'enumeration',
      group: 'baton_stakeholder',
      options: options(RELATIONSHIP_STRENGTHS),
    },
    {
      name: 'sentiment',
      label: 'Sentiment',
      description: 'Champion, supporter, neutral, or skeptic.',
      type: 'enumeration',
      group: 'baton_stakeholder',
      options: options(SENTIMENTS),
    },
  ],
} as const satisfies ObjectDefinition;
