package news.coverage.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the fields every item needs and brings them to one form: canonical URL and the id derived from it, dates
 * in UTC, trimmed topics, lower-case provider domain. Fields it does not know are kept as they are.
 */
@ApplicationScoped
public class ItemNormalizer {

    public static final String ID = "id";
    public static final String CANONICAL_URL = "canonicalUrl";

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public ObjectNode normalize(ObjectNode source) {
        ObjectNode item = source.deepCopy();
        List<FieldError> errors = new ArrayList<>();

        if (text(item, "title").isEmpty()) {
            errors.add(new FieldError("/title", "a title is required"));
        }
        Optional<String> url = text(item, "webUrl").or(() -> text(item, "originalUrl"));
        if (url.isEmpty()) {
            errors.add(new FieldError("/webUrl", "webUrl or originalUrl is required"));
        } else {
            String field = text(item, "webUrl").isPresent() ? "/webUrl" : "/originalUrl";
            CanonicalUrl.of(url.get()).ifPresentOrElse(canonical -> {
                item.put(CANONICAL_URL, canonical);
                item.put(ID, CanonicalUrl.articleId(canonical));
            }, () -> errors.add(new FieldError(field, "must be an absolute http or https URL")));
        }
        normalizeDate(item, "publishedDateTime", true, errors);
        normalizeDate(item, "updatedDateTime", false, errors);
        normalizeProvider(item, errors);
        normalizeTopics(item, errors);
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
        return item;
    }

    private static void normalizeDate(ObjectNode item, String field, boolean required, List<FieldError> errors) {
        Optional<String> value = text(item, field);
        if (value.isEmpty()) {
            if (required) {
                errors.add(new FieldError("/" + field, "an ISO-8601 date-time with offset is required"));
            }
            return;
        }
        try {
            item.put(field, OffsetDateTime.parse(value.get()).toInstant().toString());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("/" + field, "'" + value.get() + "' is not an ISO-8601 date-time with offset"));
        }
    }

    private static void normalizeProvider(ObjectNode item, List<FieldError> errors) {
        if (!(item.get("provider") instanceof ObjectNode provider)) {
            errors.add(new FieldError("/provider", "a provider with name and domain is required"));
            return;
        }
        if (text(provider, "name").isEmpty()) {
            errors.add(new FieldError("/provider/name", "a provider name is required"));
        }
        Optional<String> domain = text(provider, "domain").map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (domain.isEmpty() || !HOST_NAME.matcher(domain.get()).matches()) {
            errors.add(new FieldError("/provider/domain", "a valid host name is required"));
        } else {
            provider.put("domain", domain.get());
        }
    }

    private static void normalizeTopics(ObjectNode item, List<FieldError> errors) {
        Map<String, String> topics = new LinkedHashMap<>();
        if (item.get("topics") instanceof ArrayNode array) {
            for (JsonNode topic : array) {
                if (topic.isTextual() && !topic.asText().isBlank()) {
                    String name = SPACES.matcher(topic.asText().strip()).replaceAll(" ");
                    topics.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }
        if (topics.isEmpty()) {
            errors.add(new FieldError("/topics", "at least one topic is required"));
            return;
        }
        ArrayNode normalized = JsonNodeFactory.instance.arrayNode();
        topics.values().forEach(normalized::add);
        item.set("topics", normalized);
    }

    private static Optional<String> text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText())
                : Optional.empty();
    }
}
