package news.coverage.deploy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * {@code articles.cataloged} records as the catalog sends them, made of the shared SmartableAI items repeated: each
 * copy two weeks after the previous one and under its own URL, so that every time window holds what the real data
 * holds; in order of publication, as a stream of news arrives.
 */
public final class CatalogedCopies {

    private static final Duration COPY_SHIFT = Duration.ofDays(14);
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogedCopies() {
    }

    /**
     * {@code total} records, keyed by their article ids, in order of publication: the first {@code total} of the
     * copies' stream (the items of a copy span up to two years, so that copies overlap in time).
     */
    public static List<ProducerRecord<String, String>> of(Path repository, int total) throws IOException {
        List<ObjectNode> samples = IngestBenchmark.samples(repository, "ai-news", "power-apps");
        // enough copies that the first total of them in order of publication come from copies made in full: a
        // copy's items span up to two years, so a later copy may still bring earlier articles
        Instant latest = null, earliest = null;
        for (ObjectNode sample : samples) {
            Instant published = Instant.parse(sample.path("publishedDateTime").asText());
            latest = latest == null || published.isAfter(latest) ? published : latest;
            earliest = earliest == null || published.isBefore(earliest) ? published : earliest;
        }
        long overlapping = Duration.between(earliest, latest).dividedBy(COPY_SHIFT) + 1;
        int made = (int) Math.min(Integer.MAX_VALUE, total + overlapping * samples.size());
        List<ProducerRecord<String, String>> records = new ArrayList<>(made);
        List<Instant> times = new ArrayList<>(made);
        for (int i = 0; i < made; i++) {
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
            times.add(published);
        }
        List<Integer> order = new ArrayList<>(made);
        for (int i = 0; i < made; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(times::get));
        return order.subList(0, total).stream().map(records::get).toList();
    }
}
