// The page's state: one load, a draft edited field by field, and a save that answers with the
// settings in force. A 409 `conflict` keeps the draft on screen and asks the user to reload
// instead of overwriting what someone else saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import { SettingsApiError, type SettingsClient } from './settings-client';
import { copyOf } from './settings-draft';
import type { FieldError, PortalSettings, SettingsView } from './settings-types';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      view: SettingsView;
      draft: PortalSettings;
      busy: boolean;
      /** Someone else saved since this view was loaded: the user must reload before saving. */
      conflict: string | null;
      /** The last save the backend refused, in its words, with its field problems. */
      refusal: { message: string; errors: FieldError[] } | null;
      /** The last save went through: written, or the same settings were there already. */
      saved: 'saved' | 'unchanged' | null;
    };

export interface SettingsModel {
  state: SettingsState;
  reload: () => void;
  /** Changes the draft (a copy is passed to `change`); a no-op on a read-only page. */
  edit: (change: (draft: PortalSettings) => void) => void;
  discard: () => void;
  save: () => Promise<boolean>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'something went wrong: try again';
}

function ready(view: SettingsView, saved: 'saved' | 'unchanged' | null = null): SettingsState {
  return {
    status: 'ready',
    view,
    draft: copyOf(view.settings),
    busy: false,
    conflict: null,
    refusal: null,
    saved,
  };
}

export function useSettings(client: SettingsClient): SettingsModel {
  const [state, setState] = useState<SettingsState>({ status: 'loading' });
  const current = useRef(state);
  current.current = state;

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    client.load().then(
      (view) => setState(ready(view)),
      (error: unknown) => setState({ status: 'failed', message: messageOf(error) }),
    );
  }, [client]);

  useEffect(reload, [reload]);

  const edit = useCallback((change: (draft: PortalSettings) => void) => {
    setState((before) => {
      if (before.status !== 'ready' || !before.view.canEdit || before.busy) return before;
      const draft = copyOf(before.draft);
      change(draft);
      return { ...before, draft, saved: null, refusal: null };
    });
  }, []);

  const discard = useCallback(() => {
    setState((before) =>
      before.status === 'ready' ? { ...before, draft: copyOf(before.view.settings) } : before,
    );
  }, []);

  const save = useCallback(async () => {
    const before = current.current;
    if (before.status !== 'ready' || before.busy || before.conflict) return false;
    setState({ ...before, busy: true, refusal: null, saved: null });
    try {
      const saved = await client.save(before.view.version, before.draft);
      setState(ready(saved, saved.outcome));
      return true;
    } catch (error) {
      const conflict = error instanceof SettingsApiError && error.code === 'conflict';
      setState({
        ...before,
        busy: false,
        conflict: conflict ? messageOf(error) : null,
        refusal: conflict
          ? null
          : {
              message: messageOf(error),
              errors: error instanceof SettingsApiError ? error.errors : [],
            },
      });
      return false;
    }
  }, [client]);

  return { state, reload, edit, discard, save };
}
