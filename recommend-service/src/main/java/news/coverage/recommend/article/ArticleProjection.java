package news.coverage.recommend.article;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.recommend.text.TermVector;
import news.coverage.recommend.text.TextAnalyzer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Keeps the read model in step with the catalog: an upsert per cataloged version, a delete per tombstone. Runs
 * inside the caller's transaction; the term index and the statistics follow in the same transaction.
 */
@ApplicationScoped
public class ArticleProjection {

    private static final String UNINDEX_TERMS = "DELETE FROM article_term WHERE article_id = :id";
    private static final String INDEX_TERMS = """
            INSERT INTO article_term (term, published_at, article_id, weight)
            SELECT t.term, a.published_at, a.id, t.weight
            FROM article a, unnest(a.terms, a.term_weights) AS t(term, weight)
            WHERE a.id = :id""";

    /** The copy of the topics that answers read with the article, instead of one index scan per article. */
    private static final String COPY_TOPICS = """
            UPDATE article SET topic_names = ARRAY(SELECT topic FROM article_topic WHERE article_id = :id ORDER BY topic)
            WHERE id = :id""";

    private final TextAnalyzer analyzer;

    public ArticleProjection(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /**
     * Applies a cataloged item; a version already applied changes nothing, so redelivery is harmless. Answers the
     * article as it now stands.
     */
    public Uni<Article> apply(String id, String version, JsonNode item) {
        return Article.<Article>findById(id).chain(existing -> {
            if (existing != null && version.equals(existing.version)) {
                return Uni.createFrom().item(existing);
            }
            Article article = existing == null ? new Article() : existing;
            article.id = id;
            article.version = version;
            article.neighboursComputed = false;
            copy(item, article);
            Uni<?> written = existing == null ? article.persist() : Uni.createFrom().item(article);
            return written.chain(Panache::flush)
                    .chain(() -> Panache.getSession())
                    .chain(session -> session.createNativeQuery(UNINDEX_TERMS).setParameter("id", id).executeUpdate()
                            .chain(() -> session.createNativeQuery(INDEX_TERMS).setParameter("id", id).executeUpdate())
                            .chain(() -> session.createNativeQuery(COPY_TOPICS).setParameter("id", id).executeUpdate()))
                    .replaceWith(article);
        });
    }

    public Uni<Void> delete(String id) {
        return Article.deleteById(id).replaceWithVoid();
    }

    private void copy(JsonNode item, Article article) {
        article.title = item.path("title").asText();
        article.excerpt = textOrNull(item.path("excerpt"));
        article.url = item.path("canonicalUrl").asText();
        article.providerName = item.path("provider").path("name").asText();
        article.providerDomain = item.path("provider").path("domain").asText();
        article.publishedAt = Instant.parse(item.path("publishedDateTime").asText());
        article.quality = item.path("quality").isNumber() ? item.path("quality").asInt() : null;
        article.type = textOrNull(item.path("type"));
        article.imageUrl = textOrNull(item.path("images").path(0).path("url"));
        replace(article.topics, item.path("topics"), topic -> topic.asText());
        replace(article.linkedIds, item.path("related"), related -> related.path("id").asText(""));
        article.linkedIds.remove("");
        article.linkedIds.remove(article.id);
        TermVector text = analyzer.analyze(article.title, article.excerpt);
        article.terms = text.terms();
        article.termWeights = text.weights();
    }

    /** Brings a mapped collection to the given values in place, so that Hibernate writes only the difference. */
    private static void replace(Set<String> target, JsonNode values, Function<JsonNode, String> value) {
        Set<String> wanted = new LinkedHashSet<>();
        values.forEach(node -> wanted.add(value.apply(node)));
        target.retainAll(wanted);
        target.addAll(wanted);
    }

    private static String textOrNull(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }
}
