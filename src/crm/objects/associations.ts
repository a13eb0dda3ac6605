// How Baton's records hang together in the CRM: the handoff on its deal (labelled
// `primary_handoff`), company and contacts; commitments and stakeholders on their handoff;
// stakeholders on their CRM contact.
import type { AssociationDefinition } from './object-definition';

export const associations = [
  {
    from: 'handoff',
    to: 'deal',
    description: 'The deal a handoff hands off.',
    labels: [
      { name: 'primary_handoff', label: 'Primary handoff', inverseLabel: 'Handed-off deal' },
    ],
  },
  { from: 'handoff', to: 'company', description: 'The customer company.', labels: [] },
  { from: 'handoff', to: 'contact', description: 'Customer contacts on the handoff.', labels: [] },
  {
    from: 'commitment',
    to: 'handoff',
    description: 'The handoff a commitment was recorded in.',
    labels: [{ name: 'recorded_in', label: 'Recorded in', inverseLabel: 'Commitment' }],
  },
  {
    from: 'stakeholder',
    to: 'handoff',
    description: 'The handoff a stakeholder was mapped in.',
    labels: [{ name: 'mapped_in', label: 'Mapped in', inverseLabel: 'Stakeholder' }],
  },
  {
    from: 'stakeholder',
    to: 'contact',
    description: 'The CRM contact behind a stakeholder.',
    labels: [
      {
        name: 'stakeholder_contact',
        label: 'Stakeholder contact',
        inverseLabel: 'Stakeholder record',
      },
    ],
  },
] as const satisfies readonly AssociationDefinition[];
