package news.coverage.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import news.coverage.ingest.item.FieldError;

import java.util.List;

/**
 * One item found in a document, not yet checked: as a JSON tree, or as the JSON bytes of an NDJSON line (bound
 * straight to the item, which spares a bulk upload building a tree per line); or why it could not be parsed.
 *
 * @param source where it is: a file name, with {@code :N} for line N of NDJSON or {@code #value/N} for an API page
 */
public record ParsedItem(String source, JsonNode tree, JsonBytes json, List<FieldError> errors) {

    /** A slice of a byte array that holds one JSON value. */
    public record JsonBytes(byte[] content, int offset, int length) {
    }

    public static ParsedItem parsed(String source, JsonNode tree) {
        return new ParsedItem(source, tree, null, List.of());
    }

    public static ParsedItem unparsed(String source, byte[] content, int offset, int length) {
        return new ParsedItem(source, null, new JsonBytes(content, offset, length), List.of());
    }

    public static ParsedItem failed(String source, List<FieldError> errors) {
        return new ParsedItem(source, null, null, errors);
    }

    public boolean isParsed() {
        return errors.isEmpty();
    }
}
