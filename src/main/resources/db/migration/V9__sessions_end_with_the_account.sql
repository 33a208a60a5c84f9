-- A staff session ends with the account's trust in it (issue 16, H-1): disabling a coach or setting a new password
-- deletes the account's sessions by this column, and scan tokens that a coach's session was given before
-- sessions_ended_at open nothing.
ALTER TABLE http_session ADD COLUMN account_id BIGINT;
CREATE INDEX http_session_account ON http_session (account_id);
CREATE INDEX http_session_created ON http_session (created_at);
-- Sessions from before this migration carry no account id, so they could not be ended: staff log in once more.
DELETE FROM http_session;

ALTER TABLE account ADD COLUMN sessions_ended_at TIMESTAMP WITH TIME ZONE;
