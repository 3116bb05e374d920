package news.coverage.ingest.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static news.coverage.deploy.testing.KafkaRecords.firstKeyed;
import static news.coverage.ingest.upload.Fixtures.asIngester;
import static news.coverage.ingest.upload.Fixtures.bytes;
import static news.coverage.ingest.upload.Fixtures.text;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
public class ItemUploadTest {

    // the first 128 bits of SHA-256 of https://nymag.com/intelligencer/2020/06/amazon-finally-sees-the-problem-with-facial-recognition.html
    private static final String AMAZON_ID = "f136c7a586be30c06b5fc0dd158cc01a";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void markdownItemIsPublishedKeyedByIdWithCloudEventsHeaders() throws IOException {
        asIngester().contentType("text/markdown").body(text("amazon-finally-sees-the-problem.md"))
                .post("/items")
                .then().statusCode(202)
                .body("id", equalTo(AMAZON_ID))
                .body("status", equalTo("ACCEPTED"));

        var record = published(AMAZON_ID);
        assertEquals("news.coverage.article.ingested", header(record.getKey(), "ce_type"));
        assertEquals("urn:news-coverage:ingest-service", header(record.getKey(), "ce_source"));
        assertEquals(AMAZON_ID, header(record.getKey(), "ce_subject"));
        assertEquals("1.0", header(record.getKey(), "ce_specversion"));
        assertNotNull(header(record.getKey(), "ce_id"));
        // when the item was received (an earlier test may have sent this item first)
        assertTrue(Instant.parse(header(record.getKey(), "ce_time")).isBefore(Instant.now()));
        JsonNode item = record.getValue();
        assertEquals("https://nymag.com/intelligencer/2020/06/amazon-finally-sees-the-problem-with-facial-recognition.html",
                item.get("canonicalUrl").asText());
        assertEquals("2020-06-12T18:11:00Z", item.get("publishedDateTime").asText());
        assertEquals(10, item.get("related").size());
        // a related item's id is known before it is ingested
        assertEquals(32, item.at("/related/0/id").asText().length());
    }

    @Test
    void jsonItemOfTheApiIsNormalisedAndKeepsEveryField() throws IOException {
        String id = asIngester().contentType("application/json").body(text("api-item.json"))
                .post("/items")
                .then().statusCode(202).extract().path("id");

        JsonNode item = published(id).getValue();
        assertEquals("https://www.theverge.com/2020/6/8/21284683/ibm-no-longer-general-purpose-facial-recognition-analysis-software",
                item.get("canonicalUrl").asText(), "tracking parameters dropped");
        assertEquals("2020-06-09T00:42:00Z", item.get("publishedDateTime").asText(), "dates in UTC");
        assertEquals("2020-06-09T06:00:00Z", item.get("updatedDateTime").asText());
        assertEquals("theverge.com", item.at("/provider/domain").asText());
        assertEquals(List.of("Computer Vision", "AI"), json.convertValue(item.get("topics"), List.class));
        assertEquals("Jay Peters", item.at("/provider/authors/0").asText(), "unknown fields kept");
        assertTrue(item.at("/provider").has("publishers"), "a null field stays");
        assertTrue(item.has("featuredContent") || item.get("featuredContent") == null);
        assertEquals("en-us", item.get("locale").asText());
        assertEquals(154, item.get("heat").asInt());
        assertEquals("_news/2020-06-10-ibm-abandons-facial-recognition-products-condemns-racially-biased-surveillance.md",
                item.get("path").asText());
    }

    @Test
    void plainTextArticleTakesItsMetadataFromTheQueryAndSeparatesBoilerplate() throws IOException {
        String id = asIngester().contentType("text/plain; charset=utf-8").body(bytes("amazon-bans-police-use-scraped.txt"))
                .queryParam("url", "https://www.example-news.com/amazon-bans-police-use?utm_campaign=x")
                .queryParam("provider", "Example News")
                .queryParam("publishedDateTime", "2020-06-11T10:00:00+02:00")
                .queryParam("topics", "Computer Vision,AI")
                .post("/items")
                .then().statusCode(202).extract().path("id");

        JsonNode item = published(id).getValue();
        assertEquals("Amazon Bans Police Use Of Its Facial Recognition Software", item.get("title").asText());
        assertEquals("example-news.com", item.at("/provider/domain").asText());
        String body = item.get("body").asText();
        assertTrue(body.startsWith("Technology giant Amazon announced Thursday"), body.substring(0, 60));
        assertFalse(body.contains("Share on"), "share buttons are not article text");
        assertFalse(body.contains("Read More"), "teasers are not article text");
        assertEquals(3, item.get("teasers").size());
        assertEquals("Trump Okays Proposal to Give Oracle, Walmart Minority Stake in TikTok",
                item.at("/teasers/0/title").asText());
    }

