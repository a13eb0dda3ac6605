// What every route module shares: the Hono environment, its dependencies, and small parsers
// for HubSpot's query strings.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { type Clock, toIso } from '../clock';
import type { SandboxStore } from '../store/sandbox-store';

export interface SandboxEnv {
  Variables: {
    correlationId: string;
    rateHeaders: Record<string, string>;
  };
}

export type SandboxApp = Hono<SandboxEnv>;
export type SandboxContext = Context<SandboxEnv>;

export interface RouteDeps {
  store: SandboxStore;
  clock: Clock;
}

export const nowIso = (deps: RouteDeps): string => toIso(deps.clock.now());

/** `true`/`false` in a query string. */
export const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true');

export const listParam = z.array(z.string()).default([]);

/** An integer query parameter within bounds. */
export const intParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: 'expected a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** A path parameter (Hono has already decoded it). */
export function pathParam(c: SandboxContext, name: string): string {
  return c.req.param(name) ?? '';
}

/** The URL of the next page: this request's URL with `after` replaced. */
export function nextPageLink(c: SandboxContext, after: string): string {
  const url = new URL(c.req.url);
  url.searchParams.set('after', after);
  return url.toString();
}
