package news.coverage.ingest.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.NewsItem;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import java.time.Instant;

/**
 * Publishes accepted items to {@code articles.ingested} with CloudEvents attributes in the record headers (type and
 * source from the channel configuration; {@code time} when the item was received, by which the catalog tells a late
 * or replayed record of an older version from a newer one). The returned {@link Uni} completes only once the broker acknowledged the
 * record (acks=all), and fails when it did not within the producer's delivery timeout.
 */
@ApplicationScoped
public class ArticlePublisher {

    private final MutinyEmitter<NewsItem> emitter;

    public ArticlePublisher(@Channel("articles-ingested") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<NewsItem> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(NewsItem item, Instant receivedAt) {
        return emitter.sendMessage(KeyedEvents.keyed(item, item.id, receivedAt));
    }
}
