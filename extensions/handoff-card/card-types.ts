// The card speaks the backend's types: imported (types only, erased from the bundle) from the
// card API and the core, so a change of shape there fails the card's typecheck.
import type { z } from 'zod';
import type { StartOutcome } from '../../src/functions/closed-won';
import type { PreCloseResult } from '../../src/functions/pre-close';
import type {
  CardView,
  actionRequestSchema,
  saveRequestSchema,
} from '../../src/functions/card-api';
import type { AvailableAction, HandoffDocument, IntroEmail, LifecycleEvent } from '../../src/core';

export type { AvailableAction, CardView, HandoffDocument, IntroEmail };

export type HandoffView = NonNullable<CardView['handoff']>;

/** The sections a save may carry, as the backend's `saveRequestSchema` accepts them. */
export type SectionPatch = z.input<typeof saveRequestSchema>['sections'];

/** A lifecycle action, as the backend's `actionRequestSchema` accepts it. */
export type CardAction = z.input<typeof actionRequestSchema>['action'];

export interface ActionResult {
  card: CardView;
  events: LifecycleEvent[];
}

/** What POST …/start answers (a deal that is not closed-won is an error, not an outcome). */
export interface StartResult {
  outcome: Exclude<StartOutcome['outcome'], 'not_closed_won'>;
  card: CardView;
}

/** What POST …/pre-close answers (a refusal is an error, not an outcome). */
export interface PreCloseResponse {
  outcome: PreCloseResult['outcome'];
  card: CardView;
}
