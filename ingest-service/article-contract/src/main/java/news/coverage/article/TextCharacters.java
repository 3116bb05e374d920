package news.coverage.article;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

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
        Checking checking = new Checking(parser);
        try {
            while (checking.nextToken() != null) {
                // each token is checked as it is read
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return checking.violations();
    }

    /**
     * A parser that checks every field name and string value as whoever reads it reads it (data binding, say), so
     * that the check costs no second parse. Every way of moving on goes through {@link #nextToken()}, skipping
     * included: nothing is passed over unchecked.
     */
    public static final class Checking extends JsonParserDelegate {

        private final List<Violation> violations = new ArrayList<>();

        public Checking(JsonParser parser) {
            super(parser);
        }

        /** The violations among what was read so far. */
        public List<Violation> violations() {
            return List.copyOf(violations);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                String prefix = token == JsonToken.FIELD_NAME ? "the field name " : "";
                problem(delegate.getText()).ifPresent(problem -> violations.add(new Violation(
                        delegate.getParsingContext().pathAsPointer().toString(), prefix + problem)));
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }

        @Override
        public String nextFieldName() throws IOException {
            return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
        }

        @Override
        public boolean nextFieldName(SerializableString name) throws IOException {
            return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
        }

        @Override
        public String nextTextValue() throws IOException {
            return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
        }

        @Override
        public int nextIntValue(int defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
        }

        @Override
        public long nextLongValue(long defaultValue) throws IOException {
            return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
        }

        @Override
        public Boolean nextBooleanValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        }

        @Override
        public JsonParser skipChildren() throws IOException {
            JsonToken current = currentToken();
            if (current == null || !current.isStructStart()) {
                return this;
            }
            for (int open = 1; open > 0; ) {
                JsonToken token = nextToken();
                if (token == null) {
                    break;
                }
                open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            }
            return this;
        }
    }

    private static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
