package news.coverage.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngestedArticleSchemaTest {

    private static final IngestedArticleSchema SCHEMA = IngestedArticleSchema.load();
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode item() {
        ObjectNode item = json.createObjectNode()
                .put("id", "0123456789abcdef0123456789abcdef")
                .put("canonicalUrl", "https://example.com/a")
                .put("title", "A title")
                .put("webUrl", "https://example.com/a?utm_source=x")
                .put("publishedDateTime", "2020-06-10T21:19:00Z")
                .put("anUnknownField", 7);
        item.putObject("provider").put("name", "Example").put("domain", "example.com");
        item.putArray("topics").add("AI");
        return item;
    }

    @Test
    void normalisedItemIsValid() {
        assertEquals(List.of(), SCHEMA.violations(item()));
    }

    @Test
    void eachViolationIsNamedWithItsPlace() {
        ObjectNode item = item().put("id", "not-an-id").put("quality", "high");
        item.remove("publishedDateTime");
        ((ObjectNode) item.get("provider")).put("domain", 3);
        List<String> violations = SCHEMA.violations(item);
        assertEquals(4, violations.size(), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/id")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/quality")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("publishedDateTime")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("/provider/domain")), violations.toString());
    }

    @Test
    void textsHoldNoControlCharacterButTabAndLineBreaksAndNoLoneSurrogate() {
        assertEquals(List.of(), SCHEMA.violations(item().put("excerpt", "two\tcolumns\r\nand lines\n, \uD83D\uDE00")));
        for (String text : List.of("nul \u0000", "bell \u0007", "escape \u001b", "delete \u007f", "C1 \u0085",
                "vertical tab \u000b", "lone \uD800 surrogate")) {
            List<String> violations = SCHEMA.violations(item().put("title", text));
            assertEquals(1, violations.size(), text + ": " + violations);
            assertTrue(violations.get(0).startsWith("/title"), violations.toString());
        }
    }

    @Test
    void qualityIsFromZeroToOneThousand() {
        assertEquals(List.of(), SCHEMA.violations(item().put("quality", 189)));
        assertEquals(1, SCHEMA.violations(item().put("quality", -5)).size());
        assertEquals(1, SCHEMA.violations(item().put("quality", 100_000)).size());
    }

    @Test
    void datesHaveFourDigitYears() {
        assertEquals(1, SCHEMA.violations(item().put("publishedDateTime", "+999999999-12-31T23:59:59Z")).size());
    }
}
