-- Staff sessions and failed logins live in the database, not in one instance's memory: several instances behind a
-- load balancer serve the same logged-in coach and count the same password guesses.
CREATE TABLE http_session (
    id               VARCHAR(128)  NOT NULL PRIMARY KEY,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_accessed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    max_inactive_s   INTEGER       NOT NULL,
    -- JSON: the logged-in staff member (name, roles, account id) and simple attributes; never answers or passwords.
    attributes       VARCHAR(8000) NOT NULL
);
CREATE INDEX http_session_last_accessed ON http_session (last_accessed_at);

CREATE TABLE login_failure (
    failure_key VARCHAR(300) NOT NULL,
    failed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_key ON login_failure (failure_key, failed_at);
