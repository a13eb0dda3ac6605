// The rules stored beside a handoff: its type's template and the calendar, as the account's
// policy had them, and the policy a card rebuilds from them (falling back, with the reason, on
// rules that are absent, not JSON or no longer valid).
import { DEFAULT_POLICY, type Policy, handoffRulesOf, policyUnderRules } from '../../src/core';

/** An account's own policy: stricter sales_to_cs, business days, a holiday. */
const ACCOUNT_POLICY: Policy = {
  ...DEFAULT_POLICY,
  timeBasis: 'business_days',
  holidays: ['2026-12-25'],
  timeZone: 'Europe/Berlin',
  templates: {
    ...DEFAULT_POLICY.templates,
    sales_to_cs: {
      ...DEFAULT_POLICY.templates.sales_to_cs,
      minimumCompleteness: 95,
      sla: { acceptance: { hours: 48 } },
      tasks: [],
    },
  },
};

describe('handoff rules', () => {
  it('carry the type’s template and the calendar, and give back the account’s policy for that type', () => {
    const rules = handoffRulesOf(ACCOUNT_POLICY, 'sales_to_cs');
    expect(rules).toMatchObject({
      handoffType: 'sales_to_cs',
      timeBasis: 'business_days',
      holidays: ['2026-12-25'],
      timeZone: 'Europe/Berlin',
    });
    expect(Object.keys(rules)).not.toContain('templates');
    const { policy, problem } = policyUnderRules(JSON.stringify(rules), DEFAULT_POLICY);
    expect(problem).toBeNull();
    expect(policy.templates.sales_to_cs).toEqual(ACCOUNT_POLICY.templates.sales_to_cs);
    expect(policy.timeBasis).toBe('business_days');
    expect(policy.holidays).toEqual(['2026-12-25']);
    // The other types are the fallback's: the rules speak for one handoff only.
    expect(policy.templates.pre_close).toEqual(DEFAULT_POLICY.templates.pre_close);
  });

  it('fall back to the given policy when absent, and say why when unreadable', () => {
    expect(policyUnderRules(null, DEFAULT_POLICY)).toEqual({
      policy: DEFAULT_POLICY,
      problem: null,
    });
    expect(policyUnderRules('', DEFAULT_POLICY).problem).toBeNull();
    expect(policyUnderRules('{not json', DEFAULT_POLICY)).toEqual({
      policy: DEFAULT_POLICY,
      problem: 'the stored handoff rules are not JSON',
    });
    expect(policyUnderRules({ template: {} }, DEFAULT_POLICY).problem).toBe(
      'the stored handoff rules name no handoff type',
    );
  });

  it('are refused whole when the policy they make is invalid, never half-applied', () => {
    const rules = handoffRulesOf(ACCOUNT_POLICY, 'sales_to_cs');
    // Business days count whole days: a 36-hour window does not fit them.
    const broken = {
      ...rules,
      template: { ...rules.template, sla: { acceptance: { hours: 36 } } },
    };
    expect(policyUnderRules(broken, DEFAULT_POLICY)).toEqual({
      policy: DEFAULT_POLICY,
      problem: 'the stored handoff rules are no longer valid',
    });
    expect(policyUnderRules({ ...rules, surprise: true }, DEFAULT_POLICY).policy).toBe(
      DEFAULT_POLICY,
    );
  });
});
