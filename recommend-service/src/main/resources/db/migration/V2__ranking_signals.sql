-- What ranking needs beyond V1: the weighted terms of each article's title and excerpt, an inverted index of them
-- restricted by time, editorial links, and the document frequencies that weight terms and topics. The statistics
-- are kept by triggers, in the same transaction as the rows they count, so they never drift.

ALTER TABLE article
    ADD COLUMN terms        TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN term_weights REAL[] NOT NULL DEFAULT '{}';

-- Inverted index: the articles carrying a term, by publication time, for candidate retrieval within a window.
CREATE TABLE article_term (
    term         TEXT        NOT NULL,
    published_at TIMESTAMPTZ NOT NULL,
    article_id   VARCHAR(64) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    weight       REAL        NOT NULL,
    PRIMARY KEY (term, published_at, article_id)
);
CREATE INDEX article_term_article ON article_term (article_id);

-- Editorial related links as the items carry them, by article id; the linked article may not have been seen yet.
CREATE TABLE editorial_link (
    article_id VARCHAR(64) NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    linked_id  VARCHAR(64) NOT NULL,
    PRIMARY KEY (article_id, linked_id)
);
CREATE INDEX editorial_link_linked ON editorial_link (linked_id);

CREATE TABLE corpus_stat (
    id            SMALLINT PRIMARY KEY CHECK (id = 1),
    article_count INTEGER NOT NULL
);
INSERT INTO corpus_stat (id, article_count) SELECT 1, count(*) FROM article;

CREATE TABLE term_stat (
    term          TEXT PRIMARY KEY,
    article_count INTEGER NOT NULL
);

CREATE TABLE topic_stat (
    topic         TEXT PRIMARY KEY,
    article_count INTEGER NOT NULL
);
INSERT INTO topic_stat (topic, article_count) SELECT topic, count(*) FROM article_topic GROUP BY topic;

CREATE FUNCTION count_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE corpus_stat SET article_count = article_count + CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER article_counted AFTER INSERT OR DELETE ON article FOR EACH ROW EXECUTE FUNCTION count_article();

CREATE FUNCTION count_term() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO term_stat AS s (term, article_count) VALUES (NEW.term, 1)
        ON CONFLICT (term) DO UPDATE SET article_count = s.article_count + 1;
    ELSE
        UPDATE term_stat SET article_count = article_count - 1 WHERE term = OLD.term;
        DELETE FROM term_stat WHERE term = OLD.term AND article_count <= 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER article_term_counted AFTER INSERT OR DELETE ON article_term FOR EACH ROW EXECUTE FUNCTION count_term();

CREATE FUNCTION count_topic() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO topic_stat AS s (topic, article_count) VALUES (NEW.topic, 1)
        ON CONFLICT (topic) DO UPDATE SET article_count = s.article_count + 1;
    ELSE
        UPDATE topic_stat SET article_count = article_count - 1 WHERE topic = OLD.topic;
        DELETE FROM topic_stat WHERE topic = OLD.topic AND article_count <= 0;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER article_topic_counted AFTER INSERT OR DELETE ON article_topic FOR EACH ROW EXECUTE FUNCTION count_topic();
