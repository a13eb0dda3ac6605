// The objectives section: what the customer wants to achieve and how success is measured.
import { textSectionForm } from './TextSectionForm';

export const OBJECTIVE_FIELDS = [
  'primaryObjective',
  'successCriteria',
  'roiExpectation',
  'personalWins',
] as const;

export const ObjectivesForm = textSectionForm({
  key: 'objectives',
  category: 'objectives',
  title: 'Objectives',
  testId: 'objectives',
  saveLabel: 'Save objectives',
  fields: OBJECTIVE_FIELDS,
});
