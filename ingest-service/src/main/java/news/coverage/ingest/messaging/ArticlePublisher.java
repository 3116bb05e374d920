package news.coverage.ingest.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.ItemNormalizer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes accepted items to {@code articles.ingested} with CloudEvents attributes in the record headers (type and
 * source from the channel configuration). The returned {@link Uni} completes only once the broker acknowledged the
 * record (acks=all).
 */
@ApplicationScoped
public class ArticlePublisher {

    private final MutinyEmitter<ObjectNode> emitter;

    public ArticlePublisher(@Channel("articles-ingested") MutinyEmitter<ObjectNode> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(ObjectNode item) {
        String id = item.get(ItemNormalizer.ID).asText();
        // the partitionkey extension becomes the record key: all versions of an article stay in order
        return emitter.sendMessage(Message.of(item).addMetadata(OutgoingCloudEventMetadata.builder()
                .withSubject(id).withExtension("partitionkey", id).build()));
    }
}
