// The checks a portal's settings must pass before a save, by field: the core's schemas first,
// then what contradicts itself across fields or names someone the account does not have.
import { DEFAULT_POLICY } from '../../src/core';
import {
  type PortalSettings,
  type SettingsPerson,
  joinSettings,
  parseSettings,
  validateSettings,
} from '../../src/functions/settings-rules';

const person = (id: string, teamId = 'cs'): SettingsPerson => ({
  id,
  name: `Person ${id}`,
  email: null,
  teams: [{ id: teamId, name: teamId }],
});
const PEOPLE = ['11', '21', '22', '31', '41', '51'].map((id) =>
  person(id, id.startsWith('4') ? 'sales' : 'cs'),
);

function settings(edit: (s: PortalSettings) => void = () => undefined): PortalSettings {
  // A JSON copy, as the settings travel: the defaults share one SLA object among templates.
  const value = JSON.parse(
    JSON.stringify(
      joinSettings(DEFAULT_POLICY, {
        csManagers: ['11'],
        csms: ['21', '22'],
        csOps: ['31'],
        salesManagers: [],
      }),
    ),
  ) as PortalSettings;
  edit(value);
  return value;
}

function errorsOf(input: unknown): Record<string, string> {
  const result = validateSettings(input, PEOPLE);
  return result.success ? {} : Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
}

