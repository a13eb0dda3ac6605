// The card's state: one load, then every save and action answers with the whole card again.
// A 409 `conflict` keeps what the user sees and asks them to reload instead of overwriting.
import { useCallback, useEffect, useRef, useState } from 'react';
import { CardApiError, type CardClient } from './card-client';
import type { CardAction, CardView, SectionPatch } from './card-types';

export type CardState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      view: CardView;
      busy: boolean;
      /** Someone else saved since this view was loaded: the user must reload before acting. */
      conflict: string | null;
      /** The last save or action the backend refused, in its words. */
      refusal: string | null;
    };

export interface HandoffCardModel {
  state: CardState;
  reload: () => void;
  start: () => Promise<void>;
  /** Asks for a pre-close handoff on an open deal (the AE's, before the close). */
  requestPreClose: () => Promise<void>;
  save: (sections: SectionPatch) => Promise<boolean>;
  act: (action: CardAction) => Promise<boolean>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'something went wrong: try again';
}

export function useHandoffCard(client: CardClient): HandoffCardModel {
  const [state, setState] = useState<CardState>({ status: 'loading' });
  const current = useRef(state);
  current.current = state;

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    client.load().then(
      (view) => setState({ status: 'ready', view, busy: false, conflict: null, refusal: null }),
      (error: unknown) => setState({ status: 'failed', message: messageOf(error) }),
    );
  }, [client]);

  useEffect(reload, [reload]);

  /** Runs one write; true when the backend took it and answered with the new card. */
  const write = useCallback(async (run: (view: CardView) => Promise<CardView>) => {
    const before = current.current;
    if (before.status !== 'ready' || before.busy || before.conflict) return false;
    setState({ ...before, busy: true, refusal: null });
    try {
      const view = await run(before.view);
      setState({ status: 'ready', view, busy: false, conflict: null, refusal: null });
      return true;
    } catch (error) {
      const conflict = error instanceof CardApiError && error.code === 'conflict';
      setState({
        ...before,
        busy: false,
        conflict: conflict ? messageOf(error) : null,
        refusal: conflict ? null : messageOf(error),
      });
      return false;
    }
  }, []);

  const versionOf = (view: CardView): number => {
    if (!view.handoff) throw new CardApiError(404, 'not_found', 'this deal has no handoff yet');
    return view.handoff.version;
  };

  return {
    state,
    reload,
    start: async () => {
      await write(async () => (await client.start()).card);
    },
    requestPreClose: async () => {
      await write(async () => (await client.requestPreClose()).card);
    },
    save: (sections) => write((view) => client.save(versionOf(view), sections)),
    act: (action) => write(async (view) => (await client.act(versionOf(view), action)).card),
  };
}
