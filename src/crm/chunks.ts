/** Splits a list for batch endpoints, which take at most 100 inputs (HubSpot, Salesforce composite). */
export function chunks<T>(items: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
