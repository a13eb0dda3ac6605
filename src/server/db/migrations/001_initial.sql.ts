// The first schema. SQL lives in a TypeScript string so esbuild bundles it with the code: a
// loose .sql file would have to be copied next to the bundle and found at run time.
// Handoff keys (`<dealId>:<handoffType>`) are unique only within one CRM account, so every
// handoff-scoped table is keyed by portal too. Instants are timestamptz, written by the app
// (which owns the clock, so tests can pin it); now() appears only in bookkeeping columns.
export const sql = /* sql */ `
CREATE TABLE installs (
  portal_id text PRIMARY KEY,
  hub_domain text NOT NULL,
  scopes jsonb NOT NULL,
  -- AES-256-GCM envelopes (see token-cipher.ts); NULL once uninstalled, since we have no
  -- business keeping a portal's credentials after it removed us.
  access_token_encrypted text,
  refresh_token_encrypted text,
  access_token_expires_at timestamptz,
  installed_at timestamptz NOT NULL,
  uninstalled_at timestamptz,
  updated_at timestamptz NOT NULL,
  CONSTRAINT installs_tokens_iff_installed CHECK (
    (uninstalled_at IS NULL) = (access_token_encrypted IS NOT NULL
      AND refresh_token_encrypted IS NOT NULL AND access_token_expires_at IS NOT NULL)
  )
);

CREATE TABLE processed_events (
  source text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL,
  PRIMARY KEY (source, event_id)
);
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);

CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  dedupe_key text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending', 'running', 'done', 'dead')),
  run_at timestamptz NOT NULL,
  -- Counted when a job is claimed, so a job that kills its worker every time still dies.
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL CHECK (max_attempts > 0),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  -- Bookkeeping for people reading the table; the queue's logic uses only the app's instants.
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT jobs_dedupe UNIQUE (kind, dedupe_key),
  CONSTRAINT jobs_running_has_lease CHECK (
    (status = 'running') = (locked_by IS NOT NULL AND locked_until IS NOT NULL)
  )
);
-- The claim looks for due pending jobs and for running jobs whose lease ran out.
CREATE INDEX jobs_pending_due ON jobs (run_at, id) WHERE status = 'pending';
CREATE INDEX jobs_running_lease ON jobs (locked_until) WHERE status = 'running';

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  portal_id text NOT NULL,
  handoff_key text NOT NULL,
  actor_id text NOT NULL,
  actor_role text NOT NULL,
  action text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  at timestamptz NOT NULL,
  details jsonb NOT NULL
);
CREATE INDEX audit_log_handoff ON audit_log (portal_id, handoff_key, at, id);

-- Append-only in the database itself, not only by convention in the repository: an audit log
-- that code can quietly rewrite proves nothing. (TRUNCATE, an operator's act, still works.)
CREATE FUNCTION baton_audit_log_is_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION baton_audit_log_is_append_only();

CREATE TABLE sla_alerts (
  portal_id text NOT NULL,
  handoff_key text NOT NULL,
  alert_key text NOT NULL,
  payload jsonb NOT NULL,
  raised_at timestamptz NOT NULL,
  PRIMARY KEY (portal_id, handoff_key, alert_key)
);

CREATE TABLE handoff_index (
  portal_id text NOT NULL,
  handoff_key text NOT NULL,
  deal_id text NOT NULL,
  state text NOT NULL,
  next_due_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (portal_id, handoff_key)
);
CREATE INDEX handoff_index_next_due ON handoff_index (next_due_at, portal_id, handoff_key)
  WHERE next_due_at IS NOT NULL;
`;
