-- A coach's site-visit scan belongs to a site of an organisation; self-assessments have none of these.
ALTER TABLE scan ADD COLUMN organisation_id BIGINT REFERENCES organisation (id) ON DELETE CASCADE;
ALTER TABLE scan ADD COLUMN site_id BIGINT REFERENCES site (id) ON DELETE CASCADE;
ALTER TABLE scan ADD COLUMN coach_id BIGINT REFERENCES account (id);
CREATE INDEX scan_site ON scan (site_id);
