-- Each enrollment attempt carries a random request id that the client sends again on every
-- retry. The first use of a code records the device it created under that id; a retry whose
-- answer was lost then gets that device's credential re-issued instead of spending the code
-- again. Keyed by request id alone, so that a request id sent with another code is seen.
-- The device reference is checked at commit: the request is claimed before the device exists,
-- so that concurrent retries of one request wait for each other instead of racing for the code.
CREATE TABLE enrollment_requests (
  request_id  uuid PRIMARY KEY,
  code_hash   text NOT NULL,
  device_id   uuid NOT NULL REFERENCES devices (id) DEFERRABLE INITIALLY DEFERRED,
  created_at  timestamptz NOT NULL DEFAULT now()
);
