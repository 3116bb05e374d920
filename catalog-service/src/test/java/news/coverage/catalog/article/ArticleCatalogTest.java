package news.coverage.catalog.article;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.JwtIssuer;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.MongoTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static news.coverage.deploy.testing.KafkaRecords.firstKeyed;
import static news.coverage.deploy.testing.KafkaRecords.keyed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(MongoTestResource.class)
class ArticleCatalogTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void ingestedItemIsStoredWithEveryFieldAndAnnouncedOnce() throws Exception {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode item = item(id, "Amazon bans police use of face recognition for a year");

        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id)
                .then().statusCode(200)
                .body("title", equalTo("Amazon bans police use of face recognition for a year"))
                .body("secured", equalTo("abc+/=;def=="))
                .body("someFieldNobodyKnows.nested", equalTo(7))
                .body("someFieldNobodyKnows.ratio", equalTo(0.25f))
                .body("someFieldNobodyKnows.large", equalTo(3_000_000_000L))
                .body("related[0].title", equalTo("IBM exits facial recognition")));
        String version = given().get("/articles/" + id).then().extract().path("version");

        var cataloged = kafka.consumeStrings().fromTopics("articles.cataloged", firstKeyed(id))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        assertEquals("news.coverage.article.cataloged", KafkaCompanion.getHeader(cataloged.headers(), "ce_type"));
        assertEquals(version, json.readTree(cataloged.value()).get("version").asText());

        // the same content again changes nothing; changed content bumps the version and is announced
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        kafka.produceStrings().fromRecords(
                record("articles.ingested", id, item(id, "Amazon pauses police use of Rekognition").toString()))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id)
                .then().body("version", not(equalTo(version)))
                .body("title", equalTo("Amazon pauses police use of Rekognition")));
        var announcements = kafka.consumeStrings().fromTopics("articles.cataloged", Duration.ofSeconds(3))
                .awaitCompletion().stream().filter(keyed(id)).toList();
        assertEquals(2, announcements.size(), "one event per effective write");
    }

    @Test
    void writeWhoseAnnouncementWasLostIsAnnouncedOnRedelivery() {
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode item = item(id, "Stored, then the service stopped");
        // what a crash between the write and the announcement leaves behind
        persistUnannounced(item);

        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        kafka.consumeStrings().fromTopics("articles.cataloged", firstKeyed(id)).awaitCompletion(Duration.ofSeconds(30))
                .getFirstRecord();
        await().atMost(Duration.ofSeconds(10)).until(() -> repository.findById(id).await().indefinitely()
                .announcedRevision == 1);

        // announced now: the same record again announces nothing more
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item(id, "A later change").toString()))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id)
                .then().body("title", equalTo("A later change")));
        assertEquals(2, kafka.consumeStrings().fromTopics("articles.cataloged", Duration.ofSeconds(3)).awaitCompletion()
                .stream().filter(keyed(id)).count());
    }

    @Inject
    ArticleRepository repository;

    @Test
    void unreadableRecordIsDeadLetteredAndTheStreamGoesOn() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String poison = "poison-" + UUID.randomUUID();
        kafka.produceStrings().fromRecords(record("articles.ingested", poison, "{not json")).awaitCompletion();
        String id = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item(id, "After the poison").toString()))
                .awaitCompletion();

        // another id under an article's canonical URL: the database refuses it for good, so it is dead-lettered
        String clash = UUID.randomUUID().toString().replace("-", "");
        ObjectNode sameUrl = item(clash, "Same URL, other id").put("canonicalUrl", "https://example.com/news/" + id);
        kafka.produceStrings().fromRecords(record("articles.ingested", clash, sameUrl.toString())).awaitCompletion();
        String invalid = UUID.randomUUID().toString().replace("-", "");
        ObjectNode withoutDate = item(invalid, "No date");
        withoutDate.remove("publishedDateTime");
        kafka.produceStrings().fromRecords(record("articles.ingested", invalid, withoutDate.toString()))
                .awaitCompletion();

        var dead = kafka.consumeStrings().fromTopics("articles.dlq", firstKeyed(poison))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        assertNotNull(KafkaCompanion.getHeader(dead.headers(), "dead-letter-reason"));
        var deadInvalid = kafka.consumeStrings().fromTopics("articles.dlq", firstKeyed(invalid))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        assertTrue(KafkaCompanion.getHeader(deadInvalid.headers(), "dead-letter-reason").contains("publishedDateTime"),
                KafkaCompanion.getHeader(deadInvalid.headers(), "dead-letter-reason"));
        assertEquals(withoutDate.toString(), deadInvalid.value(), "the record as received");
        assertEquals("articles.ingested", KafkaCompanion.getHeader(deadInvalid.headers(), "dead-letter-topic"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id)
                .then().statusCode(200));
        var deadClash = kafka.consumeStrings().fromTopics("articles.dlq", firstKeyed(clash))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        String clashReason = KafkaCompanion.getHeader(deadClash.headers(), "dead-letter-reason");
        assertTrue(clashReason.contains("E11000") && clashReason.contains("index: canonical_url "), clashReason);
    }

    @Test
    void aControlCharacterInAnyTextIsDeadLetteredWithItsField() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String nulTitle = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings()
                .fromRecords(record("articles.ingested", nulTitle, item(nulTitle, "IBM\u0000 exits").toString()))
                .awaitCompletion();
        String bellElsewhere = UUID.randomUUID().toString().replace("-", "");
        ObjectNode unknownField = item(bellElsewhere, "A field the schema does not list");
        unknownField.putObject("extra").put("note", "bell \u0007");
        kafka.produceStrings().fromRecords(record("articles.ingested", bellElsewhere, unknownField.toString()))
                .awaitCompletion();

        var deadTitle = kafka.consumeStrings().fromTopics("articles.dlq", firstKeyed(nulTitle))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        assertTrue(KafkaCompanion.getHeader(deadTitle.headers(), "dead-letter-reason").contains("/title"),
                KafkaCompanion.getHeader(deadTitle.headers(), "dead-letter-reason"));
        var deadExtra = kafka.consumeStrings().fromTopics("articles.dlq", firstKeyed(bellElsewhere))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord();
        String extraReason = KafkaCompanion.getHeader(deadExtra.headers(), "dead-letter-reason");
        assertTrue(extraReason.contains("/extra/note: holds the control character U+0007"), extraReason);
        given().get("/articles/" + nulTitle).then().statusCode(404);
    }

    @Test
    void everyRuleOfIngestsSchemaIsChecked() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        // well-formed JSON with the fields a catalog reads, yet breaking ingest's schema deeper down
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode item = item(id, "A related entry with a broken URL").put("quality", "high");
        ((ObjectNode) item.get("related").get(0)).put("webUrl", "not a url");
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();

        String reason = KafkaCompanion.getHeader(kafka.consumeStrings().fromTopics("articles.dlq", firstKeyed(id))
                .awaitCompletion(Duration.ofSeconds(30)).getFirstRecord().headers(), "dead-letter-reason");
        assertTrue(reason.contains("/related/0/webUrl"), reason);
        assertTrue(reason.contains("/quality"), reason);
        given().get("/articles/" + id).then().statusCode(404);
    }

    @Test
    void burstIsStoredInBatchesWithOneAnnouncementPerContent() throws Exception {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        List<String> ids = new java.util.ArrayList<>();
        List<org.apache.kafka.clients.producer.ProducerRecord<String, String>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = UUID.randomUUID().toString().replace("-", "");
            ids.add(id);
            burst.add(new org.apache.kafka.clients.producer.ProducerRecord<>("articles.ingested", id,
                    item(id, "Burst " + i).toString()));
        }
        // each again, unchanged (a redelivery), and a poison record among them: nothing doubles, nothing stops
        ids.forEach(id -> burst.add(burst.get(ids.indexOf(id))));
        burst.add(150, new org.apache.kafka.clients.producer.ProducerRecord<>("articles.ingested", "poison", "[1,"));
        kafka.produceStrings().fromRecords(burst).awaitCompletion();

        Set<String> expected = Set.copyOf(ids);
        var announced = kafka.consumeStrings().fromTopics("articles.cataloged", records -> records.select()
                .where(record -> expected.contains(record.key())).select().first(expected.size()))
                .awaitCompletion(Duration.ofSeconds(60)).getRecords();
        assertEquals(expected, announced.stream().map(record -> record.key()).collect(java.util.stream.Collectors.toSet()));
        for (String id : List.of(ids.get(0), ids.get(149), ids.get(299))) {
            given().get("/articles/" + id).then().statusCode(200);
        }
        // no second announcement of any of them arrives
        assertEquals(expected.size(), kafka.consumeStrings().fromTopics("articles.cataloged", Duration.ofSeconds(3))
                .awaitCompletion().stream().filter(record -> expected.contains(record.key())).count());
    }

    @Test
    void markdownRepresentationReadsLikeTheUpload() throws Exception {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode item = item(id, "Facial recognition: a round trip");
        item.put("body", "Some *Markdown* text.\n\nA second paragraph.");
        ((ObjectNode) item.get("related").get(0)).put("id", "0123456789abcdef0123456789abcdef")
                .put("canonicalUrl", "https://example.org/ibm");
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString())).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));

        String markdown = given().accept("text/markdown").get("/articles/" + id)
                .then().statusCode(200).contentType(containsString("text/markdown")).extract().asString();
        assertTrue(markdown.startsWith("---\n"), markdown);
        int end = markdown.indexOf("\n---\n", 4);
        ObjectNode frontMatter = (ObjectNode) new YAMLMapper().readTree(markdown.substring(4, end + 1));
        assertEquals("Some *Markdown* text.\n\nA second paragraph.", markdown.substring(end + 5).strip());
        ObjectNode expected = item.deepCopy();
        expected.remove(List.of("id", "canonicalUrl", "body"));
        ((ObjectNode) expected.get("related").get(0)).remove(List.of("id", "canonicalUrl"));
        assertEquals(expected, frontMatter);
    }

    @Test
    void deleteNeedsTheCatalogAdminRoleAndLeavesATombstone() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String id = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item(id, "To be deleted").toString()))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));

        given().delete("/articles/" + id).then().statusCode(401);
        given().auth().oauth2(token("ingest")).delete("/articles/" + id).then().statusCode(403);
        given().auth().oauth2(token("catalog-admin")).delete("/articles/" + id).then().statusCode(204);
        given().get("/articles/" + id).then().statusCode(404);
        given().auth().oauth2(token("catalog-admin")).delete("/articles/" + id).then().statusCode(404);

        var records = untilTombstone(kafka, id);
        assertEquals(null, records.get(records.size() - 1).value(), "the last record of a deleted article is a tombstone");
    }

    @Test
    void aVersionReceivedBeforeTheStoredOneOrBeforeTheDeletionChangesNothing() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String id = UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.now();
        kafka.produceStrings().fromRecords(List.of(received(id, item(id, "The newer version"), now))).awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id).then()
                .body("title", equalTo("The newer version")));

        // an older version arriving late: a stored object's notification handled late, or a redelivery
        kafka.produceStrings().fromRecords(List.of(received(id, item(id, "The older version"), now.minusSeconds(60))))
                .awaitCompletion();
        awaitTheConsumerPast(kafka);
        given().get("/articles/" + id).then().body("title", equalTo("The newer version"));

        given().auth().oauth2(token("catalog-admin")).delete("/articles/" + id).then().statusCode(204);
        kafka.produceStrings().fromRecords(List.of(received(id, item(id, "The newer version, replayed"), now)))
                .awaitCompletion();
        awaitTheConsumerPast(kafka);
        given().get("/articles/" + id).then().statusCode(404);

        // uploaded again after the deletion: back, and the mark gone with it
        kafka.produceStrings()
                .fromRecords(List.of(received(id, item(id, "Uploaded again"), Instant.now().plusSeconds(1))))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id).then()
                .statusCode(200).body("title", equalTo("Uploaded again")));
        assertEquals(null, deletions.findById(id).await().indefinitely());
    }

    @Test
    void aDeletionThatStoppedBeforeItsTombstoneIsFinishedWhenItIsSentAgain() {
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        String id = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings()
                .fromRecords(record("articles.ingested", id, item(id, "Deleted, then the service stopped").toString()))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + id).then().statusCode(200));
        // what a crash between the delete and its tombstone leaves behind
        DeletionMark mark = new DeletionMark();
        mark.id = id;
        mark.deletedAt = Instant.now();
        deletions.persist(mark).chain(() -> repository.deleteById(id)).await().indefinitely();

        given().auth().oauth2(token("catalog-admin")).delete("/articles/" + id).then().statusCode(404);
        var records = untilTombstone(kafka, id);
        assertEquals(null, records.get(records.size() - 1).value(), "the tombstone, sent by the retry");
    }

    @Test
    void aDeletionWaitsUntilTheLastWriteIsAnnouncedSoThatItsTombstoneComesAfterIt() {
        String id = UUID.randomUUID().toString().replace("-", "");
        ObjectNode item = item(id, "Stored, not announced yet");
        persistUnannounced(item);

        given().auth().oauth2(token("catalog-admin")).delete("/articles/" + id).then().statusCode(503)
                .contentType("application/problem+json").body("detail", containsString("not announced yet"));
        given().get("/articles/" + id).then().statusCode(200);

        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        kafka.produceStrings().fromRecords(record("articles.ingested", id, item.toString()))
                .awaitCompletion(); // the redelivery announces it
        await().atMost(Duration.ofSeconds(30)).until(() -> repository.findById(id).await().indefinitely()
                .announcedRevision == 1);
        given().auth().oauth2(token("catalog-admin")).delete("/articles/" + id).then().statusCode(204);
        var records = untilTombstone(kafka, id);
        assertEquals(2, records.size());
        assertEquals(null, records.get(1).value(), "the announcement, then the tombstone");
    }

    @Inject
    DeletionRepository deletions;

    /** Stores the item as a first revision that was never announced. */
    private void persistUnannounced(ObjectNode item) {
        ArticleDocument stored = new ArticleDocument();
        stored.id = item.get("id").asText();
        stored.version = ContentVersion.of(item);
        stored.revision = 1;
        stored.canonicalUrl = item.get("canonicalUrl").asText();
        stored.publishedAt = Instant.parse(item.get("publishedDateTime").asText());
        stored.firstSeenAt = Instant.now();
        stored.updatedAt = stored.firstSeenAt;
        stored.item = org.bson.RawBsonDocument.parse(item.toString());
        repository.persist(stored).await().indefinitely();
    }

    /** A record of the item as ingest publishes it, received at {@code at}. */
    private static ProducerRecord<String, String> received(String id, ObjectNode item, Instant at) {
        var record = new ProducerRecord<String, String>("articles.ingested", id, item.toString());
        record.headers().add("ce_time", at.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** Sends an article of its own and waits until it is cataloged: every record before it was consumed. */
    private void awaitTheConsumerPast(KafkaCompanion kafka) {
        String marker = UUID.randomUUID().toString().replace("-", "");
        kafka.produceStrings().fromRecords(record("articles.ingested", marker, item(marker, "A marker").toString()))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/articles/" + marker).then()
                .statusCode(200));
    }

    /** The records of {@code id} on articles.cataloged, up to its tombstone. */
    private static List<ConsumerRecord<String, String>> untilTombstone(KafkaCompanion kafka, String id) {
        try (var announced = kafka.consumeStrings().fromTopics("articles.cataloged",
                records -> records.select().where(keyed(id)))) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> announced.stream().anyMatch(record -> record.value() == null));
            return announced.getRecords();
        }
    }

    private static String token(String role) {
        return JwtIssuer.forTests().token("admin@news.coverage", Duration.ofHours(1), role);
    }

    @Test
    void unknownArticleIsAProblem404() {
        given().get("/articles/nope")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private ObjectNode item(String id, String title) {
        ObjectNode item = json.createObjectNode()
                .put("id", id)
                .put("canonicalUrl", "https://example.com/news/" + id)
                .put("title", title)
                .put("webUrl", "https://example.com/news/" + id + "?utm_source=x")
                .put("publishedDateTime", "2020-06-10T21:19:00Z")
                .put("quality", 87)
                .put("secured", "abc+/=;def==");
        item.putObject("provider").put("name", "Example News").put("domain", "example.com");
        item.putArray("topics").add("Computer Vision").add("AI");
        item.putArray("related").addObject().put("title", "IBM exits facial recognition")
                .put("webUrl", "https://example.org/ibm");
        item.putObject("someFieldNobodyKnows").put("nested", 7).put("ratio", 0.25).put("large", 3_000_000_000L);
        return item;
    }
}
