package news.coverage.ingest.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import news.coverage.article.IngestedArticleSchema;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.SmartableItems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static news.coverage.ingest.upload.Fixtures.asIngester;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every item of the shared SmartableAI data is accepted, and its message carries every field of the original, field
 * by field: equal, or equal after the documented normalisation (dates in UTC, domain in lower case, trimmed topics).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class SmartableRoundTripTest {

    /** The shared data beside the repository, as CI has it; -Dsmartable.data=... points elsewhere. */
    private static final Path DATA = Path.of(System.getProperty("smartable.data", "../../shared/data/smartable"));

    private static final IngestedArticleSchema SCHEMA = IngestedArticleSchema.load();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void everySharedItemIsAcceptedAndItsMessageCarriesEveryField() throws IOException {
        assertTrue(Files.isDirectory(DATA), "the shared data is expected at " + DATA.toAbsolutePath());
        Map<Path, String> ids = new LinkedHashMap<>();
        for (Path file : items()) {
            ids.put(file, asIngester().contentType("text/markdown").body(Files.readAllBytes(file))
                    .post("/items")
                    .then().statusCode(202).extract().path("id"));
        }
        assertTrue(ids.size() > 300, "all items of seeds/, ai-news/ and power-apps/: " + ids.size());

        // a few articles are in two files (snapshots of different days), and other tests publish some of them too:
        // each file must have a record of its id that carries all of it; read until each has, or time runs out
        Map<Path, JsonNode> originals = new HashMap<>();
        for (Path file : ids.keySet()) {
            // read by a different YAML parser than the service's
            originals.put(file, SmartableItems.read(Files.readString(file)));
        }
        Map<String, List<JsonNode>> records = new HashMap<>();
        try (var published = new KafkaCompanion(bootstrapServers).consumeStrings().fromTopics("articles.ingested",
                all -> all.select().where(record -> ids.containsValue(record.key())))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                records.clear();
                published.getRecords().forEach(record -> records.computeIfAbsent(record.key(),
                        key -> new ArrayList<>()).add(parse(record.value())));
                List<String> differences = new ArrayList<>();
                for (Path file : ids.keySet()) {
                    differences.addAll(differences(file, originals.get(file),
                            records.getOrDefault(ids.get(file), List.of())));
                }
                assertEquals(List.of(), differences);
            });
        }
        // and every message is what the published schema says
        for (List<JsonNode> messages : records.values()) {
            messages.forEach(message -> assertEquals(List.of(), SCHEMA.violations(message), message.path("id").asText()));
        }
    }

    /** Nothing when one of the records carries the whole original; else what the first record lacks. */
    private static List<String> differences(Path file, JsonNode original, List<JsonNode> records) {
        String name = file.getFileName().toString();
        if (records.isEmpty()) {
            return List.of(name + ": no message");
        }
        List<String> first = null;
        for (JsonNode message : records) {
            List<String> found = SmartableItems.differences(name, original, message);
            if (found.isEmpty()) {
                return List.of();
            }
            first = first == null ? found : first;
        }
        return first;
    }

    private JsonNode parse(String value) {
        try {
            return json.readTree(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Path> items() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("seeds", "ai-news", "power-apps")) {
            try (Stream<Path> listing = Files.list(DATA.resolve(folder))) {
                // 004_*.txt has no metadata: it is tested as the plain-text case that must ask for it
                listing.filter(file -> !file.getFileName().toString().startsWith("004_")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
