// Where the Salesforce listener resumes, per org: the replay id of the last platform event
// whose handoff is queued (replay ids belong to their channel, so the channel is kept with it),
// and the instant before which the reconciliation poll has queued every won Opportunity. Both
// only move forward: several backend copies each run a listener, and the furthest wins.
export const sql = /* sql */ `
CREATE TABLE salesforce_cursors (
  org_id text PRIMARY KEY,
  channel text,
  replay_id bigint,
  reconciled_through timestamptz,
  updated_at timestamptz NOT NULL,
  CONSTRAINT salesforce_cursors_replay_has_channel CHECK ((channel IS NULL) = (replay_id IS NULL))
);
`;
