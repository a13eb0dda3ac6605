// Where and how the sandbox delivers webhooks, as HubSpot's app settings say it: the target
// URL and client secret, the subscriptions, and the delivery knobs. One schema serves
// `createSandbox({ webhooks })` and `POST /__sandbox/webhooks`, so both refuse the same input.
import { z } from 'zod';

/** The app the sandbox's events claim to come from when none is given. */
export const DEFAULT_WEBHOOK_APP_ID = 1_000_001;
const FIRST_SUBSCRIPTION_ID = 2_000_001;

/** Legacy (`deal.propertyChange`) subscriptions name the object; their events carry no type id. */
export const LEGACY_OBJECT_TYPES = {
  'contact.propertyChange': '0-1',
  'company.propertyChange': '0-2',
  'deal.propertyChange': '0-3',
} as const;

const positiveId = z.number().int().positive();

const objectSubscriptionSchema = z.strictObject({
  id: positiveId.optional(),
  subscriptionType: z.literal('object.propertyChange'),
  objectTypeId: z.string().regex(/^\d+-\d+$/, { error: 'expected an object type id like 0-3' }),
  propertyName: z.string().min(1),
});

const legacySubscriptionSchema = z.strictObject({
  id: positiveId.optional(),
  subscriptionType: z.enum(Object.keys(LEGACY_OBJECT_TYPES) as [keyof typeof LEGACY_OBJECT_TYPES]),
  propertyName: z.string().min(1),
});

const subscriptionSchema = z.discriminatedUnion('subscriptionType', [
  objectSubscriptionSchema,
  legacySubscriptionSchema,
]);

export type WebhookSubscription = z.output<typeof subscriptionSchema> & { id: number };

/** What Baton subscribes to: a deal's stage, on the 2025.2 platform's generic subscription. */
export const DEFAULT_SUBSCRIPTIONS: z.input<typeof subscriptionSchema>[] = [
  { subscriptionType: 'object.propertyChange', objectTypeId: '0-3', propertyName: 'dealstage' },
];

/**
 * Retries after the first attempt. HubSpot makes up to 10 over 24 hours; the default keeps the
 * count and compresses the spacing (1 s doubling, at most a minute apart: about 5 minutes).
 */
export const retrySchema = z.strictObject({
  retries: z.number().int().min(0).max(100).default(10),
  initialDelayMs: z.number().int().min(0).max(86_400_000).default(1_000),
  maxDelayMs: z.number().int().min(0).max(86_400_000).default(60_000),
});

export type RetrySchedule = z.output<typeof retrySchema>;

export const webhookSettingsSchema = z.strictObject({
  targetUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }),
  clientSecret: z.string().min(1, { error: 'required' }),
  appId: positiveId.default(DEFAULT_WEBHOOK_APP_ID),
  subscriptions: z
    .array(subscriptionSchema)
    .min(1)
    .default(DEFAULT_SUBSCRIPTIONS)
    .transform((list) => list.map((s, i) => ({ ...s, id: s.id ?? FIRST_SUBSCRIPTION_ID + i }))),
  /** HubSpot sends at most 100 events per request. */
  maxBatchSize: z.number().int().min(1).max(100).default(100),
  /** Changes this close together share a request. */
  batchWindowMs: z.number().int().min(0).max(60_000).default(100),
  /** HubSpot gives up on an answer after 5 seconds. */
  timeoutMs: z.number().int().min(1).max(60_000).default(5_000),
  maxConcurrentRequests: z.number().int().min(1).max(100).default(10),
  /** Events waiting (batching, queued, in flight, between retries) past which new ones are dropped. */
  maxPendingEvents: z.number().int().min(1).max(1_000_000).default(10_000),
  retry: retrySchema.prefault({}),
});

export type WebhookSettingsInput = z.input<typeof webhookSettingsSchema>;
export type WebhookSettings = z.output<typeof webhookSettingsSchema>;

/** The settings as the control route shows them: everything but the secret. */
export type PublicWebhookSettings = Omit<WebhookSettings, 'clientSecret'>;

export function publicSettings(settings: WebhookSettings): PublicWebhookSettings {
  const { clientSecret: _secret, ...shown } = settings;
  return shown;
}

/** The wait before retry `n` (1-based): doubling from `initialDelayMs`, capped. */
export function retryDelay(schedule: RetrySchedule, n: number): number {
  return Math.min(schedule.maxDelayMs, schedule.initialDelayMs * 2 ** (n - 1));
}
