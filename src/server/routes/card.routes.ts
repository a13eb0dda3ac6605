// The card API under /api/: what the deal record's handoff card calls with `hubspot.fetch`.
// Every request is signed (checked before this), names its account and user in the signed
// query, and gets the person's role from the team directory; the card functions decide.
import type { Context } from 'hono';
import { z } from 'zod';
import {
  type CardDeps,
  type CardUser,
  actOnCard,
  introEmailForCard,
  loadCard,
  saveCard,
} from '../../functions/card-api';
import { requestPreClose } from '../../functions/pre-close';
import { creationEntry, transitionEntries } from '../audit-entries';
import { type BackendDeps, dealLocks } from '../backend-deps';
import { cardContextFrom, resolveCardUser } from '../card-user';
import { indexHandoff } from '../handoff-index';
import { type PortalRules, settingsFor } from '../portal-settings';
import { recordAudit, requireCrm, startAndRecord } from '../handoff-starts';
import type { BackendApp, BackendEnv } from '../http-env';
import { HttpError, parse, parseBody } from '../http-errors';

const dealParams = z.object({
  dealId: z.string().regex(/^\d+$/, { error: 'expected the numeric HubSpot deal id' }),
});

interface CardRequest {
  dealId: string;
  portalId: string;
  user: CardUser;
  deps: CardDeps;
  /** The portal's policy and team (its settings, or the defaults), read once per request. */
  rules: PortalRules;
  /** The body that was signed, unparsed: the card functions validate it themselves. */
  body: () => unknown;
}

async function cardRequest(c: Context<BackendEnv>, backend: BackendDeps): Promise<CardRequest> {
  const { dealId } = parse({ dealId: c.req.param('dealId') }, dealParams);
  const context = cardContextFrom(c.req.query());
  const crm = await requireCrm(backend, context.portalId);
  const rules = await settingsFor(backend, context.portalId);
  const user = await resolveCardUser(context, crm, rules.directory);
  c.get('log').debug({ dealId, role: user.role }, 'card request');
  return {
    dealId,
    portalId: context.portalId,
    user,
    rules,
    deps: {
      crm,
      policy: rules.policy,
      locks: dealLocks(backend.locks, context.portalId),
      now: backend.now,
      audit: (handoffKey, events) =>
        recordAudit(backend, transitionEntries(context.portalId, handoffKey, events)),
      onSaved: (savedDealId, handoff) =>
        indexHandoff(backend, {
          portalId: context.portalId,
          dealId: savedDealId,
          handoffKey: handoff.key,
          document: handoff.document,
          policy: rules.policy,
        }),
    },
    body: () => parseBody(c.get('rawBody'), z.unknown()),
  };
}

export function registerCardRoutes(app: BackendApp, backend: BackendDeps): void {
  const base = '/api/deals/:dealId/handoff';

  app.get(base, async (c) => {
    const { dealId, user, deps } = await cardRequest(c, backend);
    return c.json(await loadCard(dealId, user, deps));
  });

  app.put(base, async (c) => {
    const { dealId, user, deps, body } = await cardRequest(c, backend);
    return c.json(await saveCard(dealId, user, body(), deps));
  });

  app.post(`${base}/actions`, async (c) => {
    const { dealId, user, deps, body } = await cardRequest(c, backend);
    return c.json(await actOnCard(dealId, user, body(), deps));
  });

  app.get(`${base}/intro-email`, async (c) => {
    const { dealId, deps } = await cardRequest(c, backend);
    return c.json(await introEmailForCard(dealId, deps));
  });

  app.post(`${base}/start`, async (c) => {
    const { dealId, portalId, user, deps, rules } = await cardRequest(c, backend);
    const result = await startAndRecord(backend, {
      portalId,
      dealId,
      crm: deps.crm,
      rules,
      actor: user,
      source: 'card',
      // A person pressing start again after a failure: finish what the first press began.
      resume: true,
    });
    if (result.outcome === 'not_closed_won') {
      throw new HttpError(
        409,
        'invalid_state',
        `deal ${dealId} is not closed-won, so there is no handoff to start yet`,
      );
    }
    const card = await loadCard(dealId, user, deps);
    return c.json({ outcome: result.outcome, card }, result.outcome === 'started' ? 201 : 200);
  });

  // The AE asks CS to engage before the close: a pre_close handoff awaiting a CS manager.
  app.post(`${base}/pre-close`, async (c) => {
    const { dealId, portalId, user, deps, body, rules } = await cardRequest(c, backend);
    const result = await requestPreClose(dealId, user, body(), {
      ...deps,
      directory: rules.directory,
    });
    if (result.outcome === 'requested') {
      c.get('log').info({ dealId, handoffKey: result.handoffKey }, 'pre-close handoff requested');
      await recordAudit(backend, [
        creationEntry(portalId, result.handoffKey, {
          actor: user,
          state: result.state,
          at: backend.now(),
          details: {
            source: 'card',
            dealId,
            tasks: result.tasks,
            approverId: result.approverId,
          },
        }),
      ]);
    }
    const card = await loadCard(dealId, user, deps);
    return c.json({ outcome: result.outcome, card }, result.outcome === 'requested' ? 201 : 200);
  });
}
