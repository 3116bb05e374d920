package news.coverage.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.InvalidItemException;

/** Parses JSON documents with limits on nesting and sizes, refusing duplicate keys. */
@ApplicationScoped
public class JsonReader {

    private final ObjectMapper json;

    public JsonReader(ObjectMapper json) {
        this.json = limited(json);
    }

    /**
     * A copy of the mapper that reads uploads: one JSON value per document (nothing after it), duplicate keys
     * refused, nesting depth 50, strings up to 2,000,000
     * characters, numbers up to 30 digits. Whatever reads upload JSON (trees here, items straight from NDJSON lines
     * in the binder) reads it with these limits.
     */
    public static ObjectMapper limited(ObjectMapper json) {
        ObjectMapper copy = json.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        copy.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(50)
                .maxStringLength(2_000_000)
                .maxNumberLength(30)
                .build());
        return copy;
    }

    /** Parses the bytes {@code [offset, offset + length)}, which must be UTF-8 (Jackson checks that as it reads). */
    public JsonNode read(byte[] content, int offset, int length) {
        try {
            JsonNode node = json.readTree(content, offset, length);
            if (node == null || node.isMissingNode()) {
                throw new InvalidItemException("", "the document is empty");
            }
            return node;
        } catch (InvalidItemException e) {
            throw e;
        } catch (Exception e) {
            String message = e instanceof com.fasterxml.jackson.core.JacksonException jackson
                    ? jackson.getOriginalMessage() : e.getMessage();
            throw new InvalidItemException("", "the JSON cannot be read: " + message);
        }
    }
}
