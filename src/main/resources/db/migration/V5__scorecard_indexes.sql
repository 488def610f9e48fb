-- The scorecard (docs/adr/0012-scorecard-from-history.md) selects the cases whose water came on in a
-- period by the time they entered the WATER_ON stage, and counts the cases closed otherwise by
-- their finishing time. Without these, both are full scans of tables that grow by one row per case
-- (application) and about nine per case (application_stage).
CREATE INDEX application_stage_stage_entered_idx ON application_stage (stage, entered_at);
CREATE INDEX application_finished_at_idx ON application (finished_at);
