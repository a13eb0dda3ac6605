// The listener's safety net: won Opportunities changed since a checkpoint that still have no
// Baton handoff. It finds what no event announced, or what an event announced while the listener
// was away longer than the event bus keeps events (72 hours), and deals created already won,
// which the flow does not fire for.
import type { Connection } from 'jsforce';
import { z } from 'zod';
import { type SalesforceCalls, queryRecords } from './salesforce-calls';
import { wonWithoutHandoffQuery } from './salesforce-queries';
import { isSalesforceId } from './soql';

export interface WonOpportunity {
  id: string;
  lastModifiedAt: Date;
}

const wonRow = z.object({
  Id: z.string().refine(isSalesforceId, { error: 'Id is not a Salesforce id' }),
  LastModifiedDate: z.string().refine((value) => !Number.isNaN(Date.parse(value)), {
    error: 'LastModifiedDate is not a date',
  }),
});

export async function findWonWithoutHandoff(
  connection: Connection,
  calls: SalesforceCalls,
  since: Date,
): Promise<WonOpportunity[]> {
  const records = await calls.run('listener:reconcile', () =>
    queryRecords(connection, wonWithoutHandoffQuery(since)),
  );
  return records.map((record) => {
    const row = wonRow.parse(record);
    return { id: row.Id, lastModifiedAt: new Date(row.LastModifiedDate) };
  });
}
