package news.coverage.recommend.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.PostgresServer;
import news.coverage.deploy.testing.KafkaTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static news.coverage.deploy.testing.KafkaRecords.keyed;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * While PostgreSQL is down, a cataloged article waits unacknowledged; once the database is back it is projected:
 * neither skipped nor dead-lettered, and what was projected before the outage is still there.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresOutageTest.RestartablePostgres.class)
class PostgresOutageTest {

    /** A PostgreSQL on a fixed port and data directory, which the test can stop and start again. */
    public static class RestartablePostgres implements QuarkusTestResourceLifecycleManager {
        private final int port = FreePort.find();
        private final Path data;
        private PostgresServer server;

        public RestartablePostgres() {
            try {
                data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "postgres-outage");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> start() {
            up();
            return Map.of("POSTGRES_URL", server.url(), "POSTGRES_USER", PostgresServer.USER,
                    "POSTGRES_PASSWORD", PostgresServer.PASSWORD);
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(this, new TestInjector.MatchesType(RestartablePostgres.class));
        }

        void up() {
            try {
                server = PostgresServer.start(Path.of("target", "postgres-binaries").toAbsolutePath(), data, false,
                        port, "recommend");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void down() {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            down(); // the data stays in target/, for a look after a failure
        }
    }

    RestartablePostgres postgres;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void articleCatalogedDuringAnOutageIsProjectedWhenTheDatabaseIsBack() throws Exception {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String before = send(kafka);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + before).then().statusCode(200));

        postgres.down();
        String during = send(kafka);
        Thread.sleep(3_000);
        postgres.up();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/related/" + during).then().statusCode(200));
        given().get("/related/" + before).then().statusCode(200);
        assertEquals(0, kafka.consumeStrings().fromTopics("articles.cataloged.dlq", Duration.ofSeconds(2))
                .awaitCompletion().stream().filter(keyed(during)).count(),
                "an outage is not the record's fault");
    }

    private static String send(KafkaCompanion kafka) {
        String id = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings().fromRecords(record("articles.cataloged", id, """
                {"id": "%1$s", "version": "v1", "item": {"id": "%1$s", "canonicalUrl": "https://example.com/%1$s",
                 "title": "Projected after an outage", "publishedDateTime": "2020-06-10T10:00:00Z",
                 "provider": {"name": "Example", "domain": "example.com"}, "topics": ["AI"]}}
                """.formatted(id))).awaitCompletion();
        return id;
    }
}
