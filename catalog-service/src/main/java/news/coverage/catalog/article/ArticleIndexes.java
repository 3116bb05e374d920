package news.coverage.catalog.article;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;

/**
 * Creates the catalog's indexes at start-up. Creating an index that exists changes nothing, so every start (and
 * every replica) may do it.
 */
@ApplicationScoped
public class ArticleIndexes {

    void create(@Observes StartupEvent start, ArticleRepository repository) {
        var articles = repository.mongoCollection();
        Uni.combine().all().unis(
                articles.createIndex(Indexes.ascending("canonicalUrl"), new IndexOptions().unique(true).name("canonical_url")),
                articles.createIndex(Indexes.compoundIndex(Indexes.ascending("topics"), Indexes.descending("publishedAt")),
                        new IndexOptions().name("topics_published")),
                articles.createIndex(Indexes.compoundIndex(Indexes.ascending("providerDomain"),
                        Indexes.descending("publishedAt")), new IndexOptions().name("provider_published")),
                articles.createIndex(Indexes.descending("publishedAt", "_id"), new IndexOptions().name("published")))
                .discardItems()
                .await().atMost(Duration.ofSeconds(60));
    }
}
