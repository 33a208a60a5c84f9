-- The action plan is saved as a whole; its version tells a stale writer (another tab, another person) apart.
ALTER TABLE scan ADD COLUMN plan_version INTEGER DEFAULT 0 NOT NULL;
