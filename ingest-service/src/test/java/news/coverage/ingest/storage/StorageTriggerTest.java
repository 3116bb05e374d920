package news.coverage.ingest.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.S3TestResource;
import news.coverage.ingest.upload.ItemUploadTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static news.coverage.deploy.testing.KafkaRecords.firstKeyed;
import static news.coverage.deploy.testing.KafkaRecords.keyed;
import static news.coverage.ingest.upload.Fixtures.bytes;
import static news.coverage.ingest.upload.Fixtures.text;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Objects landing in the store are ingested, whether their notification comes over HTTP or through Kafka. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(S3TestResource.class)
class StorageTriggerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    S3AsyncClient s3;

    @Inject
    ObjectMapper json;

    @ParameterizedTest
    @ValueSource(strings = { "application/json", "application/octet-stream" })
    void binaryCloudEventOverHttpIngestsTheNewObject(String contentType) throws Exception {
        // octet-stream: how a Knative KafkaSource posts a record that carried no content type, as MinIO's do
        String key = "drops/" + UUID.randomUUID() + " amazon.md";
        put(key, bytes("amazon-finally-sees-the-problem.md"));

        String id = given().contentType(contentType)
                .header("ce-specversion", "1.0")
                .header("ce-id", UUID.randomUUID().toString())
                .header("ce-type", "com.amazonaws.s3.ObjectCreated:Put")
                .header("ce-source", "minio:incoming")
                .body(notification("incoming", key).getBytes(StandardCharsets.UTF_8))
                .post("/storage-events")
                .then().statusCode(200)
                .body("status", contains("ACCEPTED"))
                .body("[0].source", equalTo("s3://incoming/" + key))
                .extract().path("[0].id");
        new KafkaCompanion(bootstrapServers).consumeStrings().fromTopics("articles.ingested", firstKeyed(id))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
    }

    @Test
    void aNotificationHandledAgainPublishesItsItemsAsOfTheObjectNotOfTheRedelivery() throws Exception {
        String key = "drops/" + UUID.randomUUID() + " amazon.md";
        // an article of its own, so that only this test's records carry its id
        put(key, text("amazon-finally-sees-the-problem.md").replaceAll("(?m)^(webUrl|ampWebUrl|cdnAmpWebUrl): .*$",
                "$1: \"https://example.org/" + UUID.randomUUID() + "\"").getBytes(StandardCharsets.UTF_8));
        Instant modified = s3.headObject(request -> request.bucket("incoming").key(key)).get().lastModified();
        String id = null;
        for (int delivery = 0; delivery < 2; delivery++) {
            Thread.sleep(1100); // a later delivery, a later clock
            id = given().contentType("application/json").header("ce-specversion", "1.0")
                    .header("ce-id", UUID.randomUUID().toString()).header("ce-type", "com.amazonaws.s3.ObjectCreated:Put")
                    .header("ce-source", "minio:incoming")
                    .body(notification("incoming", key).getBytes(StandardCharsets.UTF_8))
                    .post("/storage-events").then().statusCode(200).extract().path("[0].id");
        }
        var ofId = keyed(id);
        var records = new KafkaCompanion(bootstrapServers).consumeStrings().fromTopics("articles.ingested",
                all -> all.select().where(ofId).select().first(2)).awaitCompletion(Duration.ofSeconds(30))
                .getRecords();
        assertEquals(2, records.size());
        for (var record : records) {
            assertEquals(modified, Instant.parse(KafkaCompanion.getHeader(record.headers(), "ce_time")),
                    "the time of the object, by which the catalog orders versions");
        }
    }

    @Test
    void structuredCloudEventIngestsGoodItemsAndDeadLettersTheRejected() throws Exception {
        String key = "batches/" + UUID.randomUUID() + ".ndjson";
        String line = text("api-item.json").replace("\n", "");
        put(key, (line + "\n" + line.replace("\"publishedDateTime\": \"2020-06-08T20:42:00-04:00\"",
                "\"publishedDateTime\": \"last week\"") + "\n").getBytes(StandardCharsets.UTF_8));
        String event = "{\"specversion\": \"1.0\", \"id\": \"1\", \"type\": \"com.amazonaws.s3.ObjectCreated:Put\", "
                + "\"source\": \"minio:incoming\", \"datacontenttype\": \"application/json\", \"data\": "
                + notification("incoming", key) + "}";

        given().contentType("application/cloudevents+json").body(event.getBytes(StandardCharsets.UTF_8))
                .post("/storage-events")
                .then().statusCode(200)
                .body("status", contains("ACCEPTED", "REJECTED"));

        var dead = new KafkaCompanion(bootstrapServers).consumeStrings()
                .fromTopics("articles.rejected", firstKeyed("s3://incoming/" + key + ":2"))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        JsonNode reasons = json.readTree(dead.value());
        assertEquals("/publishedDateTime", reasons.at("/errors/0/field").asText());
        assertEquals("news.coverage.article.rejected", KafkaCompanion.getHeader(dead.headers(), "ce_type"));
    }

    @Test
    void kafkaNotificationIngestsEveryItemOfAnArchive() throws Exception {
        String key = "archives/" + UUID.randomUUID() + ".zip";
        put(key, ItemUploadTest.zip(Map.of("amazon.md", bytes("amazon-finally-sees-the-problem.md"),
                "broken.md", "---\ntitle: [\n---\n".getBytes(StandardCharsets.UTF_8))));
        // MinIO wraps the AWS notification with its own fields
        String minio = "{\"EventName\": \"s3:ObjectCreated:Put\", \"Key\": \"incoming/" + key + "\", \"Records\": "
                + json.readTree(notification("incoming", key)).get("Records").toString().replace("ObjectCreated:Put",
                        "s3:ObjectCreated:Put") + "}";
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        kafka.produceStrings().fromRecords(record("storage.events", "incoming/" + key, minio)).awaitCompletion();

        var dead = kafka.consumeStrings()
                .fromTopics("articles.rejected", firstKeyed("s3://incoming/" + key + "!broken.md"))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        assertTrue(json.readTree(dead.value()).at("/errors/0/message").asText().contains("YAML"));
        kafka.consumeStrings().fromTopics("articles.ingested", firstKeyed("f136c7a586be30c06b5fc0dd158cc01a"))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
    }

    @Test
    void objectOfABucketNotConfiguredIsDeadLettered() {
        given().contentType("application/json").body(notification("elsewhere", "x.md"))
                .post("/storage-events")
                .then().statusCode(200)
                .body("status", contains("REJECTED"));
        new KafkaCompanion(bootstrapServers).consumeStrings()
                .fromTopics("articles.rejected", firstKeyed("s3://elsewhere/x.md"))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
    }

    @Test
    void readinessReportsTheObjectStore() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'object store' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'object store' }.data.buckets", org.hamcrest.Matchers.equalTo("incoming"));
    }

    @Test
    void bodyThatIsNoNotificationIsA422() {
        given().contentType("application/json").body("{\"hello\": \"world\"}")
                .post("/storage-events")
                .then().statusCode(422)
                .body("errors[0].field", equalTo("/Records"));
        given().contentType("application/octet-stream").body("Records: not json".getBytes(StandardCharsets.UTF_8))
                .post("/storage-events")
                .then().statusCode(422)
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("the JSON cannot be read"));
    }

    private void put(String key, byte[] content) throws Exception {
        s3.putObject(PutObjectRequest.builder().bucket("incoming").key(key).build(), AsyncRequestBody.fromBytes(content))
                .get();
    }

    /** An S3 event notification as AWS sends it: the key URL-encoded. */
    private static String notification(String bucket, String key) {
        return """
                {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
                  "eventTime": "2026-11-21T10:00:00.000Z", "eventName": "ObjectCreated:Put",
                  "s3": {"s3SchemaVersion": "1.0", "bucket": {"name": "%s"},
                         "object": {"key": "%s", "size": 100}}}]}
                """.formatted(bucket, URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
    }
}
