import {
  type Actor,
  DEFAULT_POLICY,
  type HandoffDocument,
  type LifecycleAction,
  MS_PER_HOUR,
  type Policy,
  type SlaAlert,
  analyzeHandoff,
  applyAction,
  calendarOf,
  computeClocks,
  slaAlerts,
} from '../../src/core';
import { NOW, completeHandoff, example, handoff, policyWith } from '../helpers/handoff-factory';

// The factory's handoffs close on Monday 2026-11-02 10:00 UTC; the meeting is due 48 h later.
const CLOSED = Date.parse('2026-11-02T10:00:00Z');
const MEETING_DUE = Date.parse('2026-11-04T10:00:00Z');
const hoursAfterClose = (hours: number) => CLOSED + hours * MS_PER_HOUR;

function alertsAt(doc: HandoffDocument, now: number, policy: Policy = DEFAULT_POLICY): SlaAlert[] {
  const clocks = computeClocks(
    doc,
    policy.templates[doc.handoffType],
    calendarOf(policy),
    now,
    policy.atRiskRatio,
  );
  return slaAlerts(clocks, now, policy.meetingReminderHours);
}

const summary = (alerts: readonly SlaAlert[]) =>
  alerts.map(({ clock, kind, notify }) => ({ clock, kind, notify }));
const keysOf = (alerts: readonly SlaAlert[]) => alerts.map((alert) => alert.key);
const ofKind = (alerts: readonly SlaAlert[], kind: SlaAlert['kind']) =>
  alerts.filter((alert) => alert.kind === kind);

/** The parts of an alert key: the clock, the instant its window started, and the kind. */
function keyParts(key: string): { clock: string; startedAt: number; kind: string } {
  const match = /^([a-z_]+)@(.+):(reminder|at_risk|breached)$/.exec(key);
  if (match === null) throw new Error(`unexpected key ${key}`);
  return { clock: match[1] ?? '', startedAt: Date.parse(match[2] ?? ''), kind: match[3] ?? '' };
}

