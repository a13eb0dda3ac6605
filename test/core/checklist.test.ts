import {
  AGENDA_SEGMENTS,
  type ChecklistContext,
  type ChecklistItem,
  type ChecklistStatus,
  DEFAULT_POLICY,
  type HandoffDocument,
  buildChecklist,
  calendarOf,
  computeClocks,
} from '../../src/core';
import { NOW, completeHandoff, example, handoff } from '../helpers/handoff-factory';

const MANUAL_KEYS = ['intro_approach', 'action_items'];
const ORDER = ['pre_handoff', 'meeting', 'post_handoff'];

function checklist(doc: HandoffDocument, ctx: Partial<ChecklistContext> = {}): ChecklistItem[] {
  const template = DEFAULT_POLICY.templates[doc.handoffType];
  const clocks = computeClocks(doc, template, calendarOf(DEFAULT_POLICY), NOW);
  return buildChecklist(doc, template, { clocks, ...ctx });
}

function statuses(items: readonly ChecklistItem[]): Record<string, ChecklistStatus> {
  return Object.fromEntries(items.map((item) => [item.key, item.status]));
}

function item(items: readonly ChecklistItem[], key: string): ChecklistItem {
  const found = items.find((i) => i.key === key);
  if (found === undefined) throw new Error(`no checklist item ${key}`);
  return found;
}

