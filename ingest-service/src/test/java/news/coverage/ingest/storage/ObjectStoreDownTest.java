package news.coverage.ingest.storage;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.testing.KafkaTestResource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** An object store that does not answer makes ingest not ready: storage notifications could not be acted on. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(ObjectStoreDownTest.NoStore.class)
class ObjectStoreDownTest {

    public static class NoStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port nothing listens on
            return Map.of("ingest.storage.endpoint", "http://127.0.0.1:" + FreePort.find(),
                    "ingest.storage.access-key-id", "key", "ingest.storage.secret-access-key", "secret");
        }
    }

    @Test
    void anUnreachableObjectStoreIsReportedDown() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'object store' }.status", equalTo("DOWN"));
    }
}
