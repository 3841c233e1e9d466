-- Append-only audit trail (監査ログ). Events are written in the same transaction as the change they
-- record; a background sealer later appends each committed event to a per-municipality hash chain
-- in audit_seal, so writers never wait on one chain lock.

CREATE TABLE audit_event (
  municipality_id uuid NOT NULL,
  event_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_login text,
  action text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  target_type text,
  target_id text,
  basis text,                                -- legal basis / why access was allowed (or denial reason)
  purpose text,
  request_id text,
  client_addr text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (municipality_id, event_id)
);
CREATE INDEX audit_event_by_time ON audit_event (municipality_id, occurred_at DESC, event_id DESC);
CREATE INDEX audit_event_by_actor ON audit_event (municipality_id, lower(actor_login), occurred_at DESC);
CREATE INDEX audit_event_by_target ON audit_event (municipality_id, target_id, occurred_at DESC);

CREATE TABLE audit_seal (
  municipality_id uuid NOT NULL,
  seq bigint NOT NULL,
  event_id uuid NOT NULL,
  event_hash text NOT NULL,
  chain_hash text NOT NULL,
  sealed_at timestamptz NOT NULL,
  late boolean NOT NULL DEFAULT false,       -- event was older than the sealing grace window when sealed
  PRIMARY KEY (municipality_id, seq)
);
CREATE UNIQUE INDEX audit_seal_event ON audit_seal (municipality_id, event_id);

-- Nobody may change or remove audit rows, whatever role they connect as (a superuser can still
-- disable triggers; that is what audit:verify is for).
CREATE FUNCTION audit_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only (%)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal FROM PUBLIC;