describe('buildChecklist', () => {
  describe('stages', () => {
    const items = checklist(example('complete'));

    it('lists the pre-handoff items of the protocol first', () => {
      expect(items.filter((i) => i.stage === 'pre_handoff').map((i) => i.key)).toEqual([
        'crm_updated',
        'summary_done',
        'stakeholder_map',
        'commitments_validated',
        'csm_assigned',
        'meeting_scheduled',
      ]);
    });

    it('lists the meeting items: participants, each agenda segment, questions, intro approach, action items', () => {
      expect(items.filter((i) => i.stage === 'meeting').map((i) => i.key)).toEqual([
        'participants',
        ...AGENDA_SEGMENTS.map((segment) => `agenda_${segment}`),
        'questions_answered',
        'intro_approach',
        'action_items',
      ]);
    });

    it('lists the post-handoff items last', () => {
      expect(items.filter((i) => i.stage === 'post_handoff').map((i) => i.key)).toEqual([
        'notes_filed',
        'handoff_date',
        'accepted',
        'intro_within_48h',
        'kickoff_on_time',
      ]);
    });

    it('keeps the stages in order', () => {
      const stages = items.map((i) => i.stage);
      expect(stages).toEqual([...stages].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    });

    it('labels every item for people', () => {
      expect(item(items, 'agenda_scope_commitments').label).toBe('Agenda: Scope and commitments');
      expect(item(items, 'kickoff_on_time').label).toBe('Kickoff held within 7-10 days');
      for (const i of items) expect(i.label.trim()).not.toBe('');
    });
  });

  describe('the complete example', () => {
    it('ticks every item the document can tell', () => {
      const items = checklist(example('complete'), { csmAssigned: true });
      const automatic = items.filter((i) => !MANUAL_KEYS.includes(i.key));
      expect(automatic.filter((i) => i.status !== 'done')).toEqual([]);
    });

    it('leaves the intro approach and action items to people', () => {
      const s = statuses(checklist(example('complete'), { csmAssigned: true }));
      expect(s.intro_approach).toBe('manual');
      expect(s.action_items).toBe('manual');
    });

    it('ticks a manual item that people ticked', () => {
      const s = statuses(
        checklist(example('complete'), { ticked: new Set(['intro_approach', 'action_items']) }),
      );
      expect(s.intro_approach).toBe('done');
      expect(s.action_items).toBe('done');
    });

    it('ignores a tick on an item the document decides', () => {
      const doc = completeHandoff({ timeline: { submittedAt: '2026-11-03T09:00:00Z' } });
      expect(statuses(checklist(doc, { ticked: new Set(['accepted']) })).accepted).toBe('open');
    });
  });

  describe('CSM assignment', () => {
    it('is left to people while the CRM has not said', () => {
      expect(statuses(checklist(example('complete'))).csm_assigned).toBe('manual');
    });

    it('can be ticked by hand while the CRM has not said', () => {
      expect(
        statuses(checklist(example('complete'), { ticked: new Set(['csm_assigned']) }))
          .csm_assigned,
      ).toBe('done');
    });

    it('follows the CRM when it knows', () => {
      expect(statuses(checklist(example('complete'), { csmAssigned: true })).csm_assigned).toBe(
        'done',
      );
      expect(statuses(checklist(example('complete'), { csmAssigned: false })).csm_assigned).toBe(
        'open',
      );
    });
  });

  describe('before the meeting', () => {
    const noMeeting = completeHandoff({ meeting: null });
    const items = checklist(noMeeting);
    const s = statuses(items);

    it('leaves every meeting item the document decides open', () => {
      const meeting = items.filter((i) => i.stage === 'meeting' && !MANUAL_KEYS.includes(i.key));
      expect(meeting).toHaveLength(9);
      for (const i of meeting) expect(i.status).toBe('open');
    });

    it('still leaves the manual meeting items to people', () => {
      expect(s.intro_approach).toBe('manual');
      expect(s.action_items).toBe('manual');
    });

    it('leaves the scheduling of the meeting to people', () => {
      expect(s.meeting_scheduled).toBe('manual');
      expect(
        statuses(checklist(noMeeting, { ticked: new Set(['meeting_scheduled']) }))
          .meeting_scheduled,
      ).toBe('done');
    });

    it('has no meeting notes to file', () => {
      expect(s.notes_filed).toBe('open');
    });

    it('does not count a meeting with agenda and participants but no date as held', () => {
      const undated = completeHandoff({
        meeting: {
          heldAt: null,
          participants: ['ae', 'csm'],
          agendaCovered: [...AGENDA_SEGMENTS],
          questionsAsked: 0,
        },
      });
      const u = statuses(checklist(undated));
      expect(u.participants).toBe('open');
      expect(u.agenda_customer_overview).toBe('open');
      expect(u.questions_answered).toBe('open');
    });
  });

  describe('a meeting that went partly well (the late example)', () => {
    const s = statuses(checklist(example('late')));

    it('ticks the participants that were there', () => {
      expect(s.participants).toBe('done');
    });

    it('ticks only the agenda segments covered', () => {
      expect(AGENDA_SEGMENTS.filter((segment) => s[`agenda_${segment}`] === 'done')).toEqual([
        'customer_overview',
        'objectives',
        'scope_commitments',
        'questions',
      ]);
    });

    it('leaves questions open while some are unanswered', () => {
      expect(s.questions_answered).toBe('open');
    });

    it('leaves acceptance and the late intro email open', () => {
      expect(s.handoff_date).toBe('done');
      expect(s.accepted).toBe('open');
      expect(s.intro_within_48h).toBe('open');
      expect(s.kickoff_on_time).toBe('open');
    });

    it('leaves the commitments unvalidated while one has no owner', () => {
      expect(s.commitments_validated).toBe('open');
      expect(s.summary_done).toBe('done');
      expect(s.stakeholder_map).toBe('done');
    });
  });

  describe('a thin handoff', () => {
    const s = statuses(checklist(example('thin')));

    it('ticks the CRM record but not the summary, the stakeholder map or the commitments', () => {
      expect(s.crm_updated).toBe('done');
      expect(s.summary_done).toBe('open');
      expect(s.stakeholder_map).toBe('open');
      expect(s.commitments_validated).toBe('open');
    });

    it('leaves every post-handoff item open', () => {
      expect([
        s.notes_filed,
        s.handoff_date,
        s.accepted,
        s.intro_within_48h,
        s.kickoff_on_time,
      ]).toEqual(['open', 'open', 'open', 'open', 'open']);
    });
  });

  it('leaves the CRM record open while the deal has no owner', () => {
    expect(
      statuses(checklist(handoff({ deal: { id: 'deal-1', name: 'Acme', ownerId: null } })))
        .crm_updated,
    ).toBe('open');
  });

  it('requires the CS manager at the meeting of a strategic deal', () => {
    const items = checklist(example('strategic'));
    expect(item(items, 'participants').label).toBe(
      'Required participants present (ae, csm, cs_manager)',
    );
    expect(item(items, 'participants').status).toBe('open');
  });

  it('ticks participants once the CS manager joins a strategic meeting', () => {
    const strategic = example('strategic');
    const joined: HandoffDocument = {
      ...strategic,
      meeting: { ...strategic.meeting, participants: ['ae', 'csm', 'cs_manager'] },
    };
    expect(statuses(checklist(joined)).participants).toBe('done');
  });

  it('counts a meeting with no questions asked as all questions answered', () => {
    const doc = completeHandoff({
      meeting: {
        heldAt: '2026-11-03T15:00:00Z',
        participants: ['ae', 'csm'],
        questionsAsked: 0,
        questionsAnswered: 0,
      },
    });
    expect(statuses(checklist(doc)).questions_answered).toBe('done');
  });

  it('reads the intro and kickoff items from the clocks it is given', () => {
    const doc = example('complete');
    expect(
      statuses(buildChecklist(doc, DEFAULT_POLICY.templates.sales_to_cs, { clocks: [] })),
    ).toMatchObject({
      intro_within_48h: 'open',
      kickoff_on_time: 'open',
    });
  });
});

describe('buildChecklist with placeholders on the deal', () => {
  it('does not tick "CRM updated" for a deal whose name and owner are placeholders', () => {
    const doc = handoff({
      deal: { id: 'd-1', name: 'TBD', ownerId: '?', closedWonAt: '2026-11-02T10:00:00Z' },
    });
    const items = buildChecklist(doc, DEFAULT_POLICY.templates.sales_to_cs, { clocks: [] });
    expect(items.find((item) => item.key === 'crm_updated')?.status).toBe('open');
  });
});
