package news.coverage.recommend.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.article.ArticleProjection;
import news.coverage.recommend.related.NeighbourLists;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Projects {@code articles.cataloged} into the read model. A record is acknowledged after its transaction
 * committed and the article's neighbours were stored; a tombstone (null value) deletes the article. A record that
 * cannot be projected goes to the dead-letter topic; a database outage is retried with back-off instead, so nothing is
 * skipped.
 */
@ApplicationScoped
public class CatalogedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogedArticleConsumer.class);
    private static final Duration OUTAGE_BACKOFF_FIRST = Duration.ofMillis(200);
    private static final Duration OUTAGE_BACKOFF_MAX = Duration.ofSeconds(10);
    /** SQLSTATE classes of refusals that will not pass with time: data exceptions, integrity, syntax or access. */
    private static final Set<String> PERMANENT_SQL_STATES = Set.of("22", "23", "42");

    private final ObjectMapper json;
    private final ArticleProjection projection;
    private final NeighbourLists neighbours;

    public CatalogedArticleConsumer(ObjectMapper json, ArticleProjection projection, NeighbourLists neighbours) {
        this.json = json;
        this.projection = projection;
        this.neighbours = neighbours;
    }

    @Incoming("articles-cataloged")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return retryOutages(record.key(), () -> Panache.withTransaction(() -> projection.delete(record.key())));
        }
        JsonNode cataloged;
        try {
            cataloged = json.readTree(record.value());
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a cataloged article: " + e.getMessage(), e));
        }
        String id = cataloged.path("id").asText();
        if (id.isEmpty() || !id.equals(record.key()) || !cataloged.path("item").isObject()) {
            return Uni.createFrom().failure(new IllegalArgumentException(
                    "a cataloged article needs an id equal to the record key, a version and an item"));
        }
        return retryOutages(id, () -> Panache.withTransaction(
                        () -> projection.apply(id, cataloged.path("version").asText(), cataloged.path("item")))
                .chain(article -> article.neighboursComputed ? Uni.createFrom().voidItem() : neighbours.store(article)));
    }

    private static Uni<Void> retryOutages(String id, Supplier<Uni<? extends Void>> work) {
        return Uni.createFrom().deferred(work)
                .onFailure(CatalogedArticleConsumer::isOutage).invoke(failure -> LOG.warnf(
                        "cannot project %s yet, retrying: %s", id, failure.getMessage()))
                .onFailure(CatalogedArticleConsumer::isOutage).retry()
                .withBackOff(OUTAGE_BACKOFF_FIRST, OUTAGE_BACKOFF_MAX).indefinitely();
    }

    /** Whether a failure passes with time (the database is away); a record it can never take is dead-lettered. */
    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException || cause instanceof DateTimeException
                    || cause instanceof NullPointerException) {
                return false;
            }
            String sqlState = cause instanceof PgException pg ? pg.getSqlState()
                    : cause instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null && sqlState.length() >= 2 && PERMANENT_SQL_STATES.contains(sqlState.substring(0, 2))) {
                return false;
            }
        }
        return true;
    }
}
