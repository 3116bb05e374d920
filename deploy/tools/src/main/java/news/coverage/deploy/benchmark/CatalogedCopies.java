package news.coverage.deploy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code articles.cataloged} records as the catalog sends them, made of the shared SmartableAI items repeated: each
 * copy two weeks after the previous one and under its own URL, so that every time window holds what the real data
 * holds.
 */
public final class CatalogedCopies {

    private static final Duration COPY_SHIFT = Duration.ofDays(14);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogedCopies() {
    }

    /** {@code total} records, keyed by their article ids, in publication order of the copies. */
    public static List<ProducerRecord<String, String>> of(Path repository, int total) throws IOException {
        List<ObjectNode> samples = IngestBenchmark.samples(repository, "ai-news", "power-apps");
        List<ProducerRecord<String, String>> records = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            ObjectNode item = samples.get(i % samples.size()).deepCopy();
            int copy = i / samples.size();
            String id = UUID.randomUUID().toString().replace("-", "");
            Instant published = Instant.parse(item.path("publishedDateTime").asText())
                    .plus(COPY_SHIFT.multipliedBy(copy));
            String url = item.hasNonNull("webUrl") ? item.get("webUrl").asText() : item.get("originalUrl").asText();
            item.put("id", id).put("canonicalUrl", url + "#copy-" + copy).put("publishedDateTime", published.toString());
            ObjectNode cataloged = JSON.createObjectNode().put("id", id).put("version", "v1");
            cataloged.set("item", item);
            records.add(new ProducerRecord<>("articles.cataloged", id, cataloged.toString()));
        }
        return records;
    }
}
