-- RSS/Atom feeds: per-feed fetch state and health, the items already processed, and story clusters.
-- Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL (cluster mode).

-- One row per configured feed (by name): conditional-GET validators, health and backoff, kept across restarts.
CREATE TABLE feed_state (
    name                 VARCHAR(200)  PRIMARY KEY,
    url                  VARCHAR(2000) NOT NULL,
    etag                 VARCHAR(1000),
    last_modified        VARCHAR(200),
    last_poll            TIMESTAMP,
    last_status          INT,
    last_success         TIMESTAMP,
    last_error           VARCHAR(2000),
    last_error_at        TIMESTAMP,
    consecutive_failures INT           NOT NULL,
    backoff_until        TIMESTAMP,
    next_poll            TIMESTAMP,
    polls                BIGINT        NOT NULL,
    not_modified         BIGINT        NOT NULL,
    items_new            BIGINT        NOT NULL
);

-- Items already processed: the same item is processed once, by GUID, else link, else content hash (item_key is
-- "guid:...", "link:..." or "sha:..."). A link is also checked across feeds: one URL is one article.
CREATE TABLE feed_item (
    feed          VARCHAR(200)  NOT NULL,
    item_key      VARCHAR(1000) NOT NULL,
    link          VARCHAR(2000),
    article_id    VARCHAR(1000) NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    first_seen    TIMESTAMP     NOT NULL,
    PRIMARY KEY (feed, item_key)
);
CREATE INDEX feed_item_link ON feed_item (link);
CREATE INDEX feed_item_sha ON feed_item (sha256);

-- Story clusters: every article processed from a feed, the story (cluster) it belongs to, and its term signature
-- so that clustering survives restarts.
CREATE TABLE story (
    article_id    VARCHAR(1000) PRIMARY KEY,
    cluster_id    VARCHAR(40)   NOT NULL,
    source_key    VARCHAR(1000) NOT NULL,
    published     DATE          NOT NULL,
    joined_from   VARCHAR(1000),
    similarity    DOUBLE PRECISION,
    signature     VARCHAR(8000) NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);
CREATE INDEX story_cluster ON story (cluster_id);
CREATE INDEX story_published ON story (published);
