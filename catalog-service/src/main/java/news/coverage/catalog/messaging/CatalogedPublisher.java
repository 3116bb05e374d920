package news.coverage.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Announces each effective catalog write on {@code articles.cataloged}, keyed by article id, with CloudEvents
 * attributes (type and source from the channel configuration); a delete is a tombstone, so the topic can be
 * compacted and replayed by any consumer to rebuild its state.
 */
@ApplicationScoped
public class CatalogedPublisher {

    private final MutinyEmitter<Record<String, String>> emitter;
    private final ObjectMapper json;

    /** A whole batch of {@code articles.ingested} (up to max.poll.records, 500) is announced at once. */
    public CatalogedPublisher(@Channel("articles-cataloged")
            @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<Record<String, String>> emitter,
            ObjectMapper json) {
        this.emitter = emitter;
        this.json = json;
    }

    public Uni<Void> publish(CatalogedArticle article) {
        try {
            return send(article.id(), json.writeValueAsString(article));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    public Uni<Void> tombstone(String id) {
        return send(id, null);
    }

    /** The value is serialized here, so that a tombstone's null stays a null record value. */
    private Uni<Void> send(String id, String article) {
        return emitter.sendMessage(Message.of(Record.of(id, article))
                .addMetadata(OutgoingCloudEventMetadata.builder().withSubject(id).build()));
    }
}
