// The technical section: the customer's environment, integrations, data and security.
import { textSectionForm } from './TextSectionForm';

export const TECHNICAL_FIELDS = [
  'environment',
  'integrations',
  'dataMigration',
  'securityCompliance',
  'validationStatus',
] as const;

export const TechnicalForm = textSectionForm({
  key: 'technical',
  category: 'technical',
  title: 'Technical',
  testId: 'technical',
  saveLabel: 'Save technical details',
  fields: TECHNICAL_FIELDS,
});
