// The rules one handoff runs by: its type's template and the calendar its clocks count in, as
// the account's policy had them when Baton last wrote the handoff. They are stored beside the
// document (`handoff_rules`), so a card that cannot ask the backend for the account's settings
// (the Salesforce card) scores, times and guards the handoff by the same rules as the backend.
import { HANDOFF_TYPES, type HandoffType } from '../document/vocabulary';
import { type HandoffTemplate, type Policy, policySchema } from './policy.schema';

export interface HandoffRules {
  handoffType: HandoffType;
  timeBasis: Policy['timeBasis'];
  workingDays: number[];
  holidays: string[];
  timeZone: string;
  atRiskRatio: number;
  meetingReminderHours: number;
  template: HandoffTemplate;
}

export function handoffRulesOf(policy: Policy, handoffType: HandoffType): HandoffRules {
  return {
    handoffType,
    timeBasis: policy.timeBasis,
    workingDays: [...policy.workingDays],
    holidays: [...policy.holidays],
    timeZone: policy.timeZone,
    atRiskRatio: policy.atRiskRatio,
    meetingReminderHours: policy.meetingReminderHours,
    template: policy.templates[handoffType],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The policy a handoff's stored rules make: `fallback` with their calendar and their type's
 * template. Rules that are absent, not JSON, or no longer valid give `fallback` itself (a handoff
 * written before rules were stored, or by an older Baton), with the reason.
 */
export function policyUnderRules(
  stored: unknown,
  fallback: Policy,
): { policy: Policy; problem: string | null } {
  if (stored === null || stored === undefined || stored === '')
    return { policy: fallback, problem: null };
  let rules: unknown = stored;
  if (typeof stored === 'string') {
    try {
      rules = JSON.parse(stored);
    } catch {
      return { policy: fallback, problem: 'the stored handoff rules are not JSON' };
    }
  }
  if (
    !isRecord(rules) ||
    !HANDOFF_TYPES.includes(rules.handoffType as HandoffType) ||
    !isRecord(rules.template)
  )
    return { policy: fallback, problem: 'the stored handoff rules name no handoff type' };
  const { handoffType, template, ...calendar } = rules;
  const parsed = policySchema.safeParse({
    ...fallback,
    ...calendar,
    templates: { ...fallback.templates, [handoffType as HandoffType]: template },
  });
  if (!parsed.success)
    return { policy: fallback, problem: 'the stored handoff rules are no longer valid' };
  return { policy: parsed.data, problem: null };
}
