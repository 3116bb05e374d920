package news.coverage.catalog.article;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The catalog's indexes. Creating an index that exists changes nothing, so every start (and every replica) creates
 * them; they are asked for at start-up without waiting, and every write waits for them, so that the service starts
 * while MongoDB is down and the unique canonical URL holds from the first write on.
 */
@ApplicationScoped
public class ArticleIndexes {

    private static final Logger LOG = Logger.getLogger(ArticleIndexes.class);

    private final ArticleRepository repository;
    private final Uni<Void> created;

    public ArticleIndexes(ArticleRepository repository) {
        this.repository = repository;
        this.created = Uni.createFrom().deferred(this::create)
                .onFailure().invoke(failure -> LOG.warnf("cannot create the indexes yet, retrying: %s", failure.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .invoke(() -> LOG.info("indexes in place"))
                .memoize().indefinitely();
    }

    void onStart(@Observes StartupEvent start) {
        created.subscribe().with(done -> { });
    }

    /** Completes once the indexes exist; retries until MongoDB answers. */
    public Uni<Void> ready() {
        return created;
    }

    private Uni<Void> create() {
        var articles = repository.mongoCollection();
        return Uni.combine().all().unis(
                articles.createIndex(Indexes.ascending("canonicalUrl"), new IndexOptions().unique(true).name("canonical_url")),
                articles.createIndex(Indexes.ascending("urls"), new IndexOptions().name("urls")),
                articles.createIndex(Indexes.compoundIndex(Indexes.ascending("topicKeys"), Indexes.descending("publishedAt")),
                        new IndexOptions().name("topic_keys_published")),
                articles.createIndex(Indexes.compoundIndex(Indexes.ascending("providerKeys"),
                        Indexes.descending("publishedAt")), new IndexOptions().name("provider_keys_published")),
                articles.createIndex(Indexes.descending("publishedAt", "_id"), new IndexOptions().name("published")))
                .discardItems();
    }
}
