package news.coverage.catalog.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.catalog.article.ArticleStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores the items of {@code articles.ingested} a polled batch at a time: one look-up, one bulk write, every
 * announcement sent at once. The batch is acknowledged, and so its offsets committed, only after MongoDB acknowledged
 * the writes and Kafka the announcements and dead letters. A record that cannot be read, breaks ingest's schema or
 * is refused by the database goes to the dead-letter topic with the reason; an outage of MongoDB or of the broker is
 * retried until it is over, the whole batch again, which is safe as a stored item is not written twice.
 */
@ApplicationScoped
public class IngestedArticleConsumer {

    private static final Logger LOG = Logger.getLogger(IngestedArticleConsumer.class);
    private static final Duration OUTAGE_BACKOFF_FIRST = Duration.ofMillis(500);
    private static final Duration OUTAGE_BACKOFF_MAX = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final IngestedItemCheck check;
    private final ArticleStore store;
    private final CatalogedPublisher publisher;
    private final DeadLetters deadLetters;

    public IngestedArticleConsumer(ObjectMapper json, IngestedItemCheck check, ArticleStore store,
            CatalogedPublisher publisher, DeadLetters deadLetters) {
        this.json = json;
        this.check = check;
        this.store = store;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
    }

    @Incoming("articles-ingested")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        // the record of an id received last wins (the later one of a tie): earlier ones of the batch need no write
        Map<String, ConsumerRecord<String, String>> valid = new LinkedHashMap<>();
        Map<String, ObjectNode> items = new LinkedHashMap<>();
        Map<String, Instant> receivedAt = new LinkedHashMap<>();
        Map<ConsumerRecord<String, String>, String> rejected = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                ObjectNode item = read(record);
                String id = item.get("id").asText();
                Instant received = receivedAt(record);
                if (!receivedAt.containsKey(id) || !received.isBefore(receivedAt.get(id))) {
                    valid.put(id, record);
                    items.put(id, item);
                    receivedAt.put(id, received);
                }
            } catch (UnstorableRecordException e) {
                rejected.put(record, e.getMessage());
            }
        }
        return store.store(items, receivedAt)
                .chain(outcome -> {
                    outcome.refused().forEach((id, reason) -> rejected.put(valid.get(id), "refused by the catalog: " + reason));
                    List<Uni<Void>> sends = new ArrayList<>();
                    outcome.toAnnounce().forEach(document -> sends.add(publisher.publish(
                            new CatalogedArticle(document.id, document.version, items.get(document.id)))));
                    rejected.forEach((record, reason) -> sends.add(deadLetters.send(record, reason)));
                    LOG.debugf("batch of %d: %d to announce, %d dead letters", records.count(),
                            outcome.toAnnounce().size(), rejected.size());
                    return (sends.isEmpty() ? Uni.createFrom().voidItem()
                            : Uni.join().all(sends).andFailFast().replaceWithVoid())
                            .chain(() -> store.announced(outcome.toAnnounce()));
                })
                // refusals are dead letters by now; a failure here is an outage, waited out and never dead-lettered, so
                // nothing is skipped (the batch stays unacknowledged, the partition waits; an announcement sent before
                // the failure may be sent again, consumers of articles.cataloged take it idempotently)
                .onFailure().invoke(failure -> LOG.warnf("cannot catalog a batch of %d yet, retrying: %s",
                        records.count(), failure.getMessage()))
                .onFailure().retry().withBackOff(OUTAGE_BACKOFF_FIRST, OUTAGE_BACKOFF_MAX).indefinitely();
    }

    /** When ingest received the item: the record's CloudEvents time, else (a record without one) its timestamp. */
    private static Instant receivedAt(ConsumerRecord<String, String> record) {
        Header time = record.headers().lastHeader("ce_time");
        if (time != null) {
            try {
                return OffsetDateTime.parse(new String(time.value(), StandardCharsets.UTF_8)).toInstant();
            } catch (DateTimeParseException e) {
                // not a time: the record's own timestamp below
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    /** The record's item, checked. */
    private ObjectNode read(ConsumerRecord<String, String> record) throws UnstorableRecordException {
        JsonNode value;
        try {
            value = json.readTree(record.value() == null ? "" : record.value());
        } catch (Exception e) {
            throw new UnstorableRecordException("not a JSON item: " + e.getMessage());
        }
        List<String> problems = value.isMissingNode() ? List.of("no value") : check.problems(value);
        if (!problems.isEmpty()) {
            throw new UnstorableRecordException("invalid item: " + String.join("; ", problems));
        }
        return (ObjectNode) value;
    }

    /** A record that will never become storable, whatever the state of the database. */
    private static final class UnstorableRecordException extends Exception {
        UnstorableRecordException(String reason) {
            super(reason, null, false, false);
        }
    }
}
