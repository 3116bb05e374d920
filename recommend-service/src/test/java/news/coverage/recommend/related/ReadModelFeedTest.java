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

import static io.restassured.RestAssured.given;
import static news.coverage.recommend.related.CatalogedItems.newId;
import static news.coverage.recommend.related.CatalogedItems.word;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

/**
 * What another instance writes to the read model reaches this instance's answers through the change notices, within
 * a second: an article it wrote, and one it deleted.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ReadModelFeedTest {

    private static final String WRITE = """
            INSERT INTO article (id, version, title, url, provider_name, provider_domain, published_at, topics)
            VALUES ($1, 'v1', $2, $3, 'Other', 'other.example', '2020-06-10T12:00:00Z', '{AI}')""";
    private static final String NOTIFY = "SELECT pg_notify('" + ReadModelFeed.CHANNEL + "', 'another-instance:' || $1)";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    Pool database;

    @Test
    void anArticleAnotherInstanceWroteIsAnsweredWithinASecond() {
        String title = word() + " " + word();
        String story = new CatalogedItems(bootstrapServers).item(newId()).title(title).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().statusCode(200));

        String written = newId();
        database.withTransaction(connection -> connection.preparedQuery(WRITE).execute(Tuple.of(written, title, "https://other.example/" + written))
                        .chain(() -> connection.preparedQuery(NOTIFY).execute(Tuple.of(written))))
                .await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/related/" + story).then().body("items.id", contains(written)));
    }

    @Test
    void anArticleAnotherInstanceDeletedLeavesTheAnswersWithinASecond() {
        String[] pair = new CatalogedItems(bootstrapServers).storyAndOther(word() + " " + word());
        String story = pair[0], other = pair[1];

        database.withTransaction(connection -> connection.preparedQuery("DELETE FROM article WHERE id = $1")
                        .execute(Tuple.of(other))
                        .chain(() -> connection.preparedQuery(NOTIFY).execute(Tuple.of(other))))
                .await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> given().get("/related/" + story).then().body("items", empty()));
        given().get("/related/" + other).then().statusCode(404);
    }
}
