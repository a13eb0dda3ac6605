// A handoff key (`<dealId>:<handoffType>`) is unique only within one CRM account, so storage
// always names a handoff by its portal (HubSpot portal id, Salesforce org id) and key together.
import { z } from 'zod';

export const handoffRef = z.object({
  portalId: z.string().min(1, 'portalId is required'),
  handoffKey: z.string().min(1, 'handoffKey is required'),
});
export type HandoffRef = z.infer<typeof handoffRef>;
