-- Each scan's verdict and section lights as last scored, written with its answers, so that dashboards, trends and
-- comparisons read a few rows instead of rescoring every scan.
ALTER TABLE scan ADD COLUMN readiness VARCHAR(16);

CREATE TABLE section_score (
    scan_id    BIGINT      NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
    section_id VARCHAR(64) NOT NULL,
    light      VARCHAR(16) NOT NULL,
    score      INTEGER,
    PRIMARY KEY (scan_id, section_id)
);

CREATE INDEX scan_organisation ON scan (organisation_id, created_at);
