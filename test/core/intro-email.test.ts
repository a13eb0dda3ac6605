import {
  DEFAULT_POLICY,
  type HandoffDocument,
  type IntroEmail,
  type IntroEmailInput,
  type Policy,
  buildIntroEmail,
  calendarOf,
} from '../../src/core';
import { completeHandoff, example, handoff, policyWith } from '../helpers/handoff-factory';

const AE = { name: 'Jordan Blake', email: 'jordan.blake@baton.example' };
const CSM = { name: 'Casey Morgan', email: 'casey.morgan@baton.example' };

function email(
  doc: HandoffDocument,
  input: IntroEmailInput = { ae: AE, csm: CSM },
  policy: Policy = DEFAULT_POLICY,
): IntroEmail {
  return buildIntroEmail(doc, policy.templates[doc.handoffType], calendarOf(policy), input);
}

function withObjectives(objectives: NonNullable<HandoffDocument['objectives']>): HandoffDocument {
  return completeHandoff({ objectives });
}

describe('buildIntroEmail', () => {
  describe('sender and CSM', () => {
    it('is signed by the AE', () => {
      expect(email(example('complete')).body.endsWith('Best regards,\nJordan Blake\n')).toBe(true);
    });

    it('introduces the CSM by name in the subject and the body', () => {
      const intro = email(example('complete'));
      expect(intro.subject).toBe(
        'Introducing Casey Morgan, your Customer Success Manager for Northwind Logistics - Fleet Platform',
      );
      expect(intro.body).toContain(
        "I'd like to introduce Casey Morgan, who will be your Customer Success Manager from here on (copied here).",
      );
    });

    it('says the CSM has the full context, by first name', () => {
      expect(email(example('complete')).body).toContain(
        "Casey has the full context of our conversations: your goals, what we agreed, and your timeline, so you won't have to repeat yourselves.",
      );
    });

    it('copies the CSM', () => {
      expect(email(example('complete')).cc).toEqual(['casey.morgan@baton.example']);
    });

    it('copies nobody, and does not say so, when the CSM has no email', () => {
      const intro = email(example('complete'), { ae: AE, csm: { name: 'Casey Morgan' } });
      expect(intro.cc).toEqual([]);
      expect(intro.body).not.toContain('(copied here)');
    });

    it('warns and speaks of "your Customer Success Manager" while no CSM is assigned', () => {
      const intro = email(example('complete'), { ae: AE });
      expect(intro.warnings).toEqual([
        'No CSM is assigned yet: the email names "your Customer Success Manager".',
      ]);
      expect(intro.subject).toBe(
        'Introducing your Customer Success Manager for Northwind Logistics - Fleet Platform',
      );
      expect(intro.body).toContain('Next step: they will be in touch to schedule our kickoff');
      expect(intro.cc).toEqual([]);
    });

    it('treats a blank CSM name as no CSM', () => {
      expect(email(example('complete'), { ae: AE, csm: { name: '  ' } }).warnings).toContain(
        'No CSM is assigned yet: the email names "your Customer Success Manager".',
      );
    });

    it('has no warnings for the complete example with an AE and a CSM', () => {
      expect(email(example('complete')).warnings).toEqual([]);
    });
  });

  describe('customer and vendor names', () => {
    it('names the customer by the deal name unless told otherwise', () => {
      expect(
        email(example('complete'), { ae: AE, csm: CSM, customerName: 'Northwind' }).subject,
      ).toBe('Introducing Casey Morgan, your Customer Success Manager for Northwind');
    });

    it('falls back to "your team" when the deal has no name', () => {
      const doc = handoff({ deal: { id: 'deal-1', name: null } });
      expect(email(doc).subject).toBe(
        'Introducing Casey Morgan, your Customer Success Manager for your team',
      );
    });

    it('thanks the customer for choosing the vendor when the vendor is named', () => {
      expect(email(example('complete'), { ae: AE, csm: CSM, vendorName: 'Acme' }).body).toContain(
        'Thank you for choosing Acme.',
      );
      expect(email(example('complete')).body).toContain('Thank you for your trust.');
    });
  });

  describe('objectives', () => {
    it('lists three objectives split from the primary objective and the success criteria', () => {
      const intro = email(example('complete'));
      expect(intro.objectives).toEqual([
        'Halve late deliveries (9% to under 4.5%) by end of Q3',
        'All 14 depots live on live ETAs',
        'Dispatch exceptions handled in-app',
      ]);
      expect(intro.body).toContain(
        'As we discussed, together we are working towards:\n' +
          '  1. Halve late deliveries (9% to under 4.5%) by end of Q3\n' +
          '  2. All 14 depots live on live ETAs\n' +
          '  3. Dispatch exceptions handled in-app\n',
      );
    });

    it('splits on semicolons within the primary objective', () => {
      expect(email(example('strategic')).objectives).toEqual([
        'One scheduling system for all field crews',
        'Cut overtime by 15%',
        'First country live in 120 days',
      ]);
    });

    it('takes one objective from each field when each holds one', () => {
      const intro = email(
        withObjectives({
          primaryObjective: 'Halve late deliveries',
          successCriteria: 'All depots live',
          roiExpectation: 'USD 400k a year saved',
        }),
      );
      expect(intro.objectives).toEqual([
        'Halve late deliveries',
        'All depots live',
        'USD 400k a year saved',
      ]);
    });

    it('never lists more than three', () => {
      const intro = email(
        withObjectives({
          primaryObjective: 'One\nTwo\nThree\nFour',
          successCriteria: 'Five',
          roiExpectation: 'Six',
        }),
      );
      expect(intro.objectives).toEqual(['One', 'Two', 'Three']);
      expect(intro.body).not.toContain('4. ');
    });

    it('splits lines and strips bullets and numbering', () => {
      const intro = email(
        withObjectives({
          primaryObjective: '- Cut churn\r\n* Grow seats',
          successCriteria: '1. Live in 30 days\n2) Ten active teams',
        }),
      );
      expect(intro.objectives).toEqual(['Cut churn', 'Grow seats', 'Live in 30 days']);
    });

    it('skips placeholders and blank lines', () => {
      const intro = email(
        withObjectives({
          primaryObjective: 'TBD',
          successCriteria: '\n?\nFewer no-shows\n',
          roiExpectation: 'n/a?',
        }),
      );
      expect(intro.objectives).toEqual(['Fewer no-shows']);
    });

    it('leaves personal wins out of the email', () => {
      const intro = email(
        withObjectives({
          primaryObjective: 'Halve late deliveries',
          personalWins: 'Lee gets promoted',
        }),
      );
      expect(intro.objectives).toEqual(['Halve late deliveries']);
      expect(intro.body).not.toContain('promoted');
    });

    it('warns and leaves the list out when no objective is filled in', () => {
      const intro = email(withObjectives({ primaryObjective: 'TBD' }));
      expect(intro.objectives).toEqual([]);
      expect(intro.warnings).toEqual([
        'No objectives are filled in: the email cannot restate them.',
      ]);
      expect(intro.body).not.toContain('working towards');
    });
  });

  describe('next step', () => {
    it('sets the kickoff as the next step, by the end of the kickoff_held window', () => {
      // Closed 2026-11-02 10:00 UTC; kickoff_held is 240 h.
      expect(email(example('complete')).body).toContain(
        'Next step: Casey will be in touch to schedule our kickoff by November 12, where we confirm the objectives, success criteria and implementation plan together.',
      );
    });

    it('counts the kickoff window in business days when the policy does', () => {
      // Ten working days from Monday 2026-11-02 is Monday 2026-11-16.
      const intro = email(
        example('complete'),
        { ae: AE, csm: CSM },
        policyWith({ timeBasis: 'business_days' }),
      );
      expect(intro.body).toContain('schedule our kickoff by November 16,');
    });

    it('follows a template that changes the kickoff window', () => {
      const policy = policyWith({
        templates: { sales_to_cs: { sla: { kickoff_held: { hours: 168 } } } },
      });
      expect(email(example('complete'), { ae: AE, csm: CSM }, policy).body).toContain(
        'kickoff by November 9,',
      );
    });

    it('writes the date in the policy time zone', () => {
      // 2026-11-02 23:30 UTC + 240 h is 2026-11-12 23:30 UTC, already November 13 in Tokyo.
      const doc = completeHandoff({ deal: { id: '9001', closedWonAt: '2026-11-02T23:30:00Z' } });
      expect(
        email(doc, { ae: AE, csm: CSM }, policyWith({ timeZone: 'Asia/Tokyo' })).body,
      ).toContain('kickoff by November 13,');
      expect(email(doc).body).toContain('kickoff by November 12,');
    });

    it('gives no date before the deal is closed', () => {
      const body = email(example('strategic')).body;
      expect(body).toContain(
        'Next step: Casey will be in touch to schedule our kickoff, where we confirm',
      );
    });
  });

  describe('addressees', () => {
    it('is addressed to the executive sponsor, the champion and the economic buyer', () => {
      const intro = email(example('complete'));
      expect(intro.to).toEqual([
        'dana.whitfield@northwind.example',
        'lee.ortega@northwind.example',
        'priya.raman@northwind.example',
      ]);
      expect(intro.body.startsWith('Hi Dana, Lee and Priya,\n')).toBe(true);
    });

    it('does not write to the technical lead or the end users', () => {
      expect(email(example('complete')).to).not.toContain('sam.okafor@northwind.example');
    });

    it('greets a person who holds two roles once', () => {
      // Grace Liu is both executive sponsor and economic buyer.
      const intro = email(example('late'));
      expect(intro.to).toEqual(['grace.liu@crestline.example', 'ben.adler@crestline.example']);
      expect(intro.body.startsWith('Hi Grace and Ben,\n')).toBe(true);
    });

    it('greets addressees without an email but does not write to them', () => {
      // The strategic economic buyer has no email.
      const intro = email(example('strategic'));
      expect(intro.to).toEqual(['k.vogel@helios.example', 't.herrera@helios.example']);
      expect(intro.body.startsWith('Hi Katrin, Tomás and Anneke,\n')).toBe(true);
    });

    it('orders addressees by role: sponsor, champion, then economic buyer', () => {
      const doc = completeHandoff({
        stakeholders: [
          { role: 'economic_buyer', name: 'Eve Buyer', title: 'CFO', email: 'eve@c.example' },
          { role: 'champion', name: 'Cal Champ', title: 'Director', email: 'cal@c.example' },
          { role: 'executive_sponsor', name: 'Sam Sponsor', title: 'CEO', email: 'sam@c.example' },
        ],
      });
      expect(email(doc).to).toEqual(['sam@c.example', 'cal@c.example', 'eve@c.example']);
    });

    it('warns when the addressees have no email address', () => {
      // The thin champion has a name but no email.
      const intro = email(example('thin'));
      expect(intro.to).toEqual([]);
      expect(intro.body.startsWith('Hi Maria,\n')).toBe(true);
      expect(intro.warnings).toContain('None of the addressees has an email address.');
    });

    it('warns and greets the team when nobody can be addressed', () => {
      const nobody = email(
        completeHandoff({
          stakeholders: [{ role: 'technical_lead', name: 'Sam Okafor', title: 'IT' }],
        }),
      );
      expect(nobody.to).toEqual([]);
      expect(nobody.body.startsWith('Hi team,\n')).toBe(true);
      expect(nobody.warnings).toEqual([
        'No executive sponsor, champion or economic buyer is named to address.',
      ]);
    });

    it('does not address a stakeholder whose name is a placeholder', () => {
      const doc = completeHandoff({
        stakeholders: [
          { role: 'champion', name: 'TBD', title: 'Director', email: 'who@c.example' },
        ],
      });
      const intro = email(doc);
      expect(intro.to).toEqual([]);
      expect(intro.warnings).toContain(
        'No executive sponsor, champion or economic buyer is named to address.',
      );
    });
  });

  it('collects every warning for a bare handoff', () => {
    const intro = email(handoff(), {});
    expect(intro.warnings).toEqual([
      'No CSM is assigned yet: the email names "your Customer Success Manager".',
      'No AE name is given: sign the email before sending it.',
      'No executive sponsor, champion or economic buyer is named to address.',
      'No objectives are filled in: the email cannot restate them.',
    ]);
    expect(intro.to).toEqual([]);
    expect(intro.cc).toEqual([]);
  });
});

describe('buildIntroEmail wording', () => {
  it('keeps numbers and signs that are part of an objective', () => {
    const intro = email(
      handoff({
        objectives: { primaryObjective: '2.5x faster dispatch\n-15% churn\n- Fewer tickets' },
      }),
      { ae: AE },
    );
    expect(intro.objectives).toEqual(['2.5x faster dispatch', '-15% churn', 'Fewer tickets']);
  });

  it('does not restate N/A as an objective', () => {
    const intro = email(
      handoff({ objectives: { primaryObjective: 'N/A', successCriteria: 'Go live in May' } }),
      { ae: AE },
    );
    expect(intro.objectives).toEqual(['Go live in May']);
  });

  it('reads as good English while no CSM is named', () => {
    const intro = email(example('complete'), { ae: AE });
    expect(intro.body).toContain(
      'From here on, your Customer Success Manager will be your main point of contact.',
    );
    expect(intro.body).toContain('They have the full context');
    expect(intro.body).toContain('Next step: they will be in touch');
    expect(intro.body).not.toContain('who will be your Customer Success Manager');
  });
});
