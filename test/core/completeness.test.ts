import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type HandoffTemplate,
  type MissingItem,
  percent,
  scoreCompleteness,
} from '../../src/core';
import {
  completeHandoff,
  example,
  exampleJson,
  handoff,
  policyWith,
} from '../helpers/handoff-factory';

const SALES_TO_CS = DEFAULT_POLICY.templates.sales_to_cs;

/** PROTOCOL.md section 3, in the order the template lists them. */
const PROTOCOL_ITEMS: MissingItem[] = [
  {
    path: 'customerContext.companyOverview',
    label: 'Company overview',
    category: 'customer_context',
  },
  { path: 'customerContext.industry', label: 'Industry', category: 'customer_context' },
  {
    path: 'customerContext.businessChallenge',
    label: 'Business challenge',
    category: 'customer_context',
  },
  {
    path: 'customerContext.purchaseContext',
    label: 'Purchase context',
    category: 'customer_context',
  },
  { path: 'customerContext.whyNow', label: 'Why now', category: 'customer_context' },
  {
    path: 'stakeholders.executive_sponsor',
    label: 'Executive sponsor: name and title',
    category: 'stakeholders',
  },
  { path: 'stakeholders.champion', label: 'Champion: name and title', category: 'stakeholders' },
  {
    path: 'stakeholders.economic_buyer',
    label: 'Economic buyer: name and title',
    category: 'stakeholders',
  },
  {
    path: 'stakeholders.technical_lead',
    label: 'Technical lead: name and title',
    category: 'stakeholders',
  },
  { path: 'objectives.primaryObjective', label: 'Primary objective', category: 'objectives' },
  { path: 'objectives.successCriteria', label: 'Success criteria', category: 'objectives' },
  { path: 'objectives.roiExpectation', label: 'ROI expectation', category: 'objectives' },
  {
    path: 'commitments.described',
    label: 'At least one commitment with a description',
    category: 'commitments',
  },
  {
    path: 'commitments.ownersAndDueDates',
    label: 'Every commitment has an owner and a due date',
    category: 'commitments',
  },
  { path: 'technical.environment', label: 'Technical environment', category: 'technical' },
  { path: 'technical.integrations', label: 'Integrations', category: 'technical' },
  { path: 'technical.securityCompliance', label: 'Security and compliance', category: 'technical' },
  {
    path: 'implementation.startDate',
    label: 'Implementation start date',
    category: 'implementation',
  },
  { path: 'implementation.goLiveDate', label: 'Go-live date', category: 'implementation' },
  {
    path: 'implementation.customerResources',
    label: 'Customer resources',
    category: 'implementation',
  },
  { path: 'commercial.contractValue', label: 'Contract value', category: 'commercial' },
  { path: 'commercial.paymentTerms', label: 'Payment terms', category: 'commercial' },
  { path: 'risks.objections', label: 'Objections raised', category: 'risks' },
  { path: 'risks.remainingConcerns', label: 'Remaining concerns', category: 'risks' },
  { path: 'risks.churnRisk', label: 'Churn risk rating', category: 'risks' },
];

const COMMITMENT_ITEMS = ['commitments.described', 'commitments.ownersAndDueDates'];

function missingPaths(doc: HandoffDocument, template: HandoffTemplate = SALES_TO_CS): string[] {
  return scoreCompleteness(doc, template).missing.map((item) => item.path);
}

function templateRequiring(requiredItems: string[]): HandoffTemplate {
  return policyWith({ templates: { sales_to_cs: { requiredItems } } }).templates.sales_to_cs;
}

const complete = exampleJson('complete') as {
  objectives: Record<string, unknown>;
  customerContext: Record<string, unknown>;
};

describe('the default sales_to_cs template', () => {
  it('requires exactly the 25 items of the protocol, each once', () => {
    expect(SALES_TO_CS.requiredItems).toEqual(PROTOCOL_ITEMS.map((item) => item.path));
  });

  it('requires 5 customer context, 4 stakeholder, 3 objective, 2 commitment, 3 technical, 3 implementation, 2 commercial and 3 risk items', () => {
    const perCategory = scoreCompleteness(handoff(), SALES_TO_CS).missing.reduce<
      Record<string, number>
    >((counts, item) => ({ ...counts, [item.category]: (counts[item.category] ?? 0) + 1 }), {});
    expect(perCategory).toEqual({
      customer_context: 5,
      stakeholders: 4,
      objectives: 3,
      commitments: 2,
      technical: 3,
      implementation: 3,
      commercial: 2,
      risks: 3,
    });
  });
});

