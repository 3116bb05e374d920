package news.coverage.catalog.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.MongoTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/**
 * The pages against the real broker and database, with recommend-service and ingest-service not running (the test
 * profile points at closed ports): what the catalog holds is shown, and what the others would add is a message.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class WebPagesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void anArticlePageShowsTheArticleAndSaysWhatCannotBeShown() {
        String topic = "Pages-" + UUID.randomUUID();
        String id = catalog("A <b>bold</b> claim about " + topic, topic);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/web/articles/" + id).then()
                .statusCode(200));

        given().get("/web/articles/" + id).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("A &lt;b&gt;bold&lt;/b&gt; claim"))
                .body(containsString("Provider of pages.example"))
                .body(containsString("Related coverage cannot be shown right now: recommend-service did not answer"))
                .body(containsString("Its story cannot be shown right now"))
                .body(containsString("Daily Crunch"));
        given().get("/web/articles/" + id + "/box").then().statusCode(200)
                .body(containsString("id=\"box\"")).body(not(containsString("<html")));
        given().queryParam("topic", topic).get("/").then().statusCode(200)
                .body(containsString("/web/articles/" + id)).body(containsString(topic + " (1)"));
    }

    @Test
    void problemsArePagesInWords() {
        given().get("/web/articles/0123456789abcdef0123456789abcdef").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("No such article"));
        given().get("/web/articles/not-an-id").then().statusCode(404).body(containsString("No such article"));
        given().queryParam("from", "June").get("/").then().statusCode(200)
                .body(containsString("The from day must be a date such as 2020-06-09"));
        given().queryParam("q", "https://never.example/seen").get("/").then().statusCode(200)
                .body(containsString("No article of the catalog has the URL https://never.example/seen"));
        given().queryParam("q", "facial recognition").get("/").then().statusCode(200)
                .body(containsString("Searching by words cannot be done right now"));
        given().get("/web/stories").then().statusCode(200)
                .body(containsString("Stories cannot be shown right now: recommend-service did not answer"));
        given().get("/web/stories/0123456789abcdef0123456789abcdef").then().statusCode(502)
                .body(containsString("recommend-service did not answer"));
        given().multiPart("token", "").multiPart("file", "a.md", "---\ntitle: x\n---\n".getBytes())
                .post("/web/upload").then().statusCode(200)
                .body(containsString("Uploading needs a bearer token"));
        given().multiPart("token", "some-token").multiPart("file", "a.md", "---\ntitle: x\n---\n".getBytes())
                .post("/web/upload").then().statusCode(200)
                .body(containsString("ingest-service could not be reached"));
    }

    @Test
    void thePagesAreInTheOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/"))
                .body("paths", hasKey("/web/articles/{id}"))
                .body("paths", hasKey("/web/articles/{id}/box"))
                .body("paths", hasKey("/web/stories"))
                .body("paths", hasKey("/web/stories/{id}"))
                .body("paths", hasKey("/web/upload"));
    }

    private String catalog(String title, String topic) {
        String id = UUID.randomUUID().toString().replace("-", "");
        var item = json.createObjectNode().put("id", id).put("canonicalUrl", "https://pages.example/" + id)
                .put("title", title).put("excerpt", "An excerpt.").put("webUrl", "https://pages.example/" + id)
                .put("publishedDateTime", "2020-06-09T00:55:00Z").put("type", "article");
        item.putObject("provider").put("name", "Provider of pages.example").put("domain", "pages.example");
        item.putArray("topics").add(topic);
        item.putArray("related").addObject().put("title", "Daily Crunch").put("webUrl", "https://techcrunch.com/d")
                .put("publishedDateTime", "2020-06-09T17:19:00Z");
        new KafkaCompanion(bootstrapServers).produceStrings()
                .fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        return id;
    }
}
