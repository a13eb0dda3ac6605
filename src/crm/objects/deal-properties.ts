// The properties Baton writes back to the deal (PROTOCOL section 7, step 3), so that the CRM's
// own deal reports can show completeness, quality, state and SLA per rep and team.
import { LIFECYCLE_STATES, QUALITY_BANDS, STATE_LABELS } from '../../core';
import { type PropertyDefinition, type PropertyGroup, options } from './object-definition';

export const DEAL_PROPERTY_GROUP: PropertyGroup = { name: 'baton', label: 'Baton handoff' };

export const dealProperties = [
  {
    name: 'baton_handoff_key',
    label: 'Baton handoff key',
    description: 'The key of the deal’s handoff record.',
    type: 'string',
    group: 'baton',
    calculated: true,
  },
  {
    name: 'baton_status',
    label: 'Handoff state',
    description: 'Where the deal’s handoff is in its lifecycle.',
    type: 'enumeration',
    group: 'baton',
    options: options(LIFECYCLE_STATES, STATE_LABELS),
    calculated: true,
  },
  {
    name: 'baton_completeness',
    label: 'Handoff completeness',
    description: 'Share of the required handoff items filled (0-100).',
    type: 'number',
    group: 'baton',
    format: 'integer',
    calculated: true,
  },
  {
    name: 'baton_quality',
    label: 'Handoff quality',
    description: 'Handoff quality score (0-100).',
    type: 'number',
    group: 'baton',
    format: 'integer',
    calculated: true,
  },
  {
    name: 'baton_quality_band',
    label: 'Handoff quality band',
    description: 'excellent, good, acceptable, or substandard.',
    type: 'enumeration',
    group: 'baton',
    options: options(QUALITY_BANDS),
    calculated: true,
  },
  {
    name: 'baton_sla_state',
    label: 'Handoff SLA',
    description: 'The worst of the handoff’s SLA clocks.',
    type: 'enumeration',
    group: 'baton',
    options: options(['on_track', 'at_risk', 'breached']),
    calculated: true,
  },
  {
    name: 'baton_owner_side',
    label: 'Customer owned by',
    description: 'Sales until CS accepts the handoff, then CS.',
    type: 'enumeration',
    group: 'baton',
    options: options(['sender', 'receiver'], { sender: 'Sales', receiver: 'Customer success' }),
    calculated: true,
  },
  {
    name: 'baton_handoff_date',
    label: 'Handoff accepted at',
    description: 'When CS accepted the handoff.',
    type: 'datetime',
    group: 'baton',
    calculated: true,
  },
  {
    name: 'baton_is_poc',
    label: 'POC conversion',
    description:
      'Set when the deal converts a proof of concept: closed-won starts a POC-to-paid handoff.',
    type: 'bool',
    group: 'baton',
  },
  {
    name: 'baton_strategic',
    label: 'Strategic deal',
    description: 'Strategic deals need the CS manager at the handoff meeting.',
    type: 'bool',
    group: 'baton',
  },
  {
    name: 'baton_csm_owner_id',
    label: 'Assigned CSM',
    description: 'The CSM who receives the handoff (a CRM owner id).',
    type: 'string',
    group: 'baton',
  },
] as const satisfies readonly PropertyDefinition[];