describe('scoreCompleteness', () => {
  describe('score', () => {
    it('scores the complete handoff 100 with nothing missing', () => {
      expect(scoreCompleteness(completeHandoff(), SALES_TO_CS)).toEqual({
        score: 100,
        filled: 25,
        required: 25,
        missing: [],
      });
    });

    it('scores a handoff with only a deal 0 and lists all 25 items with path, label and category', () => {
      expect(scoreCompleteness(handoff(), SALES_TO_CS)).toEqual({
        score: 0,
        filled: 0,
        required: 25,
        missing: PROTOCOL_ITEMS,
      });
    });

    it('takes 4 points off for each missing item of the default template', () => {
      const doc = completeHandoff({
        objectives: { ...complete.objectives, roiExpectation: 'TBD', successCriteria: '' },
      });
      const result = scoreCompleteness(doc, SALES_TO_CS);
      expect(result.score).toBe(92);
      expect(result.filled).toBe(23);
    });

    it('rounds a score of exactly x.5 up', () => {
      const eight = templateRequiring([
        'customerContext.companyOverview',
        'customerContext.industry',
        'customerContext.businessChallenge',
        'customerContext.purchaseContext',
        'customerContext.whyNow',
        'objectives.primaryObjective',
        'objectives.successCriteria',
        'objectives.roiExpectation',
      ]);
      // 1 of 8 is 12.5 %, 3 of 8 is 37.5 %, 5 of 8 is 62.5 %.
      expect(
        scoreCompleteness(handoff({ customerContext: { companyOverview: 'Freight' } }), eight)
          .score,
      ).toBe(13);
      expect(
        scoreCompleteness(
          handoff({
            customerContext: {
              companyOverview: 'Freight',
              industry: 'Logistics',
              whyNow: 'Penalties',
            },
          }),
          eight,
        ).score,
      ).toBe(38);
      expect(
        scoreCompleteness(
          handoff({
            customerContext: {
              companyOverview: 'Freight',
              industry: 'Logistics',
              whyNow: 'Penalties',
            },
            objectives: { primaryObjective: 'Halve late deliveries', roiExpectation: 'USD 400k' },
          }),
          eight,
        ).score,
      ).toBe(63);
    });

    it('rounds a fraction below .5 down', () => {
      const three = templateRequiring([
        'customerContext.companyOverview',
        'customerContext.industry',
        'customerContext.whyNow',
      ]);
      expect(
        scoreCompleteness(handoff({ customerContext: { companyOverview: 'Freight' } }), three)
          .score,
      ).toBe(33);
      expect(
        scoreCompleteness(
          handoff({ customerContext: { companyOverview: 'Freight', industry: 'Logistics' } }),
          three,
        ).score,
      ).toBe(67);
    });

    it('scores 100 when the template requires nothing', () => {
      expect(scoreCompleteness(handoff(), templateRequiring([]))).toEqual({
        score: 100,
        filled: 0,
        required: 0,
        missing: [],
      });
    });
  });

  describe('missing items', () => {
    it('names a missing objective by path, label and category', () => {
      const doc = completeHandoff({ objectives: { ...complete.objectives, roiExpectation: null } });
      expect(scoreCompleteness(doc, SALES_TO_CS).missing).toEqual([
        { path: 'objectives.roiExpectation', label: 'ROI expectation', category: 'objectives' },
      ]);
    });

    it('names a missing stakeholder role by path, label and category', () => {
      const doc = completeHandoff({
        stakeholders: example('complete').stakeholders?.filter(
          (stakeholder) => stakeholder.role !== 'champion',
        ),
      });
      expect(scoreCompleteness(doc, SALES_TO_CS).missing).toEqual([
        {
          path: 'stakeholders.champion',
          label: 'Champion: name and title',
          category: 'stakeholders',
        },
      ]);
    });

    it('lists missing items in the order of the template', () => {
      const doc = completeHandoff({
        risks: null,
        customerContext: { ...complete.customerContext, industry: 'TBD' },
      });
      expect(missingPaths(doc)).toEqual([
        'customerContext.industry',
        'risks.objections',
        'risks.remainingConcerns',
        'risks.churnRisk',
      ]);
    });

    it('ignores items the template does not require', () => {
      const doc = completeHandoff({
        customerContext: {
          ...complete.customerContext,
          size: '',
          whyUs: 'TBD',
          alternativesEvaluated: null,
        },
      });
      expect(scoreCompleteness(doc, SALES_TO_CS).score).toBe(100);
    });
  });

  describe('the commitments rule', () => {
    it('counts both commitment items missing when there are no commitments', () => {
      expect(missingPaths(completeHandoff({ commitments: null }))).toEqual(COMMITMENT_ITEMS);
      expect(missingPaths(completeHandoff({ commitments: [] }))).toEqual(COMMITMENT_ITEMS);
    });

    it('counts only the owners item missing when the one commitment has no owner', () => {
      const doc = completeHandoff({
        commitments: [{ description: 'TMS integration', dueDate: '2026-12-15' }],
      });
      expect(missingPaths(doc)).toEqual(['commitments.ownersAndDueDates']);
    });

    it('counts the owners item missing when one commitment of several has no due date', () => {
      const doc = completeHandoff({
        commitments: [
          { description: 'TMS integration', owner: 'Implementation', dueDate: '2026-12-15' },
          { description: 'Weekly check-ins', owner: 'CSM', dueDate: 'TBD' },
        ],
      });
      expect(missingPaths(doc)).toEqual(['commitments.ownersAndDueDates']);
    });

    it('counts a placeholder owner as no owner', () => {
      const doc = completeHandoff({
        commitments: [{ description: 'TMS integration', owner: 'TBD', dueDate: '2026-12-15' }],
      });
      expect(missingPaths(doc)).toEqual(['commitments.ownersAndDueDates']);
    });

    it('counts only the description item missing when commitments have owners and dates but no description', () => {
      const doc = completeHandoff({
        commitments: [{ owner: 'CSM', dueDate: '2026-12-15', description: '  ' }],
      });
      expect(missingPaths(doc)).toEqual(['commitments.described']);
    });

    it('needs only one described commitment among several', () => {
      const doc = completeHandoff({
        commitments: [
          { description: 'TMS integration', owner: 'Implementation', dueDate: '2026-12-15' },
          { owner: 'CSM', dueDate: '2027-01-15' },
        ],
      });
      expect(missingPaths(doc)).toEqual([]);
    });
  });

  describe('stakeholders', () => {
    it('needs both a name and a title in the role', () => {
      expect(
        missingPaths(completeHandoff({ stakeholders: [{ role: 'champion', name: 'Lee Ortega' }] })),
      ).toContain('stakeholders.champion');
      expect(
        missingPaths(
          completeHandoff({ stakeholders: [{ role: 'champion', title: 'Director of Dispatch' }] }),
        ),
      ).toContain('stakeholders.champion');
      expect(
        missingPaths(
          completeHandoff({
            stakeholders: [{ role: 'champion', name: 'Lee Ortega', title: 'Director of Dispatch' }],
          }),
        ),
      ).not.toContain('stakeholders.champion');
    });

    it('does not combine a name and a title from two people in the same role', () => {
      const doc = completeHandoff({
        stakeholders: [
          { role: 'champion', name: 'Lee Ortega', title: '' },
          { role: 'champion', name: 'TBD', title: 'Director of Dispatch' },
        ],
      });
      expect(missingPaths(doc)).toContain('stakeholders.champion');
    });

    it('does not count a person in another role', () => {
      const doc = completeHandoff({
        stakeholders: [{ role: 'other', name: 'Lee Ortega', title: 'Director of Dispatch' }],
      });
      expect(missingPaths(doc)).toEqual([
        'stakeholders.executive_sponsor',
        'stakeholders.champion',
        'stakeholders.economic_buyer',
        'stakeholders.technical_lead',
      ]);
    });

    it('counts one person listed in two roles for both', () => {
      const doc = completeHandoff({
        stakeholders: [
          { role: 'executive_sponsor', name: 'Grace Liu', title: 'CFO' },
          { role: 'economic_buyer', name: 'Grace Liu', title: 'CFO' },
        ],
      });
      expect(missingPaths(doc)).toEqual(['stakeholders.champion', 'stakeholders.technical_lead']);
    });
  });

  describe('N/A versus placeholders', () => {
    it.each(['N/A', 'n/a'])('counts %p as filled', (value) => {
      const doc = completeHandoff({
        customerContext: { ...complete.customerContext, industry: value },
      });
      expect(scoreCompleteness(doc, SALES_TO_CS).score).toBe(100);
    });

    it.each(['TBD', 'TODO', '?', '-', '...', 'n/a?', '   ', '', 'TBD after legal review'])(
      'counts %p as missing',
      (value) => {
        const doc = completeHandoff({
          customerContext: { ...complete.customerContext, industry: value },
        });
        expect(missingPaths(doc)).toEqual(['customerContext.industry']);
      },
    );

    it('counts a stakeholder named N/A with title N/A as mapped', () => {
      const doc = completeHandoff({
        stakeholders: [
          ...(example('complete').stakeholders ?? []).filter(
            (stakeholder) => stakeholder.role !== 'technical_lead',
          ),
          { role: 'technical_lead', name: 'N/A', title: 'N/A' },
        ],
      });
      expect(scoreCompleteness(doc, SALES_TO_CS).score).toBe(100);
    });

    it('counts a placeholder in a date field as missing', () => {
      const doc = completeHandoff({
        implementation: {
          startDate: 'TBD',
          goLiveDate: '2027-02-15',
          customerResources: 'One analyst',
        },
      });
      expect(missingPaths(doc)).toEqual(['implementation.startDate']);
    });

    it('counts a contract value of 0 as filled', () => {
      const doc = completeHandoff({ commercial: { contractValue: 0, paymentTerms: 'Net 30' } });
      expect(scoreCompleteness(doc, SALES_TO_CS).score).toBe(100);
    });
  });

  describe('other templates', () => {
    it('counts the extra items a template requires', () => {
      const result = scoreCompleteness(example('strategic'), DEFAULT_POLICY.templates.pre_close);
      expect(result).toEqual({
        score: 96,
        filled: 25,
        required: 26,
        missing: [
          {
            path: 'deal.closedWonAt',
            label: 'Signed contract (deal closed-won)',
            category: 'deal',
          },
        ],
      });
    });

    it('requires the POC validation status for poc_to_paid', () => {
      const doc = completeHandoff({
        handoffType: 'poc_to_paid',
        technical: { environment: 'Azure', integrations: 'TMS', securityCompliance: 'SOC 2' },
      });
      const result = scoreCompleteness(doc, DEFAULT_POLICY.templates.poc_to_paid);
      expect(result.required).toBe(26);
      expect(result.score).toBe(96);
      expect(result.missing).toEqual([
        {
          path: 'technical.validationStatus',
          label: 'Technical validation (POC) status',
          category: 'technical',
        },
      ]);
    });

    it('scores against a template CS ops changed', () => {
      const template = templateRequiring([
        'customerContext.size',
        'implementation.milestones',
        'deal.amount',
        'risks.howHandled',
      ]);
      const doc = handoff({
        customerContext: { size: 'Mid-market' },
        implementation: { milestones: [{ name: 'Pilot', date: 'TBD' }] },
      });
      expect(scoreCompleteness(doc, template)).toEqual({
        score: 25,
        filled: 1,
        required: 4,
        missing: [
          {
            path: 'implementation.milestones',
            label: 'At least one milestone with a name and date',
            category: 'implementation',
          },
          { path: 'deal.amount', label: 'Deal amount', category: 'deal' },
          { path: 'risks.howHandled', label: 'How objections were handled', category: 'risks' },
        ],
      });
    });
  });

  describe('the examples', () => {
    it('scores complete 100', () => {
      expect(scoreCompleteness(example('complete'), SALES_TO_CS).score).toBe(100);
    });

    it('scores thin 28: 7 of 25', () => {
      const result = scoreCompleteness(example('thin'), SALES_TO_CS);
      expect(result.score).toBe(28);
      expect(result.filled).toBe(7);
      expect(result.missing.map((item) => item.path)).toEqual([
        'customerContext.businessChallenge',
        'customerContext.purchaseContext',
        'customerContext.whyNow',
        'stakeholders.executive_sponsor',
        'stakeholders.champion',
        'stakeholders.economic_buyer',
        'stakeholders.technical_lead',
        'objectives.successCriteria',
        'objectives.roiExpectation',
        'commitments.ownersAndDueDates',
        'technical.integrations',
        'technical.securityCompliance',
        'implementation.startDate',
        'implementation.goLiveDate',
        'implementation.customerResources',
        'commercial.paymentTerms',
        'risks.objections',
        'risks.remainingConcerns',
      ]);
    });

    it('scores strategic 96 against pre_close, missing only the signed contract', () => {
      const result = scoreCompleteness(example('strategic'), DEFAULT_POLICY.templates.pre_close);
      expect(result.score).toBe(96);
      expect(result.missing.map((item) => item.path)).toEqual(['deal.closedWonAt']);
    });

    it('scores late 96, missing the owner of a commitment', () => {
      const result = scoreCompleteness(example('late'), SALES_TO_CS);
      expect(result.score).toBe(96);
      expect(result.missing.map((item) => item.path)).toEqual(['commitments.ownersAndDueDates']);
    });
  });
});

describe('percent', () => {
  it('rounds half up', () => {
    expect(percent(1, 8)).toBe(13);
    expect(percent(1, 40)).toBe(3);
  });

  it('gives 100 of nothing', () => {
    expect(percent(0, 0)).toBe(100);
  });
});
