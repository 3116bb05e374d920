-- The write path rebuilt: each instance derives a search index and the term and topic statistics from the article
-- rows it holds in memory (ArticleIndex), answers are ranked from it, and stories are assigned by the consumer. What
-- the triggers, the inverted index, the statistics tables and the kept lists did is gone from the database; the
-- topics and editorial links move onto the article row, so that one bulk statement writes an article.
DROP TRIGGER article_updated ON article;
DROP TRIGGER article_deleted ON article;
DROP TRIGGER article_truncated ON article;
DROP TRIGGER article_counted ON article;
DROP TABLE related_neighbour, article_term, term_stat, corpus_stat, topic_stat;

ALTER TABLE article ADD COLUMN linked_ids TEXT[] NOT NULL DEFAULT '{}';
UPDATE article a SET linked_ids = ARRAY(SELECT linked_id FROM editorial_link l WHERE l.article_id = a.id
                                        ORDER BY linked_id);
DROP TABLE editorial_link, article_topic;
DROP FUNCTION announce_updated_articles(), announce_deleted_articles(), announce_changed_lists(),
    announce_everything_changed(), announce_changed(TEXT, TEXT[]), count_article(), count_term(), count_topic();
ALTER TABLE article RENAME COLUMN topic_names TO topics;
ALTER TABLE article DROP COLUMN terms, DROP COLUMN term_weights, DROP COLUMN seq, DROP COLUMN neighbours_computed,
    DROP COLUMN neighbours_truncated, DROP COLUMN neighbours_capped, DROP COLUMN neighbours_floor;
