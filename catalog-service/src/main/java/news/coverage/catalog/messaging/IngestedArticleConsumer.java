package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.catalog.article.ArticleStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores each item of {@code articles.ingested}. The record is acknowledged, and so its offset committed, only after
 * MongoDB acknowledged the write and the cataloged event was sent; a record that fails goes to the dead-letter topic.
 */
@ApplicationScoped
public class IngestedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(IngestedArticleConsumer.class);

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
        return store.store(item).chain(stored -> stored
                .map(document -> {
                    LOG.debugf("cataloged %s version %s", document.id, document.version);
                    return publisher.publish(new CatalogedArticle(document.id, document.version, item));
                })
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
