// The platform event the closed-won flow publishes and Baton's listener subscribes to. High
// volume: delivered through the event bus with replay ids (kept for 72 hours), so a listener
// that was away resumes from the last id it stored. Published after commit, so a closed-won
// save that rolls back never asks for a handoff.
import { type XmlElement, el, inMetadataOrder } from './metadata-xml';

export const HANDOFF_REQUESTED_EVENT = {
  apiName: 'Baton_Handoff_Requested__e',
  label: 'Baton handoff requested',
  pluralLabel: 'Baton handoff requests',
  description: 'Published by the Baton flow when an Opportunity is won; Baton starts its handoff.',
  fields: {
    opportunityId: {
      apiName: 'OpportunityId__c',
      label: 'Opportunity ID',
      description: 'The won Opportunity (18-character id).',
      length: 18,
    },
  },
} as const;

export type HandoffRequestedField = keyof typeof HANDOFF_REQUESTED_EVENT.fields;

export function handoffRequestedEventElements(): XmlElement[] {
  const event = HANDOFF_REQUESTED_EVENT;
  return inMetadataOrder([
    el('label', event.label),
    el('pluralLabel', event.pluralLabel),
    el('description', event.description),
    el('deploymentStatus', 'Deployed'),
    el('eventType', 'HighVolume'),
    el('publishBehavior', 'PublishAfterCommit'),
  ]);
}

/** Each event field's `CustomField` children, by API name. */
export function handoffRequestedFieldElements(): Map<string, XmlElement[]> {
  return new Map(
    Object.values(HANDOFF_REQUESTED_EVENT.fields).map((field) => [
      field.apiName,
      inMetadataOrder([
        el('fullName', field.apiName),
        el('label', field.label),
        el('description', field.description),
        el('type', 'Text'),
        el('length', field.length),
        el('required', true),
      ]),
    ]),
  );
}
