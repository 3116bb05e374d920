-- Each instance holds the kept lists and the articles they name in memory (NeighbourListCache). These triggers
-- announce on the channel related_lists, at commit, whose data changed, whoever wrote it, so that every instance reads
-- it again: "articles:<ids>" when articles changed or went (their summaries and their own lists are stale), "lists:<ids>"
-- when only the kept lists of these articles changed (entries, flags); "*" when everything may have changed. Ids are
-- comma-separated, 100 to a notice (ids are at most 64 characters; a notice carries at most 8,000 bytes).
CREATE FUNCTION announce_changed(kind TEXT, ids TEXT[]) RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('related_lists', kind || ':' || string_agg(id, ','))
    FROM (SELECT id, (row_number() OVER () - 1) / 100 AS notice FROM unnest(ids) AS id) numbered
    GROUP BY notice
$$;

-- What an answer shows of an article changes with its version; its topics are copied in after the version itself.
CREATE FUNCTION announce_updated_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM announce_changed('articles', ARRAY(
        SELECT n.id FROM changed n JOIN previous o ON o.seq = n.seq
        WHERE (o.version, o.topic_names) IS DISTINCT FROM (n.version, n.topic_names)));
    PERFORM announce_changed('lists', ARRAY(
        SELECT n.id FROM changed n JOIN previous o ON o.seq = n.seq
        WHERE (o.version, o.topic_names) IS NOT DISTINCT FROM (n.version, n.topic_names)));
    RETURN NULL;
END $$;

CREATE FUNCTION announce_deleted_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM announce_changed('articles', ARRAY(SELECT id FROM changed));
    RETURN NULL;
END $$;

-- A list's owner is named by its sequence number; an owner deleted in the same statement is announced by its row.
CREATE FUNCTION announce_changed_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM announce_changed('lists', ARRAY(SELECT DISTINCT a.id FROM changed c JOIN article a ON a.seq = c.article_seq));
    RETURN NULL;
END $$;

CREATE FUNCTION announce_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('related_lists', '*');
    RETURN NULL;
END $$;

CREATE TRIGGER article_updated AFTER UPDATE ON article REFERENCING OLD TABLE AS previous NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_updated_articles();
CREATE TRIGGER article_deleted AFTER DELETE ON article REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_deleted_articles();
CREATE TRIGGER article_truncated AFTER TRUNCATE ON article
    FOR EACH STATEMENT EXECUTE FUNCTION announce_everything_changed();
CREATE TRIGGER neighbour_added AFTER INSERT ON related_neighbour REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_lists();
CREATE TRIGGER neighbour_removed AFTER DELETE ON related_neighbour REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_lists();
CREATE TRIGGER neighbour_truncated AFTER TRUNCATE ON related_neighbour
    FOR EACH STATEMENT EXECUTE FUNCTION announce_everything_changed();
