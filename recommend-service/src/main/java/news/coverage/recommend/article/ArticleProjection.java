package news.coverage.recommend.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** Keeps the read model in step with the catalog: an upsert per cataloged version, a delete per tombstone. */
@ApplicationScoped
public class ArticleProjection {

    /** Applies a cataloged item; a version already applied changes nothing, so redelivery is harmless. */
    public Uni<Void> apply(String id, String version, JsonNode item) {
        return Article.<Article>findById(id).chain(existing -> {
            if (existing != null && version.equals(existing.version)) {
                return Uni.createFrom().voidItem();
            }
            Article article = existing == null ? new Article() : existing;
            article.id = id;
            article.version = version;
            copy(item, article);
            return existing == null ? article.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> delete(String id) {
        return Article.deleteById(id).replaceWithVoid();
    }

    private static void copy(JsonNode item, Article article) {
        article.title = item.path("title").asText();
        article.excerpt = textOrNull(item.path("excerpt"));
        article.url = item.path("canonicalUrl").asText();
        article.providerName = item.path("provider").path("name").asText();
        article.providerDomain = item.path("provider").path("domain").asText();
        article.publishedAt = Instant.parse(item.path("publishedDateTime").asText());
        article.quality = item.path("quality").isNumber() ? item.path("quality").asInt() : null;
        article.type = textOrNull(item.path("type"));
        article.imageUrl = textOrNull(item.path("images").path(0).path("url"));
        Set<String> topics = new LinkedHashSet<>();
        item.path("topics").forEach(topic -> topics.add(topic.asText()));
        article.topics.retainAll(topics);
        article.topics.addAll(topics);
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
