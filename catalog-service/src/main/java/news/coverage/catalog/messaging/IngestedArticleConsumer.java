package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.catalog.article.ArticleStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Stores each item of {@code articles.ingested}. The record is acknowledged, and so its offset committed, only after
 * MongoDB acknowledged the write and the cataloged event was sent. A record that cannot be read goes to the
 * dead-letter topic; an outage of MongoDB or of the broker is retried until it is over.
 */
@ApplicationScoped
public class IngestedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(IngestedArticleConsumer.class);
    private static final Duration OUTAGE_BACKOFF_FIRST = Duration.ofMillis(500);
    private static final Duration OUTAGE_BACKOFF_MAX = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final ArticleStore store;
    private final CatalogedPublisher publisher;

    public IngestedArticleConsumer(ObjectMapper json, ArticleStore store, CatalogedPublisher publisher) {
        this.json = json;
        this.store = store;
        this.publisher = publisher;
    }

    @Incoming("articles-ingested")
    public Uni<Void> consume(String value) {
        ObjectNode item;
        try {
            item = (ObjectNode) json.readTree(value);
        } catch (Exception e) {
            return Uni.createFrom().failure(new IllegalArgumentException("not a JSON item: " + e.getMessage(), e));
        }
        // the item is good: a database or broker outage is waited out, never dead-lettered, so nothing is skipped
        // (the record stays unacknowledged, and the partition waits behind it)
        return store.store(item).chain(stored -> stored
                .map(document -> {
                    LOG.debugf("cataloged %s version %s", document.id, document.version);
                    return publisher.publish(new CatalogedArticle(document.id, document.version, item))
                            .chain(() -> store.announced(document.id, document.version));
                })
                .orElseGet(() -> Uni.createFrom().voidItem()))
                .onFailure().invoke(failure -> LOG.warnf("cannot catalog %s yet, retrying: %s", item.path("id").asText(),
                        failure.getMessage()))
                .onFailure().retry().withBackOff(OUTAGE_BACKOFF_FIRST, OUTAGE_BACKOFF_MAX).indefinitely();
    }
}
