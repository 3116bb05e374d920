package news.coverage.deploy.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Compares a SmartableAI item with what the system made of it, field by field: every field of the original must be
 * there, equal, or equal after ingest's documented normalisation (dates in UTC, provider domain in lower case,
 * topics trimmed with one spelling). Used by the tests that prove a round trip loses nothing.
 */
public final class SmartableItems {

    /** Fields the system derives and adds to an item (and to its related entries). */
    public static final List<String> DERIVED = List.of("id", "canonicalUrl");

    private static final YAMLMapper YAML = new YAMLMapper();

    private SmartableItems() {
    }

    /** The front matter of a Markdown document as JSON, with its body, if any, as {@code body}. */
    public static ObjectNode read(String markdown) {
        String text = markdown.replace("\r\n", "\n");
        int end = text.indexOf("\n---", 4);
        try {
            ObjectNode item = (ObjectNode) YAML.readTree(text.substring(4, end + 1));
            String body = text.substring(Math.min(text.length(), end + 5)).strip();
            if (!body.isEmpty()) {
                item.put("body", body);
            }
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code copy} lacks or has changed of {@code original}; {@code name} prefixes each difference. */
    public static List<String> differences(String name, JsonNode original, JsonNode copy) {
        List<String> differences = new ArrayList<>();
        compare(name, "", original, copy, differences);
        return differences;
    }

    private static void compare(String name, String path, JsonNode original, JsonNode copy, List<String> differences) {
        if (original.isObject()) {
            for (Iterator<String> fields = original.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                if (!copy.has(field)) {
                    differences.add(name + ": " + path + "/" + field + " is missing");
                } else {
                    compare(name, path + "/" + field, original.get(field), copy.get(field), differences);
                }
            }
            copy.fieldNames().forEachRemaining(field -> {
                if (!original.has(field) && !DERIVED.contains(field)) {
                    differences.add(name + ": " + path + "/" + field + " was added");
                }
            });
        } else if (original.isArray()) {
            boolean topics = path.endsWith("/topics");
            if (!topics && original.size() != copy.size()) {
                differences.add(name + ": " + path + " has " + copy.size() + " entries, not " + original.size());
                return;
            }
            for (int i = 0; i < Math.min(original.size(), copy.size()); i++) {
                compare(name, path + "/" + i, original.get(i), copy.get(i), differences);
            }
        } else if (!same(path, original, copy)) {
            differences.add(name + ": " + path + " is " + copy + ", not " + original);
        }
    }

    private static boolean same(String path, JsonNode original, JsonNode copy) {
        if (path.endsWith("DateTime")) {
            return Instant.parse(original.asText()).equals(Instant.parse(copy.asText()));
        }
        if (path.endsWith("/provider/domain")) {
            return original.asText().strip().toLowerCase(Locale.ROOT).equals(copy.asText());
        }
        if (path.matches(".*/topics/\\d+")) {
            return original.asText().strip().replaceAll("\\s+", " ").equalsIgnoreCase(copy.asText());
        }
        return original.equals(copy);
    }
}
