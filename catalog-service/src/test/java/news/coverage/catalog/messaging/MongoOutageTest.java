package news.coverage.catalog.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.MongoWireServer;
import news.coverage.deploy.testing.KafkaTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static news.coverage.deploy.testing.KafkaRecords.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** While MongoDB is down the record waits, and is stored once it is back: neither skipped nor dead-lettered. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoOutageTest.RestartableMongo.class)
class MongoOutageTest {

    /** A wire-protocol server on a fixed port that the test can take down and bring back. */
    public static class RestartableMongo implements QuarkusTestResourceLifecycleManager {
        private final int port = FreePort.find();
        private MongoWireServer server;

        @Override
        public Map<String, String> start() {
            up();
            return settings();
        }

        Map<String, String> settings() {
            return Map.of("MONGODB_URI", "mongodb://localhost:" + port + "/?serverSelectionTimeoutMS=1000");
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(this, new TestInjector.MatchesType(RestartableMongo.class));
        }

        void up() {
            server = MongoWireServer.inMemory(port);
        }

        void down() {
            server.close();
        }

        @Override
        public void stop() {
            if (server != null) {
                server.close();
            }
        }
    }

    RestartableMongo mongo;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void itemArrivingDuringAnOutageIsStoredWhenTheDatabaseIsBack() throws Exception {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String before = send(kafka);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + before).then().statusCode(200));

        mongo.down();
        String during = send(kafka);
        Thread.sleep(3_000);
        mongo.up();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/articles/" + during).then().statusCode(200));
        assertEquals(0, kafka.consumeStrings().fromTopics("articles.dlq", Duration.ofSeconds(2)).awaitCompletion()
                .stream().filter(keyed(during)).count(),
                "an outage is not the record's fault");
    }

    private static String send(KafkaCompanion kafka) {
        String id = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings().fromRecords(record("articles.ingested", id, """
                {"id": "%1$s", "canonicalUrl": "https://example.com/%1$s", "title": "During an outage",
                 "webUrl": "https://example.com/%1$s", "publishedDateTime": "2020-06-10T10:00:00Z",
                 "provider": {"name": "Example", "domain": "example.com"}, "topics": ["AI"]}
                """.formatted(id))).awaitCompletion();
        return id;
    }
}
