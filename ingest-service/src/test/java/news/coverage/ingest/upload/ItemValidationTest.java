package news.coverage.ingest.upload;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import news.coverage.deploy.testing.KafkaTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static news.coverage.ingest.upload.Fixtures.asIngester;
import static news.coverage.ingest.upload.Fixtures.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One rejected example per validation rule, each answered with the field path and message of its error. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ItemValidationTest {

    private static final String ITEM = text("amazon-finally-sees-the-problem.md");

    static Stream<Arguments> invalidItems() {
        return Stream.of(
                rule("title is required", without("title"), "/title", "must not be blank"),
                rule("title within 1,000 characters", replace("title: .*", "title: \"" + "x".repeat(1001) + "\""),
                        "/title", "size must be between"),
                rule("webUrl or originalUrl is required", without("webUrl"), "/webUrl", "webUrl or originalUrl is required"),
                rule("webUrl absolute", replace("webUrl: .*", "webUrl: /relative/path"), "/webUrl", "absolute http or https URL"),
                rule("webUrl http or https", replace("webUrl: .*", "webUrl: ftp://example.com/a"), "/webUrl", "absolute http or https URL"),
                rule("ampWebUrl absolute", replace("ampWebUrl: .*", "ampWebUrl: not a url"), "/ampWebUrl", "absolute http or https URL"),
                rule("publishedDateTime is required", without("publishedDateTime"), "/publishedDateTime", "ISO-8601"),
                rule("publishedDateTime has an offset", replace("publishedDateTime: .*", "publishedDateTime: 2020-06-12T18:11:00"),
                        "/publishedDateTime", "ISO-8601 date-time with offset"),
                rule("provider is required", cut("provider:\n  name: New York Magazine\n  domain: nymag.com\n"),
                        "/provider", "a provider with name and domain is required"),
                rule("provider name is required", cut("  name: New York Magazine\n"), "/provider/name", "a provider name is required"),
                rule("provider domain is a host name", replace("  domain: nymag.com", "  domain: not a host"),
                        "/provider/domain", "host name"),
                rule("at least one topic", replace("topics:\n  - Computer Vision\n  - AI", "topics: []"),
                        "/topics", "at least one topic is required"),
                rule("topics are text", replace("  - Computer Vision\n  - AI", "  - Computer Vision\n  - [nested]"),
                        "/topics/1", "must be text"),
                rule("quality is a number", replace("quality: 59", "quality: \"59\""), "/quality", "a whole number"),
                rule("quality is whole", replace("quality: 59", "quality: 59.5"), "/quality", "a whole number"),
                rule("published is true or false", replace("published: false", "published: maybe"), "/published", "true or false"),
                rule("image sizes are positive", replace("    width: 1200\n    height: 630", "    width: -1200\n    height: 630"),
                        "/images/0/width", "must be greater than 0"),
                rule("image url is required", replace("  - url: \"https://pyxis.nymag.com/.*", "  - url: \"\""),
                        "/images/0/url", "must not be blank"),
                rule("related URLs are absolute", replace("    webUrl: \"https://www.forbes.com/sites/tomtaulli/2020/06/13/facial-recognition-bans-what-do-they-mean-for-ai-artificial-intelligence/\"",
                        "    webUrl: forbes dot com"), "/related/0/webUrl", "absolute http or https URL"),
                rule("related dates have offsets", replace("    publishedDateTime: 2020-06-13T16:36:00Z", "    publishedDateTime: yesterday"),
                        "/related/0/publishedDateTime", "ISO-8601"),
                rule("duplicate YAML keys", replace("category: news", "category: news\ncategory: opinion"), "",
                        "duplicate key category"),
                rule("YAML alias bomb", replace("category: news", bomb()), "", "Number of aliases"),
                rule("front matter is a mapping", d -> "---\n- a\n- b\n---\n", "", "mapping of fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidItems")
    void invalidItemIsRejectedWithFieldPathAndMessage(String rule, String document, String field, String message) {
        asIngester().contentType("text/markdown").body(document.getBytes(StandardCharsets.UTF_8))
                .post("/items")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItem(field))
                .body("errors.findAll { it.field == '" + field + "' }.message", hasItem(containsString(message)));
    }

    @org.junit.jupiter.api.Test
    void documentThatIsNotUtf8IsRejected() {
        byte[] latin1 = ITEM.replace("title: \"Amazon", "title: \"Amazon caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        asIngester().contentType("text/markdown").body(latin1)
                .post("/items")
                .then().statusCode(422)
                .body("errors[0].message", containsString("not valid UTF-8"));
    }

    @org.junit.jupiter.api.Test
    void relatedEntryNeedsNotWhatOnlyAWholeItemMust() {
        // a related entry without title, date and provider is still editorial data; its other fields are checked
        String document = ITEM.replace("  - title: \"Facial Recognition Bans: What Do They Mean For AI (Artificial Intelligence)?\"\n", "  - ")
                .replaceFirst("    excerpt: ", "excerpt: ")
                .replace("    publishedDateTime: 2020-06-13T16:36:00Z\n", "")
                .replace("    provider:\n      name: Forbes\n      domain: forbes.com\n", "");
        assertTrue(!document.equals(ITEM));
        asIngester().contentType("text/markdown").body(document.getBytes(StandardCharsets.UTF_8))
                .post("/items")
                .then().statusCode(202);
        asIngester().contentType("text/markdown")
                .body(document.replace("    quality: 118", "    quality: \"many\"").getBytes(StandardCharsets.UTF_8))
                .post("/items")
                .then().statusCode(422)
                .body("errors.field", hasItem("/related/0/quality"));
    }

    @org.junit.jupiter.api.Test
    void everyErrorOfAnItemIsListedAtOnce() {
        String document = ITEM.replaceFirst("(?m)^title: .*\\n", "").replaceFirst("(?m)^quality: 59", "quality: -1")
                .replaceFirst("(?m)^webUrl: .*\\n", "").replace("  domain: nymag.com", "  domain: x");
        asIngester().contentType("text/markdown").body(document.getBytes(StandardCharsets.UTF_8))
                .post("/items")
                .then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("/provider/domain", "/quality", "/title",
                        "/webUrl"));
    }

    private static Arguments rule(String name, java.util.function.UnaryOperator<String> change, String field,
            String message) {
        String document = change.apply(ITEM);
        assertTrue(!document.equals(ITEM), "the example for '" + name + "' must change the item");
        return Arguments.of(name, document, field, message);
    }

    private static java.util.function.UnaryOperator<String> without(String field) {
        return document -> document.replaceFirst("(?m)^" + field + ": .*\\n", "");
    }

    private static java.util.function.UnaryOperator<String> replace(String regex, String replacement) {
        return document -> document.replaceFirst("(?m)^" + regex, java.util.regex.Matcher.quoteReplacement(replacement));
    }

    private static java.util.function.UnaryOperator<String> cut(String text) {
        return document -> document.replace(text, "");
    }

    private static String bomb() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }
        return "category: news\n" + yaml;
    }
}
