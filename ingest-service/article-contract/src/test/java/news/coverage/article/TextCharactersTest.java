package news.coverage.article;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextCharactersTest {

    @Test
    void tabLineBreaksAndAnyPrintableCharacterAreTaken() {
        assertEquals(Optional.empty(), TextCharacters.problem("a\tb\r\nc\n é – 中文 \uD83D\uDE00"));
    }

    @Test
    void eachRefusedCharacterIsNamedWithItsPosition() {
        assertEquals(Optional.of("holds the control character U+0000 at character 3 (only tab, line feed and carriage "
                + "return are allowed)"), TextCharacters.problem("IBM\u0000"));
        for (char c : new char[] { 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9f }) {
            assertTrue(TextCharacters.problem("x" + c).orElseThrow().contains(String.format("U+%04X", (int) c)));
        }
    }

    @Test
    void loneSurrogatesAreRefusedAndPairsTaken() {
        assertEquals(Optional.of("holds a lone surrogate U+D800 at character 1"), TextCharacters.problem("a\uD800b"));
        assertTrue(TextCharacters.problem("\uDE00").isPresent());
        assertTrue(TextCharacters.problem("end \uD83D").isPresent());
        assertEquals(Optional.empty(), TextCharacters.problem("\uD83D\uDE00"));
    }

    @Test
    void everyStringAndFieldNameIsCheckedByItsPointer() throws IOException {
        String json = "{\"title\":\"ok\",\"related\":[{\"title\":\"bad\\u0007\"}],\"unknown\":{\"x\\u0000\":1},"
                + "\"topics\":[\"AI\",\"\\u001b\"],\"quality\":3}";
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            List<TextCharacters.Violation> violations = TextCharacters.violations(parser);
            assertEquals(List.of("/related/0/title", "/unknown/x\u0000", "/topics/1"),
                    violations.stream().map(TextCharacters.Violation::field).toList());
            assertTrue(violations.get(1).message().startsWith("the field name holds"), violations.toString());
        }
    }

    /** Bound by Jackson's fast paths (nextFieldName, nextTextValue) and with a skipped unknown field. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Item {
        public String title;
        public List<String> topics;
        public int quality;
    }

    @Test
    void whatDataBindingReadsOrSkipsIsCheckedAsItIsRead() throws IOException {
        String json = "{\"title\":\"IBM\\u0007\",\"quality\":3,\"topics\":[\"AI\",\"\\u001b\"],"
                + "\"skipped\":{\"deep\":[\"x\\u0000\"]}}";
        try (TextCharacters.Checking parser = new TextCharacters.Checking(new JsonFactory().createParser(json))) {
            Item item = new com.fasterxml.jackson.databind.ObjectMapper().readValue(parser, Item.class);
            assertEquals(3, item.quality);
            assertEquals(List.of("/title", "/topics/1", "/skipped/deep/0"),
                    parser.violations().stream().map(TextCharacters.Violation::field).toList());
        }
    }
}
