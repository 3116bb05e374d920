package news.coverage.ingest.upload;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import news.coverage.deploy.testing.KafkaTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static news.coverage.ingest.upload.Fixtures.asIngester;
import static news.coverage.ingest.upload.Fixtures.text;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Each limit of an upload answers 413 problem+json naming the limit; small limits here keep the examples small. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(IngestLimitsTest.SmallLimits.class)
class IngestLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingest.limits.document-bytes", "20000",
                    "ingest.limits.items-per-batch", "3",
                    "ingest.limits.archive-entries", "2",
                    "ingest.limits.archive-bytes", "30000");
        }
    }

    @Test
    void documentLargerThanTheLimitIs413() {
        String large = text("amazon-finally-sees-the-problem.md").replace("category: news",
                "category: news\nfiller: \"" + "x".repeat(20_000) + "\"");
        asIngester().contentType("text/markdown").body(large.getBytes(StandardCharsets.UTF_8))
                .post("/items")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("limit", equalTo("ingest.limits.document-bytes"));
    }

    @Test
    void batchWithMoreItemsThanTheLimitIs413() {
        String line = text("api-item.json").replace("\n", "");
        asIngester().contentType("application/x-ndjson")
                .body(String.join("\n", line, line, line, line).getBytes(StandardCharsets.UTF_8))
                .post("/uploads")
                .then().statusCode(413)
                .body("limit", equalTo("ingest.limits.items-per-batch"))
                .body("detail", containsString("4 items"));
    }

    @Test
    void archiveWithMoreEntriesThanTheLimitIs413() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            entries.put("item" + i + ".json", text("api-item.json").getBytes(StandardCharsets.UTF_8));
        }
        asIngester().contentType("application/zip").body(ItemUploadTest.zip(entries))
                .post("/uploads")
                .then().statusCode(413)
                .body("limit", equalTo("ingest.limits.archive-entries"));
    }

    @Test
    void zipBombStopsAtTheLimitsWhateverItsHeadersClaim() throws IOException {
        // a megabyte of zeros compresses to about a kilobyte
        byte[] zeros = new byte[1_000_000];
        asIngester().contentType("application/zip").body(ItemUploadTest.zip(Map.of("bomb.json", zeros)))
                .post("/uploads")
                .then().statusCode(413)
                .body("limit", equalTo("ingest.limits.document-bytes"));
        byte[] nearlyLimit = new byte[19_000];
        asIngester().contentType("application/gzip")
                .body(ItemUploadTest.tarGz(Map.of("a.json", nearlyLimit, "b.json", nearlyLimit)))
                .post("/uploads")
                .then().statusCode(413)
                .body("limit", equalTo("ingest.limits.archive-bytes"));
    }
}
