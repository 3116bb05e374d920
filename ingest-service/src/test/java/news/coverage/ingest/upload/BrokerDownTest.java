package news.coverage.ingest.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.coverage.deploy.stack.FreePort;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static news.coverage.ingest.upload.Fixtures.asIngester;
import static news.coverage.ingest.upload.Fixtures.text;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** With no broker to acknowledge it, an item is not accepted: the client gets 503 and Retry-After. */
@QuarkusTest
@TestProfile(BrokerDownTest.NoBroker.class)
class BrokerDownTest {

    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port nothing listens on
            return Map.of("kafka.bootstrap.servers", "localhost:" + FreePort.find(),
                    "mp.messaging.outgoing.articles-ingested.max.block.ms", "2000",
                    "mp.messaging.outgoing.articles-ingested.delivery.timeout.ms", "3000",
                    "mp.messaging.outgoing.articles-ingested.request.timeout.ms", "2000");
        }
    }

    @Test
    void itemIsNotAcceptedAndTheClientIsToldToRetry() {
        asIngester().contentType("text/markdown").body(text("amazon-finally-sees-the-problem.md"))
                .post("/items")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "10")
                .body("results.status", contains("UNACKNOWLEDGED"));
    }

    @Test
    void batchIsNotReportedAsAcceptedEither() {
        String line = text("api-item.json").replace("\n", "");
        asIngester().contentType("application/x-ndjson").body((line + "\n{\"title\": 1}\n").getBytes(StandardCharsets.UTF_8))
                .post("/uploads")
                .then().statusCode(503)
                .header("Retry-After", "10")
                .body("results.status", contains("UNACKNOWLEDGED", "REJECTED"))
                .body("status", equalTo(503));
    }
}
