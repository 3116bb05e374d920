package news.coverage.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The characters a text of an article may hold, in every field, known or not, and in field names: anything but the
 * control characters (U+0000–U+001F, U+007F–U+009F) other than tab, line feed and carriage return, and but lone
 * surrogates (half of a UTF-16 pair, which no UTF-8 text can hold). What ingest accepts, every store downstream takes:
 * PostgreSQL refuses U+0000 in text, and the others are never part of a news item's words.
 */
public final class TextCharacters {

    /** A field whose text breaks the rule, by its JSON pointer ({@code /related/0/title}). */
    public record Violation(String field, String message) {
    }

    private TextCharacters() {
    }

    /** What is wrong with the text, if anything: the first character it may not hold, and where. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("holds a lone surrogate " + codePoint(c) + " at character " + i);
            } else if (isRefusedControl(c)) {
                return Optional.of("holds the control character " + codePoint(c) + " at character " + i
                        + " (only tab, line feed and carriage return are allowed)");
            }
        }
        return Optional.empty();
    }

    /** Every field name and string value the parser reads that breaks the rule; the parser is read to its end. */
    public static List<Violation> violations(JsonParser parser) {
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    String where = parser.getParsingContext().pathAsPointer().toString();
                    String prefix = token == JsonToken.FIELD_NAME ? "the field name " : "";
                    problem(parser.getText()).ifPresent(problem -> violations.add(new Violation(where, prefix + problem)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    private static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
