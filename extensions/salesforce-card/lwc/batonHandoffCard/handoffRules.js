// The rules the card scores, times and guards a handoff by: the ones the backend stored on it
// (Handoff_Rules__c: its type's template and the org's calendar, as `baton settings apply` left
// them when Baton last wrote the handoff), rebuilt into a policy by the core (policyUnderRules).
// A handoff written before rules were stored runs on Baton's defaults without a word; stored rules
// the card cannot use run it on the defaults too, and the card says so, since the scores and
// clocks may then differ from the backend's. The card never writes the field: it is the backend's.
import { DEFAULT_POLICY, policyUnderRules } from 'c/batonCore';

/**
 * @param stored the field's value as read (JSON text, or null when the backend stored none)
 * @returns `{ policy, note }`: the policy to use, and why it is the default one, or null
 */
export function rulesOf(stored) {
  const { policy, problem } = policyUnderRules(stored ?? null, DEFAULT_POLICY);
  return { policy, note: problem ? `Scored by Baton's default rules: ${problem}.` : null };
}
