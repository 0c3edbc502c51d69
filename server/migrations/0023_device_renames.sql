-- Each signed rename a PC sent, by its signature: a statement is used once, so a request seen
-- on the wire (or kept on the PC) cannot put an old name back later. Clocks cannot order them:
-- a PC's clock may be days wrong or set back, so the rule is "never twice", not "only newer".
CREATE TABLE device_renames (
  signature_hash text PRIMARY KEY,
  device_id      uuid NOT NULL REFERENCES devices (id),
  name           text NOT NULL,
  staff_id       text NOT NULL,
  requested_at   text NOT NULL,
  renamed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX device_renames_by_device ON device_renames (device_id, renamed_at);
