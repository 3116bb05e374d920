package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The value of an {@code articles.cataloged} record: the stored item and its content version. */
@RegisterForReflection
public record CatalogedArticle(String id, String version, JsonNode item) {
}
