-- Reading every item (issue 15). Portable SQL: the same script runs on H2 and PostgreSQL.

-- Cross-feed dedup made atomic: an item claims its link (by its SHA-256) before it is processed, and the unique
-- index lets one claim win when two feeds poll the same story at once. Rows from before keep a NULL key (their
-- links are still found by feed_item.link). A claim is 'processed' once the article went through; a claim left
-- unprocessed by a crash is taken up again by the same feed's next poll.
ALTER TABLE feed_item ADD COLUMN link_key CHAR(64);
ALTER TABLE feed_item ADD COLUMN processed BOOLEAN DEFAULT TRUE NOT NULL;
CREATE UNIQUE INDEX feed_item_link_key ON feed_item (link_key);

-- Why an item is dated at its fetch time: 'missing', 'unreadable: <the date as written>', 'in the future: ...';
-- NULL when its date was read.
ALTER TABLE feed_item ADD COLUMN date_note VARCHAR(300);

-- The last document fetched: characters XML forbids that were removed, and what else was noticed reading it.
ALTER TABLE feed_state ADD COLUMN removed_chars INT DEFAULT 0 NOT NULL;
ALTER TABLE feed_state ADD COLUMN parse_notes VARCHAR(2000);

-- An article (and each alert report resting on it) whose date is the fetch time, not a date the feed gave.
ALTER TABLE article ADD COLUMN dated_at_fetch BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alert_evidence ADD COLUMN dated_at_fetch BOOLEAN DEFAULT FALSE NOT NULL;
