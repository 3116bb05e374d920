package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.catalog.article.ArticleStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * Stores each item of {@code articles.ingested}. The record is acknowledged, and so its offset committed, only after
 * MongoDB acknowledged the write and the cataloged event was sent. A record that cannot be read, or lacks what the
 * catalog relies on, goes to the dead-letter topic with the reasons; an outage of MongoDB or of the broker is
 * retried until it is over.
 */
@ApplicationScoped
public class IngestedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(IngestedArticleConsumer.class);
    private static final Duration OUTAGE_BACKOFF_FIRST = Duration.ofMillis(500);
    private static final Duration OUTAGE_BACKOFF_MAX = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final IngestedItemCheck check;
    private final ArticleStore store;
    private final CatalogedPublisher publisher;

    public IngestedArticleConsumer(ObjectMapper json, IngestedItemCheck check, ArticleStore store,
            CatalogedPublisher publisher) {
        this.json = json;
        this.check = check;
        this.store = store;
        this.publisher = publisher;
    }

    @Incoming("articles-ingested")
    public Uni<Void> consume(String value) {
        JsonNode parsed;
        try {
            parsed = json.readTree(value);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a JSON item: " + e.getMessage(), e));
        }
        List<String> problems = check.problems(parsed);
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(new IllegalArgumentException("invalid item: " + String.join("; ", problems)));
        }
        ObjectNode item = (ObjectNode) parsed;
        // the item is good: a database or broker outage is waited out, never dead-lettered, so nothing is skipped
        // (the record stays unacknowledged, and the partition waits behind it)
        return store.store(item).chain(stored -> stored
                .map(document -> {
                    LOG.debugf("cataloged %s version %s", document.id, document.version);
                    return publisher.publish(new CatalogedArticle(document.id, document.version, item))
                            .chain(() -> store.announced(document.id, document.version));
                })
                .orElseGet(() -> Uni.createFrom().voidItem()))
                .onFailure(IngestedArticleConsumer::isOutage).invoke(failure -> LOG.warnf(
                        "cannot catalog %s yet, retrying: %s", item.path("id").asText(), failure.getMessage()))
                .onFailure(IngestedArticleConsumer::isOutage).retry()
                .withBackOff(OUTAGE_BACKOFF_FIRST, OUTAGE_BACKOFF_MAX).indefinitely();
    }

    /**
     * Whether a failure passes with time. A write the database refuses (a duplicate canonical URL under another id)
     * never will: retrying it would hold the partition forever, so it is dead-lettered like an unreadable record.
     */
    private static boolean isOutage(Throwable failure) {
        return !(failure instanceof MongoWriteException || failure instanceof MongoBulkWriteException);
    }
}
