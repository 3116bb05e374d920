package news.coverage.ingest.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.ItemNormalizer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Publishes accepted items to {@code articles.ingested}, keyed by article id, with CloudEvents attributes in the
 * record headers. The returned {@link Uni} completes only once the broker acknowledged the record (acks=all).
 */
@ApplicationScoped
public class ArticlePublisher {

    public static final String TYPE = "news.coverage.article.ingested";

    private final MutinyEmitter<ObjectNode> emitter;

    public ArticlePublisher(@Channel("articles-ingested") MutinyEmitter<ObjectNode> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(ObjectNode item) {
        String id = item.get(ItemNormalizer.ID).asText();
        var record = OutgoingKafkaRecordMetadata.<String>builder().withKey(id).build();
        var event = OutgoingCloudEventMetadata.builder()
                .withId(UUID.randomUUID().toString())
                .withType(TYPE)
                .withSubject(id)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .build();
        return emitter.sendMessage(Message.of(item, Metadata.of(record, event)));
    }
}
