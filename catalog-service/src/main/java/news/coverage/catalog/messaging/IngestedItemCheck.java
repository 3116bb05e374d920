package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the catalog relies on in an {@code articles.ingested} value (see ingest's article-ingested JSON Schema): a
 * record without it is dead-lettered with the reasons, not retried, since it will never become storable.
 */
@ApplicationScoped
public class IngestedItemCheck {

    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");

    public List<String> problems(JsonNode item) {
        List<String> problems = new ArrayList<>();
        if (!item.isObject()) {
            return List.of("the value is not a JSON object");
        }
        if (!ARTICLE_ID.matcher(item.path("id").asText()).matches()) {
            problems.add("/id: must be 32 lower-case hex digits");
        }
        if (!HTTP_URL.matcher(item.path("canonicalUrl").asText()).matches()) {
            problems.add("/canonicalUrl: must be an http or https URL");
        }
        if (item.path("title").asText().isBlank()) {
            problems.add("/title: is required");
        }
        try {
            Instant.parse(item.path("publishedDateTime").asText());
        } catch (DateTimeParseException e) {
            problems.add("/publishedDateTime: must be an ISO-8601 instant");
        }
        if (item.path("provider").path("domain").asText().isBlank()) {
            problems.add("/provider/domain: is required");
        }
        if (!item.path("topics").isArray() || item.path("topics").isEmpty()) {
            problems.add("/topics: at least one topic is required");
        }
        return problems;
    }
}
