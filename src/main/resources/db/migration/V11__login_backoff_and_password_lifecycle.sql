-- Login throttling by (account, address) with backoff instead of a lock on the account that anyone could renew
-- (issue 16, M-8), checked and counted in one locked row per key (L-10). One row per key: "pair:<e-mail> <address>",
-- "address:<address>" and "account:<e-mail>".
CREATE TABLE login_throttle (
    throttle_key    VARCHAR(400) NOT NULL PRIMARY KEY,
    -- password checks that did not succeed, since window_start
    failures        INTEGER      NOT NULL,
    window_start    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a pair that failed too often is refused until then; each time for twice as long as the time before
    blocked_until   TIMESTAMP WITH TIME ZONE,
    blocks          INTEGER      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure_at);
DROP TABLE login_failure;

-- A password that an administrator set (a new coach, a reset) is temporary: its holder chooses their own (M-9).
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
