// HubSpot's webhook deliveries, validated at the door. A delivery is a batch of up to 100
// events; Baton subscribes to deal stage changes (`deal.propertyChange` on legacy apps,
// `object.propertyChange` with objectTypeId 0-3 on 2025.2+ projects) and acts on closed-won.
import { z } from 'zod';

const id = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)], {
    error: 'expected a numeric id',
  })
  .transform(String);

export const webhookEventSchema = z.looseObject({
  eventId: id,
  subscriptionId: id.optional(),
  portalId: id,
  appId: id.optional(),
  occurredAt: z.number({ error: 'expected a time in milliseconds' }).int().nonnegative(),
  subscriptionType: z.string({ error: 'required' }).min(1, { error: 'required' }),
  attemptNumber: z.number().int().nonnegative().optional(),
  objectId: id,
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().optional(),
  changeSource: z.string().optional(),
});

export const webhookBatchSchema = z
  .array(webhookEventSchema, { error: 'expected a list of webhook events' })
  .max(100, { error: 'HubSpot sends at most 100 events per request' });

export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** A deal stage change: the only event that can start a handoff. */
export function isDealStageChange(event: WebhookEvent): boolean {
  const onDeal =
    event.subscriptionType === 'deal.propertyChange' ||
    (event.subscriptionType === 'object.propertyChange' && event.objectTypeId === '0-3');
  return onDeal && event.propertyName === 'dealstage';
}

export interface StageChange {
  eventId: string;
  portalId: string;
  dealId: string;
  stageId: string | null;
  occurredAt: number;
}

/**
 * The stage changes in a batch, one per deal: the latest by `occurredAt`, since HubSpot does
 * not promise order and a deal moved twice in a batch ends where its last move put it.
 */
export function latestStageChanges(events: readonly WebhookEvent[]): StageChange[] {
  const latest = new Map<string, StageChange>();
  for (const event of events) {
    if (!isDealStageChange(event)) continue;
    const key = `${event.portalId}:${event.objectId}`;
    const seen = latest.get(key);
    if (seen && seen.occurredAt > event.occurredAt) continue;
    latest.set(key, {
      eventId: event.eventId,
      portalId: event.portalId,
      dealId: event.objectId,
      stageId: event.propertyValue ?? null,
      occurredAt: event.occurredAt,
    });
  }
  return [...latest.values()];
}
