-- Each article's best-scored candidates, kept as articles arrive, so that a related-coverage answer is a key lookup
-- instead of a text search. Pairs are keyed by a compact surrogate of the article id: at 100,000 articles and a few
-- dozen neighbours each, the 64-character ids would make the table several times larger.

ALTER TABLE article
    ADD COLUMN seq                  BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- false until the article's neighbours are stored (then answers are computed in full, as before)
    ADD COLUMN neighbours_computed  BOOLEAN NOT NULL DEFAULT false,
    -- true once a neighbour was dropped or missed for the kept-count bound, resp. the per-provider bound: a short
    -- answer must then be searched anew
    ADD COLUMN neighbours_truncated BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN neighbours_capped    BOOLEAN NOT NULL DEFAULT false,
    -- the score an entry must beat to get into the full list (its last entry's); 0 while it has room
    ADD COLUMN neighbours_floor     REAL    NOT NULL DEFAULT 0;

CREATE TABLE related_neighbour (
    article_seq     BIGINT  NOT NULL REFERENCES article (seq) ON DELETE CASCADE,
    neighbour_seq   BIGINT  NOT NULL REFERENCES article (seq) ON DELETE CASCADE,
    -- the score from the article's side when stored; orders the list for the kept-count bound only (answers are
    -- scored anew, with the statistics of their time)
    score           REAL    NOT NULL,
    linked          BOOLEAN NOT NULL,
    -- the neighbour's, for the bound per provider
    provider_domain TEXT    NOT NULL,
    PRIMARY KEY (article_seq, neighbour_seq)
);
CREATE INDEX related_neighbour_neighbour ON related_neighbour (neighbour_seq);

-- The topics again, as an array on the article, written in the projection's transaction after article_topic: an
-- answer reads them with each of its kept neighbours, which took one index scan of article_topic per neighbour.
-- article_topic stays the source (the entity's mapping, the topic statistics).
ALTER TABLE article ADD COLUMN topic_names TEXT[] NOT NULL DEFAULT '{}';
UPDATE article a SET topic_names = ARRAY(SELECT topic FROM article_topic t WHERE t.article_id = a.id ORDER BY topic);
