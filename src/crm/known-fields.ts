// Writing only the fields a CRM account has. An account one `provision` (HubSpot) or deploy
// (Salesforce) behind a new Baton lacks the fields it added, and both CRMs refuse a whole write
// that names one; leaving those out keeps its handoffs flowing, and naming them (once each, for
// the life of the adapter) tells the admin what to run.
export class KnownFields {
  private readonly reported = new Set<string>();

  constructor(
    /** Told the fields left out that it was not told before. */
    private readonly onMissing: (names: string[]) => void,
    /** Which fields the account's list speaks for (Salesforce: custom fields only). */
    private readonly checked: (name: string) => boolean = () => true,
  ) {}

  /** `values` without the checked fields `known` lacks; all of them while `known` is unknown. */
  writable<T extends Record<string, unknown>>(values: T, known: ReadonlySet<string> | null): T {
    if (known === null) return values;
    const missing = Object.keys(values).filter((name) => this.checked(name) && !known.has(name));
    if (missing.length === 0) return values;
    const unreported = missing.filter((name) => !this.reported.has(name));
    for (const name of unreported) this.reported.add(name);
    if (unreported.length > 0) this.onMissing(unreported);
    return Object.fromEntries(
      Object.entries(values).filter(([name]) => !missing.includes(name)),
    ) as T;
  }
}
