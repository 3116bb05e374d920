package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.article.IngestedArticleSchema;
import news.coverage.article.TextCharacters;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an {@code articles.ingested} value is what ingest promises: its JSON Schema, the one ingest publishes, the
 * characters of every text ({@link TextCharacters}, in fields the schema does not list too), and a publication time
 * that is a real instant (the schema checks only its form). A record breaking it is dead-lettered
 * with the reasons, not retried, since it will never become storable.
 */
@ApplicationScoped
public class IngestedItemCheck {

    private final IngestedArticleSchema schema = IngestedArticleSchema.load();

    public List<String> problems(JsonNode item) {
        List<String> problems = new ArrayList<>(schema.violations(item));
        TextCharacters.violations(item.traverse()).forEach(violation -> problems.add(violation.field() + ": "
                + violation.message()));
        if (problems.isEmpty()) {
            try {
                Instant.parse(item.get("publishedDateTime").asText());
            } catch (DateTimeParseException e) {
                problems.add("/publishedDateTime: not a date and time: " + e.getMessage());
            }
        }
        return problems;
    }
}
