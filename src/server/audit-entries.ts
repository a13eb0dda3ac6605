// What goes in the audit log: every lifecycle transition (who, when, from which state to which)
// and the moment a handoff came into being, with what started it, or, for a pre-close handoff,
// the close that adopted it.
import { type Actor, type LifecycleEvent, type LifecycleState, LIFECYCLE_STATES } from '../core';
import type { AuditEntry, JsonValue } from './backend-deps';

export const SYSTEM_ACTOR = { id: 'baton', role: 'system' } as const;

export function transitionEntries(
  portalId: string,
  handoffKey: string,
  events: readonly LifecycleEvent[],
): AuditEntry[] {
  return events.map((event) => {
    const { at, actor, from, to, type, ...rest } = event;
    const details: { [key: string]: JsonValue } = rest;
    return {
      portalId,
      handoffKey,
      actor: { id: actor.id, role: actor.role },
      action: type,
      fromState: from,
      toState: to,
      at: new Date(at),
      details,
    };
  });
}

export function creationEntry(
  portalId: string,
  handoffKey: string,
  options: {
    actor: Actor | typeof SYSTEM_ACTOR;
    state: string;
    at: number;
    details: { [key: string]: JsonValue };
  },
): AuditEntry {
  return {
    portalId,
    handoffKey,
    actor: { id: options.actor.id, role: options.actor.role },
    action: 'handoff.created',
    fromState: null,
    toState: asState(options.state),
    at: new Date(options.at),
    details: options.details,
  };
}

/** A pre-close handoff the deal's close adopted: stamped with the close, no new handoff. */
export function closeAdoptionEntry(
  portalId: string,
  handoffKey: string,
  options: Parameters<typeof creationEntry>[2],
): AuditEntry {
  const state = asState(options.state);
  return {
    ...creationEntry(portalId, handoffKey, options),
    action: 'handoff.closed_won',
    fromState: state,
    toState: state,
  };
}

/** The CRM summary reports the state as text; a new handoff that says otherwise is a draft. */
function asState(state: string): LifecycleState {
  return LIFECYCLE_STATES.find((known) => known === state) ?? 'draft';
}
