// Baton_Handoff_Requested__e as the listener receives it over CometD, checked before anything is
// queued: `event.replayId` (where to resume after it), `event.EventUuid` (the event's own id,
// the same on every redelivery) and the payload's Opportunity id and CreatedDate (when the flow
// published it, i.e. when the Opportunity became won).
import { z } from 'zod';
import { HANDOFF_REQUESTED_EVENT } from './handoff-requested.event';
import { isSalesforceId } from './soql';

export const HANDOFF_REQUESTED_CHANNEL = `/event/${HANDOFF_REQUESTED_EVENT.apiName}`;

const OPPORTUNITY_FIELD = HANDOFF_REQUESTED_EVENT.fields.opportunityId.apiName;

export interface HandoffRequest {
  replayId: number;
  /** Null only from an org that sends no EventUuid; the replay id identifies the event then. */
  eventUuid: string | null;
  opportunityId: string;
  /** When the flow published the event (epoch ms). */
  requestedAt: number;
}

const instant = (field: string) =>
  z
    .string({ error: `${field} is required` })
    .refine((value) => !Number.isNaN(Date.parse(value)), { error: `${field} is not a date` });

const eventMessage = z.object({
  event: z.object(
    {
      replayId: z.int({ error: 'event.replayId is not a whole number' }),
      EventUuid: z.string().min(1, { error: 'event.EventUuid is empty' }).optional(),
    },
    { error: 'event is required' },
  ),
  payload: z.object(
    {
      CreatedDate: instant('payload.CreatedDate'),
      [OPPORTUNITY_FIELD]: z
        .string({ error: `payload.${OPPORTUNITY_FIELD} is required` })
        .refine(isSalesforceId, { error: `payload.${OPPORTUNITY_FIELD} is not a Salesforce id` }),
    },
    { error: 'payload is required' },
  ),
});

export type ParsedHandoffEvent =
  | { success: true; request: HandoffRequest }
  | { success: false; replayId: number | null; errorMessages: string[] };

/** The messages name fields, never values: an event may carry whatever a flow put in it. */
export function parseHandoffRequested(data: unknown): ParsedHandoffEvent {
  const parsed = eventMessage.safeParse(data);
  if (!parsed.success) {
    const replayId = (data as { event?: { replayId?: unknown } } | null)?.event?.replayId;
    return {
      success: false,
      replayId: Number.isInteger(replayId) ? (replayId as number) : null,
      errorMessages: parsed.error.issues.map((issue) => issue.message),
    };
  }
  const { event, payload } = parsed.data;
  return {
    success: true,
    request: {
      replayId: event.replayId,
      eventUuid: event.EventUuid ?? null,
      opportunityId: payload[OPPORTUNITY_FIELD],
      requestedAt: Date.parse(payload.CreatedDate),
    },
  };
}
