package news.coverage.recommend.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.article.ArticleProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Projects {@code articles.cataloged} into the read model. A record is acknowledged after its transaction
 * committed; a tombstone (null value) deletes the article.
 */
@ApplicationScoped
public class CatalogedArticleConsumer {

    private final ObjectMapper json;
    private final ArticleProjection projection;

    public CatalogedArticleConsumer(ObjectMapper json, ArticleProjection projection) {
        this.json = json;
        this.projection = projection;
    }

    @Incoming("articles-cataloged")
    @WithTransaction
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return projection.delete(record.key());
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
        return projection.apply(id, cataloged.path("version").asText(), cataloged.path("item"));
    }
}
