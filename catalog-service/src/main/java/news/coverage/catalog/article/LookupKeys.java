package news.coverage.catalog.article;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.coverage.article.Topics;
import org.bson.Document;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The keys topic and provider queries look up (a topic in any case and spacing, a provider by domain or name), and
 * their backfill: documents stored before the keys existed get them at start-up, since an unchanged item is never
 * written again.
 */
@ApplicationScoped
public class LookupKeys {

    private static final Logger LOG = Logger.getLogger(LookupKeys.class);
    private static final int CONCURRENT_UPDATES = 8;

    private final ArticleRepository repository;
    private final ArticleIndexes indexes;

    public LookupKeys(ArticleRepository repository, ArticleIndexes indexes) {
        this.repository = repository;
        this.indexes = indexes;
    }

    static List<String> topicKeys(List<String> topics) {
        return topics.stream().map(Topics::key).distinct().toList();
    }

    /** A provider as queries name it: its domain or its name, in any case. */
    static String providerKey(String provider) {
        return provider.strip().toLowerCase(Locale.ROOT);
    }

    static List<String> providerKeys(String domain, String name) {
        return Stream.of(domain, name).filter(value -> value != null && !value.isBlank())
                .map(LookupKeys::providerKey).distinct().toList();
    }

    void onStart(@Observes StartupEvent start) {
        indexes.ready().chain(this::backfill)
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .subscribe().with(count -> {
                    if (count > 0) {
                        LOG.infof("lookup keys added to %d earlier documents", count);
                    }
                });
    }

    /** Adds the keys to every document without them; answers how many were updated. */
    Uni<Long> backfill() {
        var articles = repository.mongoCollection().withDocumentClass(Document.class);
        return articles.find(Filters.exists("topicKeys", false), new FindOptions()
                        .projection(Projections.include("topics", "providerDomain", "item.provider.name")))
                .onItem().transformToUni(document -> articles.updateOne(Filters.eq("_id", document.get("_id")),
                        Updates.combine(
                                Updates.set("topicKeys", topicKeys(document.getList("topics", String.class, List.of()))),
                                Updates.set("providerKeys", providerKeys(document.getString("providerDomain"),
                                        providerName(document))))))
                .merge(CONCURRENT_UPDATES)
                .collect().with(java.util.stream.Collectors.counting());
    }

    private static String providerName(Document document) {
        Document item = document.get("item", Document.class);
        Document provider = item == null ? null : item.get("provider", Document.class);
        return provider == null ? null : provider.getString("name");
    }
}
