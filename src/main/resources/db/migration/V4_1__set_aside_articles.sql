-- Articles the rules could not finish (a rule ran past rules.evaluationTimeout, or a condition threw): kept so that
-- admins see them (status, /health) and so that the next rule change retries them. Saving the article again (a
-- changed file) forgets the entry with the old content.
CREATE TABLE set_aside (
    article_id    VARCHAR(1000) PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    rule          VARCHAR(1000),
    reason        VARCHAR(2000) NOT NULL,
    set_aside_at  TIMESTAMP     NOT NULL
);
