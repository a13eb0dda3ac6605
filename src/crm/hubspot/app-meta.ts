// The marketplace app itself and its webhook subscriptions as HubSpot 2026.03 project components:
// `app/app-hsmeta.json` (`type: app`) and `app/webhooks/*-hsmeta.json` (`type: webhooks`).
//
// The format follows HubSpot's app configuration reference
// (developers.hubspot.com/docs/apps/developer-platform/build-apps/app-configuration), its
// webhooks page (…/add-features/configure-webhooks), its scopes page (…/authentication/scopes:
// required, conditionally required and optional scopes) and the 2026.03 templates in
// HubSpot/hubspot-project-components (components/app/oauth-marketplace/…/app-hsmeta.json and
// components/webhooks/…/webhooks-hsmeta.json).
import { HUBSPOT_PROJECT_UIDS } from '../objects/universal-identifiers';
import { BACKEND_PATHS, backendUrl } from './public-url';

export interface ScopeNeed {
  scope: string;
  /** The calls of Baton's that need it: a scope nobody can explain is a scope to drop. */
  why: string;
}

/** Without these an install cannot work, so HubSpot refuses it without them. */
export const REQUIRED_SCOPES: readonly ScopeNeed[] = [
  { scope: 'oauth', why: 'the OAuth install and token refresh' },
  { scope: 'crm.objects.deals.read', why: 'the deal, deal search, and the pipelines (closed-won)' },
  { scope: 'crm.objects.deals.write', why: 'scores, status and SLA state written back to deals' },
  { scope: 'crm.schemas.deals.read', why: "checking Baton's deal properties" },
  { scope: 'crm.schemas.deals.write', why: "creating Baton's deal properties at install" },
  { scope: 'crm.objects.contacts.read', why: "the deal's contacts and their roles" },
  // HubSpot's tasks API asks for the contacts scopes; there is no tasks scope of its own.
  { scope: 'crm.objects.contacts.write', why: 'the handoff tasks, created on the deal' },
  { scope: 'crm.objects.companies.read', why: "the deal's company" },
  { scope: 'crm.objects.owners.read', why: 'AEs, CSMs and CS managers (task owners)' },
];

/**
 * Granted where the portal has them. The adapter finds Baton's objects through the schemas API
 * and reads and writes their records by object type id, which for custom objects needs these
 * (Enterprise portals only). Required, they would refuse every other portal, where Baton's
 * records are the app objects of this project.
 */
export const OPTIONAL_SCOPES: readonly ScopeNeed[] = [
  { scope: 'crm.schemas.custom.read', why: "finding Baton's objects (GET /crm/v3/schemas)" },
  { scope: 'crm.objects.custom.read', why: 'reading handoff, commitment and stakeholder records' },
  { scope: 'crm.objects.custom.write', why: 'writing handoff, commitment and stakeholder records' },
];

export const APP_NAME = 'Baton';
export const APP_DESCRIPTION =
  'Baton turns the sales-to-customer-success handoff into a scored CRM record: a handoff card ' +
  'on the deal, automation at closed-won that creates the handoff and its tasks, completeness ' +
  'and quality scores, SLA clocks with escalation, and CS acceptance or return with named gaps.';

export interface AppMeta {
  uid: string;
  type: 'app';
  config: {
    name: string;
    description: string;
    distribution: 'marketplace';
    auth: {
      type: 'oauth';
      redirectUrls: string[];
      requiredScopes: string[];
      optionalScopes: string[];
      conditionallyRequiredScopes: string[];
    };
    permittedUrls: { fetch: string[]; iframe: string[]; img: string[] };
  };
}

/** `app/app-hsmeta.json`: a marketplace app on OAuth, whose card may fetch from the backend. */
export function appMeta(publicUrl: string): AppMeta {
  return {
    uid: HUBSPOT_PROJECT_UIDS.app,
    type: 'app',
    config: {
      name: APP_NAME,
      description: APP_DESCRIPTION,
      distribution: 'marketplace',
      auth: {
        type: 'oauth',
        redirectUrls: [backendUrl(publicUrl, BACKEND_PATHS.oauthCallback)],
        requiredScopes: REQUIRED_SCOPES.map(({ scope }) => scope),
        optionalScopes: OPTIONAL_SCOPES.map(({ scope }) => scope),
        conditionallyRequiredScopes: [],
      },
      // The card's `hubspot.fetch` may call only these origins (the card API is under /api/).
      permittedUrls: { fetch: [publicUrl], iframe: [], img: [] },
    },
  };
}

/** A deal moving stage: the one event that can start a handoff (src/functions/webhook-events). */
export const DEAL_STAGE_SUBSCRIPTION = {
  subscriptionType: 'object.propertyChange',
  objectType: 'deal',
  propertyName: 'dealstage',
  active: true,
} as const;

/**
 * How many webhook requests HubSpot sends at once (the value of HubSpot's template). The
 * endpoint answers as soon as a batch of up to 100 events is recorded and queued.
 */
export const WEBHOOK_MAX_CONCURRENT_REQUESTS = 10;

export interface WebhooksMeta {
  uid: string;
  type: 'webhooks';
  config: {
    settings: { targetUrl: string; maxConcurrentRequests: number };
    subscriptions: { crmObjects: (typeof DEAL_STAGE_SUBSCRIPTION)[] };
  };
}

/** `app/webhooks/webhooks-hsmeta.json`: deal stage changes, delivered to the backend. */
export function webhooksMeta(publicUrl: string): WebhooksMeta {
  return {
    uid: HUBSPOT_PROJECT_UIDS.webhooks,
    type: 'webhooks',
    config: {
      settings: {
        targetUrl: backendUrl(publicUrl, BACKEND_PATHS.webhooks),
        maxConcurrentRequests: WEBHOOK_MAX_CONCURRENT_REQUESTS,
      },
      subscriptions: { crmObjects: [DEAL_STAGE_SUBSCRIPTION] },
    },
  };
}