describe('the settings rules', () => {
  it('accept the defaults with a team of the account', () => {
    expect(validateSettings(settings(), PEOPLE)).toEqual({ success: true, value: settings() });
  });

  it("name the core schema's problems by their path in the settings", () => {
    expect(
      errorsOf(
        settings((s) => {
          s.templates.sales_to_cs.minimumCompleteness = 101;
          s.templates.poc_to_paid.requiredItems.push('deal.colour');
          s.team.csManagers = [];
        }),
      ),
    ).toEqual({
      'templates.sales_to_cs.minimumCompleteness': 'expected 0 to 100',
      'templates.poc_to_paid.requiredItems[26]': 'unknown item "deal.colour"',
      'team.csManagers': 'name at least one CS manager',
    });
    const { team: _team, ...policy } = settings();
    expect(errorsOf(policy)).toEqual({ team: 'required' });
    expect(errorsOf([])).toEqual({ '': 'expected the settings (an object)' });
  });

  it('want an at-risk warning at least an hour before a clock breaches', () => {
    const errors = errorsOf(
      settings((s) => {
        s.templates.sdr_to_ae.sla.acceptance = { hours: 2 };
      }),
    );
    expect(errors).toEqual({
      'templates.sdr_to_ae.sla.acceptance.hours':
        'at risk at 75 % of 2 h warns only 30 minutes before the clock breaches: allow at least an hour (a longer window, or an earlier at-risk point)',
    });
    expect(
      errorsOf(
        settings((s) => {
          s.templates.sdr_to_ae.sla.acceptance = { hours: 2 };
          s.atRiskRatio = 0.5;
        }),
      ),
    ).toEqual({});
  });

  it('refuse a kickoff due before it is due to be scheduled, and a reminder after the meeting', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.templates.poc_to_paid.sla.kickoff_held = { hours: 96 };
          s.templates.poc_to_paid.tasks[4]!.dueAfterHours = 96;
          s.templates.pre_close.sla.handoff_meeting = { hours: 36 };
          s.templates.pre_close.tasks[1]!.dueAfterHours = 36;
          s.meetingReminderHours = 36;
        }),
      ),
    ).toEqual({
      'templates.poc_to_paid.sla.kickoff_held.hours':
        'the kickoff cannot be due before it is due to be scheduled (120 h)',
      meetingReminderHours:
        'the reminder must come before the handoff meeting is due: Pre-close (strategic deals) allows 36 h',
    });
  });

  it('want required items, and an approver somebody on the team can be', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.templates.rep_to_rep.requiredItems = [];
          s.templates.pre_close.approverRoles = [];
          s.templates.poc_to_paid.approverRoles = ['cs_manager', 'sales_manager', 'admin'];
        }),
      ),
    ).toEqual({
      'templates.rep_to_rep.requiredItems':
        'require at least one item: with none, every handoff counts as complete',
      'templates.pre_close.approverRoles':
        'a pre-close handoff needs an approver: the protocol asks for CS manager approval',
      'templates.poc_to_paid.approverRoles[1]':
        'nobody on the team is sales manager: name one, or choose another approver',
      'templates.poc_to_paid.approverRoles[2]':
        'the team has no admin role: choose another approver',
    });
  });

  it('refuse a task due after the clock it serves breaches, when both count from the close', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.templates.sales_to_cs.tasks[0]!.dueAfterHours = 60; // handoff_meeting: 48 h
          s.templates.sales_to_cs.tasks[3]!.dueAfterHours = 121; // schedule_kickoff: 120 h
          s.templates.pre_close.tasks[0]!.dueAfterHours = 500; // approve_pre_close: no clock
        }),
      ),
    ).toEqual({
      'templates.sales_to_cs.tasks[0].dueAfterHours':
        'due after its clock breaches (Internal handoff meeting, 48 h from the close): make it due by then',
      'templates.sales_to_cs.tasks[3].dueAfterHours':
        'due after its clock breaches (Kickoff scheduled, 120 h from the close): make it due by then',
    });
    // A clock that is off, or counts from another moment, sets no deadline for the task.
    expect(
      errorsOf(
        settings((s) => {
          s.templates.sales_to_cs.tasks[0]!.dueAfterHours = 60;
          delete s.templates.sales_to_cs.sla.handoff_meeting;
          s.templates.poc_to_paid.tasks[1]!.dueAfterHours = 60; // intro_email
          s.templates.poc_to_paid.sla.intro_email = { hours: 48, from: 'submittedAt' };
        }),
      ),
    ).toEqual({});
  });

  it('name a holiday listed twice, and a date that is no date; a holiday on a day off is fine', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.holidays = ['2026-12-25', '2026-12-26', '2026-12-25', '2026-02-30'];
        }),
      ),
    ).toEqual({ 'holidays[3]': 'expected a date (YYYY-MM-DD)' });
    expect(
      errorsOf(
        settings((s) => {
          s.holidays = ['2026-12-25', '2026-12-26', '2026-12-25'];
        }),
      ),
    ).toEqual({ 'holidays[2]': 'listed twice' });
  });

  it('want each handoff type named apart, both sides named, and tasks a person can read', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.templates.poc_to_paid.label = 'sales to CS (post-close)';
          s.templates.sdr_to_ae.senderLabel = ' ';
          s.templates.rep_to_rep.tasks[0]!.subject = 'x'.repeat(201);
          s.templates.rep_to_rep.tasks[1]!.key = 'Introduce';
        }),
      ),
    ).toEqual({
      'templates.sdr_to_ae.senderLabel': 'required',
      'templates.rep_to_rep.tasks[0].subject': 'at most 200 characters',
      'templates.rep_to_rep.tasks[1].key': 'expected a snake_case key',
    });
    expect(
      errorsOf(
        settings((s) => {
          s.templates.poc_to_paid.label = 'sales to CS (post-close)';
        }),
      ),
    ).toEqual({
      'templates.poc_to_paid.label': 'another handoff type has this name: give each its own',
    });
  });

  it('want a participant at every meeting, an arbiter for rep to rep, and escalation from 1 to 10 returns', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.templates.sdr_to_ae.requiredParticipants = [];
          s.templates.rep_to_rep.arbiterRoles = [];
          s.templates.sales_to_cs.arbiterRoles = [];
          s.templates.sales_to_cs.escalateAfterReturns = 11;
        }),
      ),
    ).toEqual({ 'templates.sales_to_cs.escalateAfterReturns': 'expected 1 to 10' });
    expect(
      errorsOf(
        settings((s) => {
          s.templates.sdr_to_ae.requiredParticipants = [];
          s.templates.rep_to_rep.arbiterRoles = [];
          s.templates.sales_to_cs.arbiterRoles = [];
          s.templates.sales_to_cs.escalateAfterReturns = 1;
        }),
      ),
    ).toEqual({
      'templates.sdr_to_ae.requiredParticipants':
        'name at least one participant: with none, any meeting counts as fully attended',
      'templates.rep_to_rep.arbiterRoles':
        'a rep-to-rep handoff needs an arbiter: the protocol names who decides disputes',
    });
  });

  it('want people and teams of the account, one role each, a CSM, and managers who lead someone', () => {
    expect(
      errorsOf(
        settings((s) => {
          s.team.csms = ['99'];
          s.team.csOps = ['31', '31', '11'];
          s.team.salesManagers = [
            { managerId: '51', memberIds: ['41', '98'], teamIds: ['nowhere'] },
            { managerId: '21', memberIds: [], teamIds: [] },
          ];
        }),
      ),
    ).toEqual({
      'team.csms[0]': '99 is not a user of this account',
      'team.csOps[1]': 'listed twice',
      'team.csOps[2]': 'already a CS manager: a person has one role in Baton',
      'team.salesManagers[0].memberIds[1]': '98 is not a user of this account',
      'team.salesManagers[0].teamIds[0]': 'nowhere is not a team of this HubSpot account',
      'team.salesManagers[1]':
        'name the AEs or teams this manager leads: escalations on their deals go here',
    });
    expect(errorsOf(settings((s) => void (s.team.csms = [])))).toEqual({
      'team.csms': 'name at least one CSM: new handoffs go to one',
    });
  });

  it('read saved settings back on their schemas alone, so a departed person stops nothing', () => {
    const saved = settings((s) => {
      s.team.csms = ['99'];
    });
    expect(parseSettings(saved)).toEqual({ success: true, value: saved });
    expect(parseSettings({ ...saved, timeBasis: 'lunar' })).toMatchObject({ success: false });
  });
});
