// The backend's public URL as the HubSpot project needs it at build time: the workflow action's
// `actionUrl`, the webhooks' `targetUrl`, the OAuth redirect and the card's `hubspot.fetch`
// all point at it. A project uploaded with the wrong one fails only when HubSpot first calls,
// so the URL is checked here, with the variable's name in the message.
import { z } from 'zod';

/** The backend's port when `PORT` is unset, as `npm start` and `baton serve` use it. */
export const LOCAL_PORT = 3000;

/** Where the backend answers HubSpot, relative to the public URL (DESIGN.md's interface table). */
export const BACKEND_PATHS = {
  webhooks: '/hubspot/webhooks',
  startHandoffAction: '/hubspot/actions/start-handoff',
  oauthCallback: '/oauth/callback',
} as const;

export interface PublicUrl {
  /** Without a trailing slash: `https://baton.example.com` or `https://example.com/baton`. */
  base: string;
  /** True when BATON_PUBLIC_URL was unset and the local default was used. */
  defaulted: boolean;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Null for what z.url already refused: its checks do not stop the refinements after them. */
const urlOf = (value: string): URL | null => (URL.canParse(value) ? new URL(value) : null);

const publicUrlSchema = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://baton.example.com' })
  .refine((value) => !urlOf(value)?.search && !urlOf(value)?.hash, {
    error: 'expected a base URL without a query or fragment',
  })
  // HubSpot delivers workflow actions and webhooks, and lets a card fetch, over HTTPS only;
  // plain http is kept for a backend on this machine, where nothing reaches it from HubSpot.
  .refine(
    (value) => {
      const url = urlOf(value);
      return !url || url.protocol === 'https:' || LOOPBACK.test(url.hostname);
    },
    { error: 'HubSpot calls HTTPS URLs only; http is accepted for localhost alone' },
  );

/**
 * The public URL from the environment: BATON_PUBLIC_URL, or `http://localhost:$PORT` (PORT
 * 3000 by default) when it is unset, which is right for a local tree and wrong for an upload.
 */
export function publicUrlFrom(env: { BATON_PUBLIC_URL?: string; PORT?: string }): PublicUrl {
  const explicit = env.BATON_PUBLIC_URL?.trim();
  if (!explicit) {
    const port = env.PORT?.trim() || String(LOCAL_PORT);
    if (!/^\d{1,5}$/.test(port))
      throw new Error(`PORT: expected a port number, got ${JSON.stringify(port)}`);
    return { base: `http://localhost:${port}`, defaulted: true };
  }
  const parsed = publicUrlSchema.safeParse(explicit);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? 'invalid';
    throw new Error(`BATON_PUBLIC_URL: ${reason}, got ${JSON.stringify(explicit)}`);
  }
  return { base: parsed.data.replace(/\/+$/, ''), defaulted: false };
}

/** `base` + a backend path, with exactly one slash between them. */
export function backendUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
