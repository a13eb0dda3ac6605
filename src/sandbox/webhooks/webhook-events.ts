// A record write as HubSpot's webhook events: one per subscription whose property the write
// changed. The fields and their order are those of real `object.propertyChange` deliveries;
// legacy subscriptions (`deal.propertyChange`) get the same event without `objectTypeId`.
import type { RecordChange } from '../store/record-store';
import { LEGACY_OBJECT_TYPES, type WebhookSubscription } from './webhook-settings';

export interface SandboxWebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: string;
  /** 0 on the first attempt; set per attempt when the batch is sent. */
  attemptNumber: number;
  objectId: number;
  objectTypeId?: string;
  propertyName: string;
  propertyValue: string;
  changeSource: string;
  sourceId?: string;
  isSensitive?: boolean;
}

export interface EventContext {
  portalId: number;
  appId: number;
  subscriptions: readonly WebhookSubscription[];
  nextEventId: () => number;
}

const objectTypeOf = (subscription: WebhookSubscription): string =>
  subscription.subscriptionType === 'object.propertyChange'
    ? subscription.objectTypeId
    : LEGACY_OBJECT_TYPES[subscription.subscriptionType];

export function eventsFor(change: RecordChange, context: EventContext): SandboxWebhookEvent[] {
  const events: SandboxWebhookEvent[] = [];
  for (const subscription of context.subscriptions) {
    if (objectTypeOf(subscription) !== change.objectTypeId) continue;
    const value = change.changed[subscription.propertyName];
    if (value === undefined) continue;
    const generic = subscription.subscriptionType === 'object.propertyChange';
    events.push({
      eventId: context.nextEventId(),
      subscriptionId: subscription.id,
      portalId: context.portalId,
      appId: context.appId,
      occurredAt: change.at,
      subscriptionType: subscription.subscriptionType,
      attemptNumber: 0,
      objectId: Number(change.id),
      ...(generic ? { objectTypeId: change.objectTypeId } : {}),
      propertyName: subscription.propertyName,
      propertyValue: value,
      changeSource: change.origin.source,
      ...(change.origin.sourceId !== undefined ? { sourceId: change.origin.sourceId } : {}),
      ...(generic ? { isSensitive: false } : {}),
    });
  }
  return events;
}
