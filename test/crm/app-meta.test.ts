// The marketplace app and its webhook subscriptions: where HubSpot sends users and events (the
// public URL), which scopes an install grants, and that the subscription is what the webhook
// endpoint acts on.
import {
  DEAL_STAGE_SUBSCRIPTION,
  OPTIONAL_SCOPES,
  REQUIRED_SCOPES,
  appMeta,
  webhooksMeta,
} from '../../src/crm/hubspot/app-meta';
import { webhookEventSchema, isDealStageChange } from '../../src/functions/webhook-events';

const PUBLIC_URL = 'https://baton.example.com';

describe('the app component', () => {
  const app = appMeta(PUBLIC_URL);

  it('is the marketplace app on OAuth, under the uid installs are tied to', () => {
    expect(app).toMatchObject({
      uid: 'baton_app',
      type: 'app',
      config: { name: 'Baton', distribution: 'marketplace', auth: { type: 'oauth' } },
    });
  });

  it('sends the installing user back to the backend and lets the card fetch from it', () => {
    expect(app.config.auth.redirectUrls).toEqual(['https://baton.example.com/oauth/callback']);
    expect(app.config.permittedUrls.fetch).toEqual(['https://baton.example.com']);
    expect(appMeta('https://example.com/baton').config.auth.redirectUrls).toEqual([
      'https://example.com/baton/oauth/callback',
    ]);
  });

  it('asks for each scope once, for a stated reason, optional ones apart from required ones', () => {
    const required = REQUIRED_SCOPES.map(({ scope }) => scope);
    const optional = OPTIONAL_SCOPES.map(({ scope }) => scope);
    expect(app.config.auth.requiredScopes).toEqual(required);
    expect(app.config.auth.optionalScopes).toEqual(optional);
    const all = [...required, ...optional];
    expect(new Set(all).size).toBe(all.length);
    for (const { scope, why } of [...REQUIRED_SCOPES, ...OPTIONAL_SCOPES]) {
      expect(scope).toMatch(/^(oauth|crm\.(objects|schemas)\.[a-z_]+\.(read|write))$/);
      expect(why.length).toBeGreaterThan(5);
    }
  });

  it('requires what every install needs: deals, their contacts, companies, owners, tasks', () => {
    expect(app.config.auth.requiredScopes).toEqual(
      expect.arrayContaining([
        'oauth',
        'crm.objects.deals.read',
        'crm.objects.deals.write',
        'crm.objects.contacts.read',
        // Tasks are created through the contacts scopes; HubSpot has no tasks scope.
        'crm.objects.contacts.write',
        'crm.objects.companies.read',
        'crm.objects.owners.read',
      ]),
    );
    // Custom objects exist on Enterprise portals only: requiring them would refuse the rest.
    expect(app.config.auth.requiredScopes.some((scope) => scope.includes('.custom.'))).toBe(false);
  });
});

describe('the webhooks component', () => {
  const webhooks = webhooksMeta(PUBLIC_URL);

  it('delivers to the backend, under a stable uid', () => {
    expect(webhooks).toMatchObject({
      uid: 'baton_webhooks',
      type: 'webhooks',
      config: { settings: { targetUrl: 'https://baton.example.com/hubspot/webhooks' } },
    });
    expect(webhooks.config.settings.maxConcurrentRequests).toBeGreaterThan(0);
  });

  it('subscribes to deal stage changes only, the event the endpoint starts handoffs on', () => {
    expect(webhooks.config.subscriptions.crmObjects).toEqual([DEAL_STAGE_SUBSCRIPTION]);
    // What HubSpot delivers for that subscription: deals are object type 0-3.
    const delivered = webhookEventSchema.parse({
      eventId: 1,
      portalId: 62515,
      occurredAt: 1_760_000_000_000,
      subscriptionType: DEAL_STAGE_SUBSCRIPTION.subscriptionType,
      objectTypeId: '0-3',
      objectId: 101,
      propertyName: DEAL_STAGE_SUBSCRIPTION.propertyName,
      propertyValue: 'closedwon',
    });
    expect(DEAL_STAGE_SUBSCRIPTION.objectType).toBe('deal');
    expect(isDealStageChange(delivered)).toBe(true);
  });
});
