package news.coverage.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import news.coverage.ingest.item.FieldError;

import java.util.List;

/**
 * One item found in a document, parsed but not yet checked; or why it could not be parsed.
 *
 * @param source where it is: a file name, with {@code :N} for line N of NDJSON or {@code #value/N} for an API page
 */
public record ParsedItem(String source, JsonNode tree, List<FieldError> errors) {

    public static ParsedItem parsed(String source, JsonNode tree) {
        return new ParsedItem(source, tree, List.of());
    }

    public static ParsedItem failed(String source, List<FieldError> errors) {
        return new ParsedItem(source, null, errors);
    }

    public boolean isParsed() {
        return tree != null;
    }
}
