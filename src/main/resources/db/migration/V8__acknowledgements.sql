-- The situation board: an officer acknowledges an alert (who, when, a note). The severity acknowledged is kept: an
-- alert whose severity has risen since is unacknowledged again, and is sent again.
CREATE TABLE acknowledgement (
    alert_id        VARCHAR(40)   PRIMARY KEY REFERENCES alert (id) ON DELETE CASCADE,
    author          VARCHAR(200)  NOT NULL,
    acknowledged_at TIMESTAMP     NOT NULL,
    note            VARCHAR(2000),
    severity        VARCHAR(10)   NOT NULL
);

-- The board reads alerts by event date, a pair's page by pair and date, and its change stamp by the latest update,
-- acknowledgement and processed article (indexed maxima, so polling costs the same with 100,000 alerts).
-- The board's sums read only this index (all their columns are in it), not the alert rows.
CREATE INDEX alert_board ON alert (event_date, actors, category, severity, updated_at, id);
CREATE INDEX alert_pair_date ON alert (actors, event_date);
CREATE INDEX alert_updated ON alert (updated_at);
CREATE INDEX signal_pair_date ON signal (actor, target, event_date);
CREATE INDEX outbox_alert_alert ON outbox_alert (alert_id);
CREATE INDEX alert_change_alert ON alert_change (alert_id);
CREATE INDEX acknowledgement_at ON acknowledgement (acknowledged_at);
CREATE INDEX article_processed ON article (processed_at);
CREATE INDEX signal_board ON signal (event_date, planned, actor, target, type);
