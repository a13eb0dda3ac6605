// Where an extension renders in the preview (a card on the record page, the settings page):
// its render function (from its own entry module, run against the stand-ins) with the context
// HubSpot would give it.
import { useEffect, useState } from 'react';
import {
  type ExtensionPoint,
  type ExtensionRender,
  actAs,
  loadExtension,
} from '../stand-ins/hubspot-host';
import type { PreviewPerson } from './preview-api';

/** The card entries of the build, loaded once each on first use. */
const ENTRIES: Record<ExtensionPoint, () => Promise<unknown>> = {
  'crm.record.tab': () => import('../../../extensions/handoff-card/index'),
  'crm.record.sidebar': () => import('../../../extensions/handoff-sidebar/index'),
  settings: () => import('../../../extensions/settings/index'),
};

const loaded = new Map<ExtensionPoint, Promise<ExtensionRender>>();
// One at a time: each entry hands its render function to the one `hubspot.extend`.
let queue: Promise<unknown> = Promise.resolve();

function extensionFor(point: ExtensionPoint): Promise<ExtensionRender> {
  let render = loaded.get(point);
  if (!render) {
    render = queue.then(() => loadExtension(point, ENTRIES[point]));
    queue = render.catch(() => undefined);
    loaded.set(point, render);
  }
  return render;
}

export interface ExtensionSlotProps {
  point: ExtensionPoint;
  /** The deal of a record card; none for the settings page. */
  dealId?: string;
  portalId: number;
  person: PreviewPerson;
  onAlert: (message: string) => void;
  onRefresh: () => void;
}

export function ExtensionSlot(props: ExtensionSlotProps) {
  const [render, setRender] = useState<ExtensionRender | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    extensionFor(props.point).then(
      (found) => live && setRender(() => found),
      (error: unknown) =>
        live && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [props.point]);

  if (failure) return <p className="bt-slot-error">{failure}</p>;
  if (!render) return <p className="bt-boot">Loading the card…</p>;
  // Every fetch the card makes from here on is signed as this person.
  if (props.person.userId !== null) actAs(props.person.userId);
  const [firstName = '', ...rest] = props.person.name.split(' ');
  return (
    <>
      {render({
        context: {
          crm: { objectId: Number(props.dealId ?? 0), objectTypeId: '0-3' },
          user: {
            id: props.person.userId ?? 0,
            email: props.person.email ?? '',
            firstName,
            lastName: rest.join(' '),
            locale: 'en-us',
          },
          portal: { id: props.portalId, timezone: 'UTC' },
          location: props.point,
        },
        actions: {
          copyTextToClipboard: async (text) => {
            await navigator.clipboard?.writeText(text).catch(() => undefined);
            props.onAlert('Copied to the clipboard');
          },
          addAlert: (alert) => props.onAlert(alert.message),
          refreshObjectProperties: props.onRefresh,
          reloadPage: () => window.location.reload(),
        },
      })}
    </>
  );
}
