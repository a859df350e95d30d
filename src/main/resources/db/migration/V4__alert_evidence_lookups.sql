-- Merging a report into an alert looks up whether the alert already holds that article's sentence and that
-- source, and appends after the reports it holds; before, every merge read and rewrote all the alert's evidence
-- (an ongoing war gathers thousands of reports).
CREATE INDEX alert_evidence_article ON alert_evidence (alert_id, article_id);
CREATE INDEX alert_evidence_source ON alert_evidence (alert_id, source_key);
ALTER TABLE alert ADD COLUMN reports INT DEFAULT 0 NOT NULL;
UPDATE alert SET reports = (SELECT COUNT(*) FROM alert_evidence e WHERE e.alert_id = alert.id);
