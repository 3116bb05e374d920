-- Each instance holds the kept lists and the articles they name in memory (NeighbourListCache). These triggers
-- announce on the channel related_lists, at commit, the ids of the articles whose row or kept list changed, whoever
-- wrote them, so that every instance reads those again. Payloads are comma-separated ids, 100 to a notice (ids are at
-- most 64 characters; a notice carries at most 8,000 bytes); "*" means everything may have changed.
CREATE FUNCTION announce_changed(ids TEXT[]) RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('related_lists', string_agg(id, ','))
    FROM (SELECT id, (row_number() OVER () - 1) / 100 AS notice FROM unnest(ids) AS id) numbered
    GROUP BY notice
$$;

CREATE FUNCTION announce_changed_articles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM announce_changed(ARRAY(SELECT DISTINCT id FROM changed));
    RETURN NULL;
END $$;

-- A list's owner is named by its sequence number; an owner deleted in the same statement is announced by its row.
CREATE FUNCTION announce_changed_lists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM announce_changed(ARRAY(SELECT DISTINCT a.id FROM changed c JOIN article a ON a.seq = c.article_seq));
    RETURN NULL;
END $$;

CREATE FUNCTION announce_everything_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('related_lists', '*');
    RETURN NULL;
END $$;

CREATE TRIGGER article_updated AFTER UPDATE ON article REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_articles();
CREATE TRIGGER article_deleted AFTER DELETE ON article REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_articles();
CREATE TRIGGER article_truncated AFTER TRUNCATE ON article
    FOR EACH STATEMENT EXECUTE FUNCTION announce_everything_changed();
CREATE TRIGGER neighbour_added AFTER INSERT ON related_neighbour REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_lists();
CREATE TRIGGER neighbour_removed AFTER DELETE ON related_neighbour REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION announce_changed_lists();
CREATE TRIGGER neighbour_truncated AFTER TRUNCATE ON related_neighbour
    FOR EACH STATEMENT EXECUTE FUNCTION announce_everything_changed();
