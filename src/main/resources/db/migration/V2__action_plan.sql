-- The action plan of a scan: advice the user picked, each with an owner (a role, preferably) and a target date.
CREATE TABLE plan_line (
    scan_id     BIGINT      NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
    advice_id   VARCHAR(64) NOT NULL,
    owner       VARCHAR(200) NOT NULL,
    target_date DATE        NOT NULL,
    position    INTEGER     NOT NULL,
    PRIMARY KEY (scan_id, advice_id)
);
