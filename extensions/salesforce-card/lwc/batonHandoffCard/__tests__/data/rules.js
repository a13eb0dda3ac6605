// Handoff rules as the backend stores them in Handoff_Rules__c (handoffRulesOf, as JSON), for an
// org whose settings differ from Baton's defaults.
import { DEFAULT_POLICY } from 'c/batonCore';
import { handoffRulesOf } from '../../../../../../src/core/policy/handoff-rules';

/**
 * The stored rules of a `sales_to_cs` handoff in an org whose policy is the default with
 * `calendar` (timeBasis, workingDays…) over it and `template` over the sales_to_cs template.
 */
export function storedRules({ calendar = {}, template = {} } = {}) {
  const policy = {
    ...DEFAULT_POLICY,
    ...calendar,
    templates: {
      ...DEFAULT_POLICY.templates,
      sales_to_cs: { ...DEFAULT_POLICY.templates.sales_to_cs, ...template },
    },
  };
  return JSON.stringify(handoffRulesOf(policy, 'sales_to_cs'));
}
