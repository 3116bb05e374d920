package news.coverage.recommend.article;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.coverage.recommend.messaging.CatalogedArticle;
import news.coverage.recommend.related.ArticleIndex;
import news.coverage.recommend.related.ArticleSummary;
import news.coverage.recommend.related.ReadModelFeed;
import news.coverage.recommend.story.StoryGrouping;
import news.coverage.recommend.text.TextAnalyzer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the read model in step with the catalog, a batch at a time: the versions not applied yet are grouped into
 * stories, then written with the tombstones' deletes and the stories the batch changed in one transaction of bulk
 * statements that also announces them to the other instances ({@link ReadModelFeed}); once it committed, this
 * instance's index takes them.
 */
@ApplicationScoped
public class ArticleProjection {

    private static final Logger LOG = Logger.getLogger(ArticleProjection.class);
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    private static final String VERSIONS = "SELECT id, version FROM article WHERE id = ANY($1)";
    private static final String UPSERT = """
            INSERT INTO article (id, version, title, excerpt, url, provider_name, provider_domain, published_at,
                                 quality, type, image_url, topics, linked_ids, story_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title,
                excerpt = excluded.excerpt, url = excluded.url, provider_name = excluded.provider_name,
                provider_domain = excluded.provider_domain, published_at = excluded.published_at,
                quality = excluded.quality, type = excluded.type, image_url = excluded.image_url,
                topics = excluded.topics, linked_ids = excluded.linked_ids, story_id = excluded.story_id""";
    private static final String DELETE = "DELETE FROM article WHERE id = ANY($1)";
    private static final String MOVE = """
            UPDATE article SET story_id = moved.story_id FROM unnest($1::text[], $2::text[]) AS moved(id, story_id)
            WHERE article.id = moved.id""";

    private final Pool database;
    private final ArticleIndex index;
    private final TextAnalyzer analyzer;
    private final StoryGrouping stories;
    private final ReadModelFeed feed;
    private final Vertx vertx;
    /** Places where other instances' writes changed articles, not judged again yet. */
    private final Set<Instant> toRegroup = ConcurrentHashMap.newKeySet();

    public ArticleProjection(Pool database, ArticleIndex index, TextAnalyzer analyzer, StoryGrouping stories,
            ReadModelFeed feed, Vertx vertx) {
        this.database = database;
        this.index = index;
        this.analyzer = analyzer;
        this.stories = stories;
        this.feed = feed;
        this.vertx = vertx;
    }

    /**
     * Applies cataloged versions (distinct ids) and tombstones; a version already applied changes nothing, so
     * redelivery is harmless.
     */
    public Uni<Void> apply(Collection<CatalogedArticle> versions, Collection<String> deleted) {
        if (versions.isEmpty() && deleted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = versions.stream().map(CatalogedArticle::id).toArray(String[]::new);
        // analysis, grouping and indexing take the processor for a while: off the event loop, which serves answers
        return feed.loaded().chain(() -> feed.inTurn(() -> database.preparedQuery(VERSIONS).execute(Tuple.of(ids))
                .emitOn(Infrastructure.getDefaultWorkerPool()).chain(rows -> {
            Map<String, String> applied = new HashMap<>();
            for (Row row : rows) {
                applied.put(row.getString("id"), row.getString("version"));
            }
            Map<String, Article> arriving = new HashMap<>();
            for (CatalogedArticle version : versions) {
                if (!version.version().equals(applied.get(version.id()))) {
                    Article article = article(version);
                    arriving.put(article.id, article);
                }
            }
            return write(arriving, stories.assign(ArticleSummary.of(arriving.values(), analyzer), deleted), deleted);
        })));
    }

    /**
     * Judges again the stories that other instances' writes may change: they judged their articles without what this
     * instance held, and this one judged its own without theirs. Changes heard meanwhile wait for their turn and are
     * judged together; a failed turn is tried again.
     */
    void regroup(@Observes ReadModelFeed.ChangedElsewhere changed) {
        toRegroup.addAll(changed.places());
        regroupPending();
    }

    private void regroupPending() {
        feed.inTurn(() -> {
            List<Instant> places = List.copyOf(toRegroup);
            toRegroup.removeAll(places);
            if (places.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Uni.createFrom().item(() -> stories.regroup(places))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .chain(grouping -> write(Map.of(), grouping, List.of()))
                    .onFailure().invoke(() -> toRegroup.addAll(places));
        }).subscribe().with(done -> {
        }, failure -> {
            LOG.warnf("Judging stories again after other instances' writes failed (%s); trying again",
                    failure.getMessage());
            vertx.setTimer(RETRY_DELAY.toMillis(), timer -> regroupPending());
        });
    }

    /**
     * Writes, in one transaction that announces them, the arriving articles in their stories, the deletes and the
     * articles whose story the grouping moved; once it committed, the index takes them.
     */
    private Uni<Void> write(Map<String, Article> arriving, StoryGrouping.Grouped grouping, Collection<String> deleted) {
        List<ArticleSummary> grouped = grouping.arriving();
        List<ArticleSummary> moved = grouping.moved();
        Set<String> changed = new LinkedHashSet<>(deleted);
        grouped.forEach(article -> changed.add(article.id()));
        moved.forEach(article -> changed.add(article.id()));
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.withTransaction(connection -> {
            Uni<?> written = grouped.isEmpty() ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(UPSERT).executeBatch(grouped.stream()
                            .map(article -> row(arriving.get(article.id()), article.storyId())).toList());
            if (!deleted.isEmpty()) {
                written = written.chain(() -> connection.preparedQuery(DELETE)
                        .execute(Tuple.of(deleted.toArray(String[]::new))));
            }
            if (!moved.isEmpty()) {
                written = written.chain(() -> connection.preparedQuery(MOVE).execute(Tuple.of(
                        moved.stream().map(ArticleSummary::id).toArray(String[]::new),
                        moved.stream().map(ArticleSummary::storyId).toArray(String[]::new))));
            }
            return written.chain(() -> feed.announce(connection, changed));
        }).emitOn(Infrastructure.getDefaultWorkerPool()).invoke(() -> {
            index.apply(grouped, deleted, moved);
            feed.appliedHere(changed);
        });
    }

    private static Article article(CatalogedArticle cataloged) {
        CatalogedArticle.Item item = cataloged.item();
        Article article = new Article();
        article.id = cataloged.id();
        article.version = cataloged.version();
        article.title = item.title();
        article.excerpt = item.excerpt();
        article.url = item.canonicalUrl();
        article.providerName = item.provider().name();
        article.providerDomain = item.provider().domain();
        article.publishedAt = item.publishedDateTime();
        article.quality = item.quality();
        article.type = item.type();
        article.imageUrl = item.images() == null || item.images().isEmpty() ? null : item.images().get(0).url();
        article.topics = item.topics() == null ? new String[0]
                : item.topics().stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        article.linkedIds = item.related() == null ? new String[0] : item.related().stream()
                .map(CatalogedArticle.Related::id)
                .filter(id -> id != null && !id.isEmpty() && !id.equals(article.id))
                .distinct().toArray(String[]::new);
        return article;
    }

    private static Tuple row(Article article, String storyId) {
        return Tuple.tuple().addString(article.id).addString(article.version).addString(article.title)
                .addString(article.excerpt).addString(article.url).addString(article.providerName)
                .addString(article.providerDomain).addOffsetDateTime(article.publishedAt.atOffset(ZoneOffset.UTC))
                .addInteger(article.quality).addString(article.type).addString(article.imageUrl)
                .addArrayOfString(article.topics).addArrayOfString(article.linkedIds).addString(storyId);
    }
}
