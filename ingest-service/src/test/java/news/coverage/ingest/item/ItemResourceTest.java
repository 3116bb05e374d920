package news.coverage.ingest.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.KafkaTopics;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ItemResourceTest {

    // SHA-256 of the canonical URL https://nymag.com/intelligencer/2020/06/amazon-finally-sees-the-problem-with-facial-recognition.html
    private static final String AMAZON_ID = "f136c7a586be30c06b5fc0dd158cc01a";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void acceptedMarkdownItemIsPublishedKeyedByIdWithEveryField() throws IOException {
        given().contentType("text/markdown").body(fixture("amazon-finally-sees-the-problem.md"))
                .when().post("/items")
                .then().statusCode(202)
                .body("id", equalTo(AMAZON_ID))
                .body("canonicalUrl", equalTo(
                        "https://nymag.com/intelligencer/2020/06/amazon-finally-sees-the-problem-with-facial-recognition.html"));

        var record = new KafkaTopics(bootstrapServers).await("articles.ingested", KafkaTopics.keyed(AMAZON_ID),
                Duration.ofSeconds(30));
        assertEquals("news.coverage.article.ingested", KafkaTopics.header(record, "ce_type"));
        assertEquals(AMAZON_ID, KafkaTopics.header(record, "ce_subject"));
        assertEquals("1.0", KafkaTopics.header(record, "ce_specversion"));
        assertNotNull(KafkaTopics.header(record, "ce_id"));
        JsonNode item = json.readTree(record.value());
        assertEquals("Amazon Finally Sees the Problem With Facial Recognition", item.get("title").asText());
        assertEquals("2020-06-12T18:11:00Z", item.get("publishedDateTime").asText());
        assertEquals("nymag.com", item.at("/provider/domain").asText());
        assertEquals(List.of("Computer Vision", "AI"), json.convertValue(item.get("topics"), List.class));
        assertEquals(59, item.get("quality").asInt());
        assertEquals(false, item.get("published").asBoolean());
        assertEquals(1200, item.at("/images/0/width").asInt());
        assertEquals(10, item.get("related").size());
        assertEquals("Forbes", item.at("/related/0/provider/name").asText());
        assertEquals(true, item.get("secured").asText().endsWith(";oukGoYsq9E0BzvhsVBEljg=="));
    }

    @Test
    void itemWithoutTitleIsRejectedWithTheFieldPath() throws IOException {
        String document = fixture("amazon-finally-sees-the-problem.md")
                .replaceFirst("(?m)^title: .*\\n", "");
        given().contentType("text/markdown").body(document)
                .when().post("/items")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", hasItem("/title"));
    }

    @Test
    void documentWithoutFrontMatterIsRejected() {
        given().contentType("text/markdown").body("Just a headline\n\nand some text")
                .when().post("/items")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("'---'"));
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = ItemResourceTest.class.getResourceAsStream("/items/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
