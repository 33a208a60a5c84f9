-- The team pulse (issue 18): colleagues answer a few statements anonymously. Nothing that could identify a
-- respondent is stored: no address, no browser, no name, no time (not even a day on a response), and random ids,
-- so that neither a column nor the order of the rows tells who answered what or when.
CREATE TABLE pulse (
    id                 VARCHAR(36)  NOT NULL PRIMARY KEY,
    scan_id            BIGINT       NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
    team               VARCHAR(100) NOT NULL,
    round              INTEGER      NOT NULL,
    definition_id      VARCHAR(40)  NOT NULL,
    definition_version INTEGER      NOT NULL,
    -- k, fixed when the pulse opens: raising the setting later does not re-cut the batches of an open pulse.
    minimum_answers    INTEGER      NOT NULL,
    link_token         VARCHAR(64)  NOT NULL UNIQUE,
    received           INTEGER      NOT NULL,
    opened_on          DATE         NOT NULL,
    closed_on          DATE,
    UNIQUE (scan_id, team, round)
);

-- One respondent's answers; batch = the responses stored before it, divided by minimum_answers.
CREATE TABLE pulse_response (
    id       VARCHAR(36) NOT NULL PRIMARY KEY,
    pulse_id VARCHAR(36) NOT NULL REFERENCES pulse (id) ON DELETE CASCADE,
    batch    INTEGER     NOT NULL
);
CREATE INDEX pulse_response_pulse ON pulse_response (pulse_id, batch);

CREATE TABLE pulse_answer (
    response_id  VARCHAR(36) NOT NULL REFERENCES pulse_response (id) ON DELETE CASCADE,
    statement_id VARCHAR(40) NOT NULL,
    answer       VARCHAR(16) NOT NULL,
    PRIMARY KEY (response_id, statement_id)
);

-- The devices that answered a pulse, as the SHA-256 of a random cookie: not linked to any response.
CREATE TABLE pulse_device (
    pulse_id    VARCHAR(36) NOT NULL REFERENCES pulse (id) ON DELETE CASCADE,
    device_hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (pulse_id, device_hash)
);
