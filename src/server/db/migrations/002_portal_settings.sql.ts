// What CS ops set on the settings page, per portal: the policy (templates, SLA windows, the
// working calendar) and the team (who is a CS manager, CSM, CS ops, sales manager), as one JSON
// document the backend validates before it is written. `version` counts saves from 1, for the
// page's optimistic concurrency; a portal without a row runs on the backend's defaults.
export const sql = /* sql */ `
CREATE TABLE portal_settings (
  portal_id text PRIMARY KEY,
  settings jsonb NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  -- The person who saved (a CRM owner id, or user:<id>), for the page and for people asking.
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL
);
`;
