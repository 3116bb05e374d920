package news.coverage.recommend.story;

import io.smallrye.mutiny.Uni;
import news.coverage.article.CanonicalUrl;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import news.coverage.recommend.article.Provider;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stories from the read model: by their id, as the story of one article, or the largest of a period. */
@ApplicationScoped
public class Stories {

    /**
     * The chosen story ({@code %s} names it and an article that belongs to it in any case), its size, outlets and
     * time span over all its articles, and its first {@code $2} articles; no row when nothing is chosen.
     */
    private static final String STORY = """
            WITH chosen AS (%s),
            member AS (
                SELECT a.id, a.title, a.url, a.provider_name, a.provider_domain, a.published_at, a.quality, a.type,
                       a.image_url
                FROM article a JOIN chosen c ON a.story_id = c.story OR a.id = c.article
            ),
            summary AS (
                SELECT count(*) AS size, count(DISTINCT provider_domain) AS providers,
                       min(published_at) AS first_published, max(published_at) AS last_published
                FROM member
            )
            SELECT c.story, s.size, s.providers, s.first_published, s.last_published, m.*
            FROM chosen c CROSS JOIN summary s
            LEFT JOIN LATERAL (
                SELECT * FROM member ORDER BY quality DESC NULLS LAST, published_at, id LIMIT $2
            ) m ON true""";
    private static final String BY_ID = STORY.formatted("SELECT $1::text AS story, NULL::text AS article");
    /** An article not grouped yet (between its two transactions) is a story of its own until it is. */
    private static final String OF_ARTICLE = STORY.formatted(
            "SELECT coalesce(story_id, id) AS story, id AS article FROM article WHERE id = $1");

    /**
     * The {@code $3} largest stories of at least two reports published in [{@code $1}, {@code $2}) (either bound may
     * be null), counted over those reports, with the first {@code $4} of them; rows ordered by story, then article.
     */
    private static final String LARGEST = """
            WITH ranked AS (
                SELECT coalesce(story_id, id) AS story, count(*) AS size,
                       count(DISTINCT provider_domain) AS providers,
                       min(published_at) AS first_published, max(published_at) AS last_published
                FROM article
                WHERE ($1::timestamptz IS NULL OR published_at >= $1) AND ($2::timestamptz IS NULL OR published_at < $2)
                GROUP BY 1 HAVING count(*) > 1
                ORDER BY size DESC, last_published DESC, story
                LIMIT $3
            )
            SELECT r.*, m.* FROM ranked r
            CROSS JOIN LATERAL (
                SELECT a.id, a.title, a.url, a.provider_name, a.provider_domain, a.published_at, a.quality, a.type,
                       a.image_url
                FROM article a
                WHERE (a.story_id = r.story OR a.id = r.story)
                  AND ($1::timestamptz IS NULL OR a.published_at >= $1)
                  AND ($2::timestamptz IS NULL OR a.published_at < $2)
                ORDER BY a.quality DESC NULLS LAST, a.published_at, a.id LIMIT $4
            ) m
            ORDER BY r.size DESC, r.last_published DESC, r.story, m.quality DESC NULLS LAST, m.published_at, m.id""";

    private final Pool database;

    public Stories(Pool database) {
        this.database = database;
    }

    /** The story with this id; 404 if no article belongs to it. */
    public Uni<Story> byId(String storyId, int limit) {
        return read(BY_ID, storyId, limit, "no story has the id " + storyId);
    }

    /** The story an article belongs to; 404 if there is no article with this id. */
    public Uni<Story> ofArticle(String articleId, int limit) {
        return read(OF_ARTICLE, articleId, limit, "no article has the id " + articleId);
    }

    /** The largest stories of a period, each with its first {@code articles} reports of that period. */
    public Uni<List<Story>> largest(Optional<Instant> from, Optional<Instant> to, int limit, int articles) {
        Tuple parameters = Tuple.of(from.map(Stories::utc).orElse(null), to.map(Stories::utc).orElse(null), limit,
                articles);
        return database.preparedQuery(LARGEST).execute(parameters).map(rows -> {
            Map<String, List<Row>> byStory = new LinkedHashMap<>();
            for (Row row : rows) {
                byStory.computeIfAbsent(row.getString("story"), story -> new ArrayList<>()).add(row);
            }
            return byStory.values().stream().map(Stories::story).toList();
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private Uni<Story> read(String sql, String id, int limit, String unknown) {
        if (!CanonicalUrl.isArticleId(id)) {
            return Uni.createFrom().failure(new NotFoundException(unknown + " (ids are 32 hexadecimal digits)"));
        }
        return database.preparedQuery(sql).execute(Tuple.of(id, limit)).map(rows -> {
            if (rows.size() == 0 || rows.iterator().next().getLong("size") == 0) {
                throw new NotFoundException(unknown);
            }
            return story(rows);
        });
    }

    private static Story story(Iterable<Row> rows) {
        Row first = rows.iterator().next();
        List<StoryArticle> articles = new ArrayList<>();
        for (Row row : rows) {
            articles.add(new StoryArticle(row.getString("id"), row.getString("title"), row.getString("url"),
                    new Provider(row.getString("provider_name"), row.getString("provider_domain")),
                    row.getOffsetDateTime("published_at").toInstant(), row.getInteger("quality"),
                    row.getString("type"), row.getString("image_url")));
        }
        return new Story(first.getString("story"), first.getLong("size").intValue(),
                first.getLong("providers").intValue(), first.getOffsetDateTime("first_published").toInstant(),
                first.getOffsetDateTime("last_published").toInstant(), articles);
    }
}