    @Test
    void plainTextArticleWithoutMetadataSaysWhichParametersAreMissing() {
        asIngester().contentType("text/plain").body(bytes("amazon-bans-police-use-scraped.txt"))
                .post("/items")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("/webUrl", "/provider/name", "/publishedDateTime", "/topics"))
                .body("errors[0].message", containsString("query parameter 'url'"));
    }

    @Test
    void ndjsonBatchAnswersOneResultPerLineAndGoodLinesAreNotHeldBack() {
        String apiItem = text("api-item.json").replace("\n", "");
        String other = apiItem.replace("21284683/ibm-no-longer", "99999999/other-story");
        String ndjson = apiItem + "\n{broken json\n\n" + other + "\n" + apiItem.replace("\"title\"", "\"titel\"") + "\n";
        asIngester().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/uploads")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("results.source", contains("upload:1", "upload:2", "upload:4", "upload:5"))
                .body("results.status", contains("ACCEPTED", "REJECTED", "ACCEPTED", "REJECTED"))
                .body("results[1].errors[0].message", containsString("JSON cannot be read"))
                .body("results[3].errors.field", hasItem("/title"));
    }

    @Test
    void apiPageIsABatchOfItsValues() {
        String page = "{\"page\": 1, \"value\": [" + text("api-item.json") + ", {\"title\": \"no url\"}]}";
        asIngester().contentType("application/json").body(page)
                .post("/uploads")
                .then().statusCode(200)
                .body("results.source", contains("upload#value/0", "upload#value/1"))
                .body("results.status", contains("ACCEPTED", "REJECTED"));
    }

    @Test
    void multipartUploadReadsEachFileByItsName() {
        asIngester().multiPart("files", "amazon.md", bytes("amazon-finally-sees-the-problem.md"), "application/octet-stream")
                .multiPart("files", "congress.txt", bytes("congress-cops-and-facial-recognition.md"), "text/plain")
                .multiPart("files", "api.json", bytes("api-item.json"), "application/json")
                .multiPart("files", "empty.md", "---\ntitle: x\n".getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/uploads")
                .then().statusCode(200)
                .body("results.source", contains("amazon.md", "congress.txt", "api.json", "empty.md"))
                .body("results.status", contains("ACCEPTED", "ACCEPTED", "ACCEPTED", "REJECTED"))
                .body("results[3].errors[0].message", containsString("not closed"));
    }

    @Test
    void zipAndTarGzArchivesAreReadEntryByEntry() throws IOException {
        Map<String, byte[]> entries = Map.of("a/amazon.md", bytes("amazon-finally-sees-the-problem.md"),
                "b/api.json", bytes("api-item.json"));
        asIngester().contentType("application/zip").body(zip(entries))
                .post("/uploads")
                .then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("results.source", hasItems("upload!a/amazon.md", "upload!b/api.json"));
        asIngester().contentType("application/gzip").body(tarGz(entries))
                .post("/uploads")
                .then().statusCode(200)
                .body("accepted", equalTo(2));
        asIngester().multiPart("files", "bundle.zip", zip(entries), "application/zip")
                .post("/uploads")
                .then().statusCode(200)
                .body("results.source", hasItems("bundle.zip!a/amazon.md", "bundle.zip!b/api.json"));
    }

    @Test
    void writesNeedABearerTokenWithTheIngestRole() {
        given().contentType("text/markdown").body(text("amazon-finally-sees-the-problem.md"))
                .post("/items")
                .then().statusCode(401);
        given().auth().oauth2(Fixtures.token("reader")).contentType("text/markdown")
                .body(text("amazon-finally-sees-the-problem.md"))
                .post("/items")
                .then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8)).post("/uploads")
                .then().statusCode(401);
    }

    private static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }

    private Map.Entry<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>, JsonNode> published(String id)
            throws IOException {
        var record = new KafkaCompanion(bootstrapServers).consumeStrings()
                .fromTopics("articles.ingested", firstKeyed(id)).awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
        return Map.entry(record, json.readTree(record.value()));
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] tarGz(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (var entry : entries.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
