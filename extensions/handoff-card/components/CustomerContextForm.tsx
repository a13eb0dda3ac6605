// The customer context section: who the customer is, what they bought and why now.
import { textSectionForm } from './TextSectionForm';

export const CUSTOMER_CONTEXT_FIELDS = [
  'companyOverview',
  'industry',
  'size',
  'businessChallenge',
  'purchaseContext',
  'whyUs',
  'whyNow',
  'alternativesEvaluated',
] as const;

export const CustomerContextForm = textSectionForm({
  key: 'customerContext',
  category: 'customer_context',
  title: 'Customer context',
  testId: 'customer-context',
  saveLabel: 'Save customer context',
  fields: CUSTOMER_CONTEXT_FIELDS,
});