describe('slaAlerts for breached clocks', () => {
  it('raises nothing while every clock is met or early', () => {
    expect(alertsAt(example('complete'), NOW)).toEqual([]);
    expect(alertsAt(handoff(), hoursAfterClose(1))).toEqual([]);
  });

  it('escalates an overdue AE-side clock to the sender’s manager and a CS-side one to the receiver’s manager', () => {
    expect(summary(alertsAt(handoff(), hoursAfterClose(49)))).toEqual([
      { clock: 'handoff_meeting', kind: 'breached', notify: 'sender_manager' },
      { clock: 'intro_email', kind: 'breached', notify: 'sender_manager' },
      { clock: 'first_cs_contact', kind: 'breached', notify: 'receiver_manager' },
    ]);
  });

  it('escalates every breached clock of the late example to the manager of the side that owed it', () => {
    expect(summary(alertsAt(example('late'), NOW))).toEqual([
      { clock: 'handoff_meeting', kind: 'breached', notify: 'sender_manager' },
      { clock: 'intro_email', kind: 'breached', notify: 'sender_manager' },
      { clock: 'first_cs_contact', kind: 'breached', notify: 'receiver_manager' },
      { clock: 'cs_prep', kind: 'breached', notify: 'receiver_manager' },
      { clock: 'kickoff_scheduled', kind: 'breached', notify: 'receiver_manager' },
      { clock: 'kickoff_held', kind: 'breached', notify: 'receiver_manager' },
      { clock: 'revision_fix', kind: 'breached', notify: 'sender_manager' },
    ]);
  });

  it('keys an escalation by the clock, the start of its window and the kind', () => {
    const [meeting] = alertsAt(handoff(), hoursAfterClose(49));
    expect(meeting).toBeDefined();
    expect(keyParts(meeting?.key ?? '')).toEqual({
      clock: 'handoff_meeting',
      startedAt: CLOSED,
      kind: 'breached',
    });
    expect(Date.parse(meeting?.dueAt ?? '')).toBe(MEETING_DUE);
  });

  it('says an overdue clock is overdue and when it was due', () => {
    const [meeting] = alertsAt(handoff(), hoursAfterClose(49));
    expect(meeting?.message).toBe(
      `Internal handoff meeting is overdue (was due ${meeting?.dueAt})`,
    );
  });

  it('says a clock done late was done late', () => {
    const doc = handoff({ meeting: { heldAt: '2026-11-05T09:00:00Z' } });
    const [meeting] = alertsAt(doc, hoursAfterClose(100)).filter(
      (alert) => alert.clock === 'handoff_meeting',
    );
    expect(meeting?.kind).toBe('breached');
    expect(meeting?.message).toMatch(/^Internal handoff meeting was done late \(/);
  });
});

describe('slaAlerts for clocks at risk', () => {
  it('alerts the side responsible for each clock once 75 % of its window is gone', () => {
    expect(summary(ofKind(alertsAt(handoff(), hoursAfterClose(40)), 'at_risk'))).toEqual([
      { clock: 'handoff_meeting', kind: 'at_risk', notify: 'sender' },
      { clock: 'intro_email', kind: 'at_risk', notify: 'sender' },
      { clock: 'first_cs_contact', kind: 'at_risk', notify: 'receiver' },
    ]);
  });

  it('alerts CS about its prep when it is at risk and the 48 h clocks are met', () => {
    const doc = handoff({
      meeting: { heldAt: '2026-11-03T15:00:00Z' },
      timeline: { introSentAt: '2026-11-03T18:00:00Z', firstCsContactAt: '2026-11-04T09:00:00Z' },
    });
    const alerts = alertsAt(doc, hoursAfterClose(60));
    expect(summary(alerts)).toEqual([{ clock: 'cs_prep', kind: 'at_risk', notify: 'receiver' }]);
    expect(keyParts(alerts[0]?.key ?? '')).toEqual({
      clock: 'cs_prep',
      startedAt: CLOSED,
      kind: 'at_risk',
    });
  });

  it('gives the at-risk alert a different key from the escalation of the same clock', () => {
    const atRisk = ofKind(alertsAt(handoff(), hoursAfterClose(40)), 'at_risk')[0];
    const breached = ofKind(alertsAt(handoff(), hoursAfterClose(49)), 'breached')[0];
    expect(atRisk?.clock).toBe('handoff_meeting');
    expect(breached?.clock).toBe('handoff_meeting');
    expect(atRisk?.key).not.toBe(breached?.key);
  });
});

describe('slaAlerts for the handoff meeting reminder', () => {
  const reminders = (doc: HandoffDocument, now: number, policy?: Policy) =>
    ofKind(alertsAt(doc, now, policy), 'reminder');

  it('does not remind before 24 h ahead of the meeting’s due time', () => {
    expect(reminders(handoff(), MEETING_DUE - 24 * MS_PER_HOUR - 1)).toEqual([]);
  });

  it('reminds the AE from 24 h before the meeting is due', () => {
    const [reminder] = reminders(handoff(), MEETING_DUE - 24 * MS_PER_HOUR);
    expect(reminder).toMatchObject({
      kind: 'reminder',
      clock: 'handoff_meeting',
      notify: 'sender',
    });
    expect(Date.parse(reminder?.dueAt ?? '')).toBe(MEETING_DUE);
    expect(keyParts(reminder?.key ?? '')).toEqual({
      clock: 'handoff_meeting',
      startedAt: CLOSED,
      kind: 'reminder',
    });
    expect(reminder?.message).toBe(
      `Reminder: hold the internal handoff meeting before ${reminder?.dueAt}`,
    );
  });

  it('keeps reminding alongside the at-risk alert until the meeting is due', () => {
    const alerts = alertsAt(handoff(), MEETING_DUE).filter(
      (alert) => alert.clock === 'handoff_meeting',
    );
    expect(alerts.map((alert) => alert.kind)).toEqual(['at_risk', 'reminder']);
  });

  it('does not remind once the meeting is held', () => {
    const doc = handoff({ meeting: { heldAt: '2026-11-03T08:00:00Z' } });
    expect(reminders(doc, MEETING_DUE - 2 * MS_PER_HOUR)).toEqual([]);
  });

  it('escalates instead of reminding once the meeting is overdue', () => {
    const alerts = alertsAt(handoff(), MEETING_DUE + 1).filter(
      (alert) => alert.clock === 'handoff_meeting',
    );
    expect(alerts.map((alert) => alert.kind)).toEqual(['breached']);
  });

  it('reminds the number of hours ahead that the policy sets', () => {
    const policy = policyWith({ meetingReminderHours: 12 });
    expect(reminders(handoff(), MEETING_DUE - 13 * MS_PER_HOUR, policy)).toEqual([]);
    expect(reminders(handoff(), MEETING_DUE - 12 * MS_PER_HOUR, policy)).toHaveLength(1);
  });

  it('does not remind before the deal has closed (no due time yet)', () => {
    const preClose = handoff({
      handoffType: 'pre_close',
      deal: { id: 'deal-9', closedWonAt: null },
    });
    expect(alertsAt(preClose, NOW)).toEqual([]);
  });
});

describe('slaAlerts keys', () => {
  it('stay the same across sweeps while the clock is in the same state', () => {
    const doc = handoff();
    expect(keysOf(alertsAt(doc, hoursAfterClose(40)))).toEqual(
      keysOf(alertsAt(doc, hoursAfterClose(47))),
    );
    const early = keysOf(ofKind(alertsAt(doc, hoursAfterClose(49)), 'breached'));
    const later = keysOf(ofKind(alertsAt(doc, hoursAfterClose(400)), 'breached'));
    expect(later.slice(0, early.length)).toEqual(early);
  });

  it('are unique within one sweep', () => {
    const keys = keysOf(alertsAt(handoff(), MEETING_DUE));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are the ones analyzeHandoff reports', () => {
    expect(analyzeHandoff(example('late'), DEFAULT_POLICY, NOW).alerts).toEqual(
      alertsAt(example('late'), NOW),
    );
  });

  describe('for the fix after a return', () => {
    const ae: Actor = { id: 'ae-101', role: 'ae' };
    const csm: Actor = { id: 'csm-201', role: 'csm' };
    const SUBMITTED = Date.parse('2026-11-03T09:00:00Z');
    const FIRST_RETURN = Date.parse('2026-11-03T12:00:00Z');

    function act(
      doc: HandoffDocument,
      action: LifecycleAction,
      actor: Actor,
      now: number,
    ): HandoffDocument {
      const result = applyAction(doc, action, { actor, now, policy: DEFAULT_POLICY });
      if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}`);
      return result.document;
    }

    const ret: LifecycleAction = {
      type: 'return',
      decision: 'needs_revision',
      gaps: ['Who is the technical lead?'],
    };
    const draft = completeHandoff({ meeting: null, timeline: null, review: null });
    const returnedOnce = act(act(draft, { type: 'submit' }, ae, SUBMITTED), ret, csm, FIRST_RETURN);
    const fixAlert = (doc: HandoffDocument, now: number) =>
      alertsAt(doc, now).find((alert) => alert.clock === 'revision_fix');

    it('warn the AE when the fix is at risk and escalate to their manager when it is late', () => {
      const atRisk = fixAlert(returnedOnce, FIRST_RETURN + 18 * MS_PER_HOUR);
      const breached = fixAlert(returnedOnce, FIRST_RETURN + 25 * MS_PER_HOUR);
      expect(atRisk).toMatchObject({ kind: 'at_risk', notify: 'sender' });
      expect(breached).toMatchObject({ kind: 'breached', notify: 'sender_manager' });
      expect(keyParts(breached?.key ?? '')).toEqual({
        clock: 'revision_fix',
        startedAt: FIRST_RETURN,
        kind: 'breached',
      });
    });

    it('raise nothing for a fix resubmitted in time', () => {
      const fixed = act(returnedOnce, { type: 'submit' }, ae, FIRST_RETURN + 5 * MS_PER_HOUR);
      expect(fixAlert(fixed, FIRST_RETURN + 30 * MS_PER_HOUR)).toBeUndefined();
    });

    it('change when a second return restarts the fix clock', () => {
      const lateFix = FIRST_RETURN + 30 * MS_PER_HOUR;
      const secondReturn = lateFix + 2 * MS_PER_HOUR;
      const returnedTwice = act(
        act(returnedOnce, { type: 'submit' }, ae, lateFix),
        ret,
        csm,
        secondReturn,
      );

      const first = fixAlert(returnedOnce, FIRST_RETURN + 25 * MS_PER_HOUR);
      const second = fixAlert(returnedTwice, secondReturn + 25 * MS_PER_HOUR);
      expect(second).toMatchObject({ kind: 'breached', notify: 'sender_manager' });
      expect(second?.key).not.toBe(first?.key);
      expect(keyParts(second?.key ?? '').startedAt).toBe(secondReturn);
    });
  });
});
