-- How many anonymous self-assessments were started per client address, and in all, per fixed time window: kept in
-- the database so that the limit holds across every instance behind a load balancer.
CREATE TABLE scan_start_count (
    bucket       VARCHAR(80)              NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    started      INTEGER                  NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX scan_start_count_window ON scan_start_count (window_start);
