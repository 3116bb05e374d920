package news.coverage.recommend.related;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static news.coverage.deploy.testing.KafkaRecords.firstKeyed;
import static news.coverage.recommend.related.CatalogedItems.newId;
import static news.coverage.recommend.related.CatalogedItems.word;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

/** The read model follows articles.cataloged: new versions, redelivery, tombstones, unreadable records. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ReadModelProjectionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aNewVersionReplacesTheOldAndATombstoneRemovesTheArticle() {
        CatalogedItems items = new CatalogedItems(bootstrapServers);
        String a = word(), b = word();
        String[] pair = items.storyAndOther(a + " " + b);
        String story = pair[0], other = pair[1];
        given().get("/related/" + story).then().body("items[0].title", equalTo(a + " " + b));

        items.item(other).title(a + " " + b + " updated").version("v2").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().body("items[0].title", equalTo(a + " " + b + " updated")));

        items.delete(other);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().body("items", org.hamcrest.Matchers.empty()));
        given().get("/related/" + other).then().statusCode(404);
    }

    @Test
    void aNewVersionAboutSomethingElseLeavesTheOldStory() {
        CatalogedItems items = new CatalogedItems(bootstrapServers);
        String[] pair = items.storyAndOther(word() + " " + word());
        String story = pair[0], other = pair[1];

        items.item(other).title(word() + " " + word()).version("v2").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().body("items", org.hamcrest.Matchers.empty()));
        given().get("/related/" + other).then().body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void redeliveryOfAVersionAlreadyAppliedChangesNothing() {
        CatalogedItems items = new CatalogedItems(bootstrapServers);
        String a = word(), b = word();
        String story = items.item(newId()).title(a + " " + b).send();
        String other = newId();
        items.item(other).title(a + " " + b).send();
        // the same version again, even with other content, is a redelivery: the first application stands
        items.item(other).title(a + " " + b + " redelivered").send();
        String marker = items.item(newId()).title(a + " " + b + " marker").send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + marker)
                .then().statusCode(200));
        given().get("/related/" + story).then().body("items.findAll { it.id == '" + other + "' }.title",
                contains(a + " " + b));
    }

    @Test
    void aCatalogedItemIsAnswerableWithinASecond() {
        CatalogedItems items = new CatalogedItems(bootstrapServers);
        String a = word(), b = word();
        String story = items.item(newId()).title(a + " " + b).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().statusCode(200));
        String fresh = items.item(newId()).title(a + " " + b).send();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/related/" + story).then().body("items.id", contains(fresh)));
        // the same, as the service measures it for every record: a histogram with a bucket at the target
        given().get("/q/metrics").then()
                .body(matchesPattern("(?s).*recommend_freshness_seconds_bucket\\{[^}]*le=\"1\\.0\".*"))
                .body(matchesPattern("(?s).*recommend_freshness_seconds_count(\\{[^}]*})? [1-9].*"));
    }

    @Test
    void unreadableRecordsAreDeadLetteredAndTheStreamGoesOn() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String poison = newId();
        kafka.produceStrings().fromRecords(record("articles.cataloged", poison, "{not json")).awaitCompletion();
        CatalogedItems items = new CatalogedItems(bootstrapServers);
        String badDate = items.item(newId()).published("last tuesday").send();
        var dead = kafka.consumeStrings().fromTopics("articles.cataloged.dlq", firstKeyed(poison))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        org.junit.jupiter.api.Assertions.assertNotNull(dead.headers().lastHeader("dead-letter-reason"));
        kafka.consumeStrings().fromTopics("articles.cataloged.dlq", firstKeyed(badDate))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        String after = items.item(newId()).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + after)
                .then().statusCode(200));
    }
}
