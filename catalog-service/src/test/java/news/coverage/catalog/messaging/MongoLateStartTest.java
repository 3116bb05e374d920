package news.coverage.catalog.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.catalog.article.ArticleRepository;
import news.coverage.deploy.testing.KafkaTestResource;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service starts while MongoDB is not there yet; once it is, the indexes are created (the unique canonical URL
 * among them) and what arrived meanwhile is stored.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoLateStartTest.MongoStartingLater.class)
class MongoLateStartTest {

    /** The server of {@link MongoOutageTest}, not started until the test brings it up. */
    public static class MongoStartingLater extends MongoOutageTest.RestartableMongo {
        @Override
        public Map<String, String> start() {
            return settings();
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(this, new TestInjector.MatchesType(MongoStartingLater.class));
        }
    }

    MongoStartingLater mongo;

    @Inject
    ArticleRepository repository;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void indexesAreCreatedAndItemsStoredOnceTheDatabaseIsThere() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "");
        new KafkaCompanion(bootstrapServers).produceStrings().fromRecords(record("articles.ingested", id, """
                {"id": "%1$s", "canonicalUrl": "https://example.com/%1$s", "title": "Before the database",
                 "webUrl": "https://example.com/%1$s", "publishedDateTime": "2020-06-10T10:00:00Z",
                 "provider": {"name": "Example", "domain": "example.com"}, "topics": ["AI"]}
                """.formatted(id))).awaitCompletion();
        Thread.sleep(2_000);
        mongo.up();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        List<Document> indexes = repository.mongoCollection().listIndexes().collect().asList().await().indefinitely();
        assertTrue(indexes.stream().anyMatch(index -> "canonical_url".equals(index.getString("name"))
                && Boolean.TRUE.equals(index.getBoolean("unique"))), indexes.toString());
    }
}
