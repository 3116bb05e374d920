-- The read model of related coverage: what ranking needs of each cataloged article.
CREATE TABLE article (
    id              VARCHAR(64) PRIMARY KEY,
    version         VARCHAR(64) NOT NULL,
    title           TEXT        NOT NULL,
    excerpt         TEXT,
    url             TEXT        NOT NULL,
    provider_name   TEXT        NOT NULL,
    provider_domain TEXT        NOT NULL,
    published_at    TIMESTAMPTZ NOT NULL,
    quality         INTEGER,
    type            TEXT,
    image_url       TEXT
);
CREATE INDEX article_published_at ON article (published_at);

CREATE TABLE article_topic (
    article_id VARCHAR(64) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    topic      TEXT        NOT NULL,
    PRIMARY KEY (article_id, topic)
);
CREATE INDEX article_topic_topic ON article_topic (topic);
