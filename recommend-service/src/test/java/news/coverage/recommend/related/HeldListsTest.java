package news.coverage.recommend.related;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static news.coverage.recommend.related.CatalogedItems.word;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Kept lists are answered from memory, and a change written to the database by anyone (another instance, an
 * operator) reaches the answers through the change notices, not through this instance's own writes.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class HeldListsTest {

    private static final Pattern HITS = Pattern.compile("related_answers_total\\{source=\"held\"} ([0-9.E]+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    @Test
    void repeatedAnswersComeFromMemory() {
        String[] pair = new CatalogedItems(bootstrapServers).storyAndOther(word() + " " + word());
        String story = pair[0], other = pair[1];
        // once the writes that follow an arrival (its list, its offers) are heard, the list stays held
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            double before = hits();
            given().get("/related/" + story).then().body("items.id", contains(other));
            assertEquals(before + 1, hits(), "an answer of a held list comes from memory");
        });
    }

    @Test
    void aListChangedInTheDatabaseByAnyoneIsAnsweredAnewWithinASecond() {
        String story = new CatalogedItems(bootstrapServers).storyAndOther(word() + " " + word())[0];

        database.preparedQuery("DELETE FROM related_neighbour WHERE article_seq = (SELECT seq FROM article WHERE id = $1)")
                .execute(Tuple.of(story)).await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/related/" + story).then().body("items", empty()));
    }

    private static double hits() {
        Matcher hits = HITS.matcher(given().get("/q/metrics").asString());
        return hits.find() ? Double.parseDouble(hits.group(1)) : 0;
    }
}
