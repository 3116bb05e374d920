package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.MongoTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class CatalogQueryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    /** Topics of this test only, so that other tests' articles do not count. */
    private final String vision = "Vision-" + UUID.randomUUID();
    private final String robots = "Robots-" + UUID.randomUUID();

    @Test
    void everyFilterSelectsWhatItSays() {
        String a = catalog("2020-06-08T10:00:00Z", "a.com", "article", vision);
        String b = catalog("2020-06-09T10:00:00Z", "b.com", "video", vision, robots);
        String c = catalog("2020-06-10T10:00:00Z", "a.com", "article", robots);
        awaitCount(3);

        given().queryParam("topic", vision).get("/articles").then().statusCode(200).body("items.id", contains(b, a));
        given().queryParam("url", "https://a.com/" + a).get("/articles").then().body("items.id", contains(a));
        given().queryParam("url", "https://a.com/" + a + "?utm_source=rss").get("/articles").then().body("items.id", contains(a));
        // spellings never stored: the canonical form finds the article
        given().queryParam("url", "HTTPS://A.com:443/" + a + "?fbclid=1&utm_medium=social").get("/articles")
                .then().body("items.id", contains(a));
        given().queryParam("url", "https://a.com/" + a + "?page=2").get("/articles").then().body("items", hasSize(0));
        given().queryParam("topic", vision, robots).get("/articles").then().body("items.id", contains(b));
        given().queryParam("topic", vision, robots).queryParam("match", "any").get("/articles")
                .then().body("items.id", contains(c, b, a));
        given().queryParam("topic", vision, robots).queryParam("match", "any").queryParam("provider", "a.com")
                .get("/articles").then().body("items.id", contains(c, a));
        given().queryParam("topic", vision, robots).queryParam("match", "any")
                .queryParam("from", "2020-06-09T00:00:00Z").queryParam("to", "2020-06-10T00:00:00Z")
                .get("/articles").then().body("items.id", contains(b));
        given().queryParam("topic", vision, robots).queryParam("match", "any").queryParam("type", "video")
                .get("/articles").then().body("items.id", contains(b));
        given().queryParam("from", "2020-06-09T00:00:00Z").queryParam("to", "2020-06-10T00:00:00Z")
                .get("/topics").then().statusCode(200)
                .body("find { it.name == '" + vision + "' }.count", equalTo(1))
                .body("find { it.name == '" + robots + "' }.count", equalTo(1));
        given().queryParam("from", "2020-06-08T00:00:00Z").queryParam("to", "2020-06-08T23:00:00Z")
                .get("/providers").then().statusCode(200).body("name", org.hamcrest.Matchers.hasItem("a.com"));
    }

    @Test
    void topicsAreFoundInAnyCaseAndSpacingAndProvidersByDomainOrName() {
        String a = catalog("2020-06-08T10:00:00Z", "cnet.com", "article", vision);
        awaitCount(1);
        for (String topic : List.of(vision.toLowerCase(java.util.Locale.ROOT), "  " + vision.toUpperCase(java.util.Locale.ROOT) + " ")) {
            given().queryParam("topic", topic).get("/articles").then().statusCode(200).body("items.id", contains(a));
        }
        for (String provider : List.of("cnet.com", "CNET.COM", "Provider of cnet.com", "PROVIDER OF CNET.COM")) {
            given().queryParam("topic", vision).queryParam("provider", provider).get("/articles")
                    .then().statusCode(200).body("items.id", contains(a));
        }
        given().queryParam("topic", vision).queryParam("provider", "cnet").get("/articles").then().body("items", hasSize(0));
    }

    @Inject
    ArticleRepository repository;

    @Inject
    LookupKeys keys;

    @Test
    void documentsStoredWithoutLookupKeysGetThemAndAreFound() {
        String id = catalog("2020-06-08T10:00:00Z", "old.example", "article", vision);
        awaitCount(1);
        // as an earlier version stored it
        repository.mongoCollection().updateOne(com.mongodb.client.model.Filters.eq("_id", id),
                com.mongodb.client.model.Updates.combine(com.mongodb.client.model.Updates.unset("topicKeys"),
                        com.mongodb.client.model.Updates.unset("providerKeys"))).await().indefinitely();
        given().queryParam("topic", vision).get("/articles").then().body("items", hasSize(0));

        assertEquals(1L, keys.backfill().await().indefinitely());
        given().queryParam("topic", vision.toUpperCase(java.util.Locale.ROOT))
                .queryParam("provider", "PROVIDER OF OLD.EXAMPLE").get("/articles")
                .then().statusCode(200).body("items.id", contains(id));
    }

    @Test
    void pagesNeitherRepeatNorMissArticlesWhileOthersArrive() {
        for (int day = 10; day >= 1; day--) {
            catalog("2021-01-%02dT08:00:00Z".formatted(day), "p.com", "article", vision);
        }
        // two in the same second: the id decides their order
        catalog("2021-01-01T08:00:00Z", "p.com", "article", vision);
        awaitCount(11);
        List<String> order = given().queryParam("topic", vision).queryParam("limit", 100).get("/articles")
                .then().extract().path("items.id");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("topic", vision).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/articles").then().statusCode(200).extract();
            paged.addAll(page.path("items.id"));
            cursor = page.path("next");
            if (pages++ == 1) {
                // arrives while the client pages: newer than everything, so on no later page
                catalog("2021-02-01T08:00:00Z", "p.com", "article", vision);
            }
        } while (cursor != null);
        assertEquals(order, paged);
        assertEquals(11, paged.stream().distinct().count());
    }

    @Test
    void operatorsAndUnknownParametersAreRejectedNotQueried() {
        given().queryParam("topic[$ne]", "x").get("/articles").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("topic[$ne]"));
        given().queryParam("topic", "$ne").get("/articles").then().statusCode(400);
        given().queryParam("provider", "$where").get("/articles").then().statusCode(400);
        given().queryParam("cursor", "not-a-cursor").get("/articles").then().statusCode(400);
        given().queryParam("limit", 0).get("/articles").then().statusCode(400);
        given().queryParam("from", "yesterday").get("/articles").then().statusCode(400);
        given().queryParam("match", "some").get("/articles").then().statusCode(400);
        given().queryParam("url", "a.com/news").get("/articles").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("url"));
        given().queryParam("from[$gt]", "x").get("/topics").then().statusCode(400);
    }

    private void awaitCount(int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("topic", vision, robots)
                .queryParam("match", "any").queryParam("limit", 100).get("/articles")
                .then().body("items", hasSize(count)));
    }

    private String catalog(String published, String provider, String type, String... topics) {
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode item = json.createObjectNode().put("id", id).put("canonicalUrl", "https://" + provider + "/" + id)
                .put("title", "Article " + id).put("webUrl", "https://" + provider + "/" + id + "?utm_source=rss")
                .put("publishedDateTime", published).put("type", type);
        item.putObject("provider").put("name", "Provider of " + provider).put("domain", provider);
        var topicArray = item.putArray("topics");
        for (String topic : topics) {
            topicArray.add(topic);
        }
        new KafkaCompanion(bootstrapServers).produceStrings()
                .fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        return id;
    }
}
