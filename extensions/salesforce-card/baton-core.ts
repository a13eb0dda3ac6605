// The entry of the `batonCore` Lightning module: what the Lightning card (lwc/batonHandoffCard)
// takes from the core and from the HubSpot card's wording, so the card scores, times and guards a
// handoff with the code the backend runs and says it in the same words as the HubSpot card.
// scripts/salesforce/bundle-lightning-card.ts bundles it with esbuild into one ES module that
// imports nothing (force-app/main/default/lwc/batonCore/batonCore.js); the card's tests
// (jest.lwc.config.js) import this TypeScript directly.
export {
  AGENDA_LABELS,
  AGENDA_SEGMENTS,
  CATEGORY_LABELS,
  CHURN_RISKS,
  COMMITMENT_STATUSES,
  COMMITMENT_TYPES,
  DEFAULT_POLICY,
  HANDOFF_ITEMS,
  MEETING_PARTICIPANTS,
  PARTICIPANT_LABELS,
  RELATIONSHIP_STRENGTHS,
  SENTIMENTS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_ROLE_LABELS,
  STATE_LABELS,
  actionForButton,
  analyzeHandoff,
  applyAction,
  availableActions,
  buildChecklist,
  describeFieldError,
  handoffDocumentSchema,
  isIsoDateTime,
  lifecycleActionSchema,
  maySend,
  namedGaps,
  nextAction,
  parseWith,
  policyUnderRules,
  requiredParticipants,
  toIso,
} from '../../src/core';
export {
  ACTION_LABELS,
  BAND,
  CLOCK_STATUS,
  QUALITY_PART_LABELS,
  SLA_STATE,
  formatInstant,
  formatPoints,
} from '../handoff-card/card-text';
export { cardWrite } from './record-fields';
export {
  CHILD_OBJECTS,
  RECORD_LINKS_FIELD,
  childRecords,
  linksValue,
  readLinks,
} from './child-records';
